// Several instances: documents and presence are shared through Redis (Hocuspocus's own extension).
import { Redis } from "@hocuspocus/extension-redis";

export function redisExtension(redisUrl: string): Redis {
  const url = new URL(redisUrl);
  return new Redis({
    host: url.hostname,
    port: Number(url.port || 6379),
    options: {
      username: url.username ? decodeURIComponent(url.username) : undefined,
      password: url.password ? decodeURIComponent(url.password) : undefined,
      db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : undefined,
    },
    prefix: "accord:collab",
  });
}
