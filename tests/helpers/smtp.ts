// A real SMTP server in the test process (smtp-server on 127.0.0.1, a random port), keeping every
// message it receives, decoded just enough to read it: envelope, headers (RFC 2047 words
// decoded), and for a single-part message its text (quoted-printable or base64 decoded).
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { createServer as createTcpServer } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll } from "vitest";
import { resetMailer as resetServerMailer } from "@/server/mail";

export type ReceivedMail = {
  /** Envelope recipients (RCPT TO). */
  to: string[];
  from: string;
  /** Header names in lower case, values unfolded and decoded. */
  headers: Map<string, string>;
  subject: string;
  /** The Content-Type header, e.g. `text/plain; charset=utf-8`. */
  contentType: string;
  /** The decoded body of a single-part message; the raw body of a multipart one. */
  text: string;
  raw: string;
};

export type SmtpSink = {
  port: number;
  /** For SMTP_URL. */
  url: string;
  messages: ReceivedMail[];
  /** The messages sent to this address (envelope). */
  to(address: string): ReceivedMail[];
  clear(): void;
  stop(): Promise<void>;
};

function decodeQuotedPrintable(body: string): Buffer {
  const joined = body.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const char = joined[i];
    const hex = joined.slice(i + 1, i + 3);
    if (char === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(char ?? "", "utf8"));
    }
  }
  return Buffer.from(bytes);
}

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`), adjacent ones joined. */
export function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_m, _charset: string, encoding: string, text: string) =>
      encoding.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : decodeQuotedPrintable(text.replace(/_/g, " ")).toString("utf8"),
    );
}

export function parseMessage(raw: string, envelope: { from: string; to: string[] }): ReceivedMail {
  const split = raw.indexOf("\r\n\r\n");
  const head = split >= 0 ? raw.slice(0, split) : raw;
  const body = split >= 0 ? raw.slice(split + 4) : "";
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), decodeHeader(line.slice(colon + 1).trim()));
  }
  const contentType = headers.get("content-type") ?? "text/plain";
  const encoding = (headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  let text = body;
  if (!/^multipart\//i.test(contentType)) {
    if (encoding === "quoted-printable") text = decodeQuotedPrintable(body).toString("utf8");
    else if (encoding === "base64") text = Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
    text = text.replace(/\r\n/g, "\n").replace(/\n$/, "");
  }
  return { ...envelope, headers, subject: headers.get("subject") ?? "", contentType, text, raw };
}

/** Starts a sink on 127.0.0.1 (plain SMTP, no authentication required). */
export async function startSmtpSink(options: { onMail?: (mail: ReceivedMail) => void } = {}): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        // Kept before the 250 reply, so the message is here once the sender's call resolves.
        const mail = parseMessage(Buffer.concat(chunks).toString("utf8"), envelope);
        messages.push(mail);
        options.onMail?.(mail);
        callback();
      });
    },
  });
  server.listen(0, "127.0.0.1");
  await once(server.server, "listening");
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    to: (address) => messages.filter((m) => m.to.some((a) => a.toLowerCase() === address.toLowerCase())),
    clear: () => {
      messages.length = 0;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const probe = createTcpServer();
  probe.listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Makes server/mail.ts build its transporter again from the current SMTP_URL. */
export { resetMailer } from "@/server/mail";

/**
 * A sink for the whole test file: started before its tests, with SMTP_URL pointing at it (and the
 * mailer reset), then stopped and SMTP_URL restored after them. Returns the running sink.
 */
export function useSmtpSink(): () => SmtpSink {
  let sink: SmtpSink | undefined;
  const saved = process.env.SMTP_URL;
  beforeAll(async () => {
    sink = await startSmtpSink();
    process.env.SMTP_URL = sink.url;
    resetServerMailer();
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = saved;
    resetServerMailer();
    await sink?.stop();
  });
  return () => {
    if (!sink) throw new Error("the SMTP sink starts before the file's tests");
    return sink;
  };
}
