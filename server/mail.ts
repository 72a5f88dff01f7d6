// Outgoing email, only when an SMTP server is configured (SMTP_URL, e.g.
// smtp://user:pass@mail.example.org:587, and MAIL_FROM). Sending is best effort and happens
// after the change it reports has committed: a mail failure never undoes or blocks the change.
import type { Transporter } from "nodemailer";
import { processSingleton } from "@/lib/process-singleton";

const mailer = processSingleton("mailer", (): { transporter?: Promise<Transporter | null> } => ({}));

/** Forgets the transport, so that the next mail reads SMTP_URL again (tests change it). */
export function resetMailer(): void {
  mailer.transporter = undefined;
}

function transporter(): Promise<Transporter | null> {
  mailer.transporter ??= (async () => {
    if (!process.env.SMTP_URL) return null;
    const { createTransport } = await import("nodemailer");
    // Short timeouts: mail is sent after the change commits but before the response, and a
    // stalled SMTP server must not hold a delegate's request for minutes.
    return createTransport({
      url: process.env.SMTP_URL,
      connectionTimeout: 5_000,
      greetingTimeout: 5_000,
      socketTimeout: 10_000,
    });
  })();
  return mailer.transporter;
}

export type Mail = { to: string; subject: string; text: string };

export async function sendMail(mails: Mail[]): Promise<void> {
  if (mails.length === 0) return;
  let transport: Transporter | null;
  try {
    transport = await transporter();
  } catch (error) {
    // An unusable SMTP_URL (createTransport throws) must not fail a change that has committed.
    console.error("mail not sent: SMTP_URL unusable", error);
    return;
  }
  if (!transport) return;
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
