// Outgoing email, only when an SMTP server is configured (SMTP_URL, e.g.
// smtp://user:pass@mail.example.org:587, and MAIL_FROM). Sending is best effort and happens
// after the change it reports has committed: a mail failure never undoes or blocks the change.
import type { Transporter } from "nodemailer";

type ProcessMailer = { transporter?: Promise<Transporter | null> };
const processGlobal = globalThis as { __accordMailer?: ProcessMailer };
processGlobal.__accordMailer ??= {};
const mailer: ProcessMailer = processGlobal.__accordMailer;

function transporter(): Promise<Transporter | null> {
  mailer.transporter ??= (async () => {
    if (!process.env.SMTP_URL) return null;
    const { createTransport } = await import("nodemailer");
    return createTransport(process.env.SMTP_URL);
  })();
  return mailer.transporter;
}

export type Mail = { to: string; subject: string; text: string };

export async function sendMail(mails: Mail[]): Promise<void> {
  const transport = await transporter();
  if (!transport || mails.length === 0) return;
  const from = process.env.MAIL_FROM ?? "Accord <no-reply@accord.invalid>";
  await Promise.all(
    mails.map((mail) =>
      transport.sendMail({ from, ...mail }).catch((error: unknown) => console.error("mail not sent", mail.to, error)),
    ),
  );
}

/** Absolute link for emails. */
export function appUrl(path: string): string {
  const base = process.env.AUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  return new URL(path, base).toString();
}
