// Chinese strings of the public verify check's limits.

import type { verifyEn } from "../verify";

export const verifyZh: typeof verifyEn = {
  verify: {
    rateLimited: "过去一分钟内来自您所在网络的核验次数过多。请等待一分钟后重试。",
    busy: "核验服务正忙于核验其他文件。请几秒钟后重试。",
  },
};
