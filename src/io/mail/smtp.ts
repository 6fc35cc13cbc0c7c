// Email out through SMTP (nodemailer), configured by one URL such as smtp://user:pass@host:587.
import { createTransport, type Transporter } from 'nodemailer';

/** One email, in plain text and HTML. */
export interface Email {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** A stable id (`<…@…>`), so a receiver can tell a resent message from a new one. */
  messageId: string;
}

/** Sends emails; `close` ends its connections. */
export interface EmailSender {
  send(email: Email): Promise<void>;
  close(): void;
}

/** Refuses a URL that is not smtp:// or smtps://, naming the variable it came from. */
export function checkSmtpUrl(url: string, name = 'SMTP_URL'): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`${name} "${url}" is not a URL (smtp://user:password@host:port)`);
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:')
    throw new Error(`${name} must start with smtp:// or smtps://, got "${parsed.protocol}//"`);
  return parsed;
}

/** An SMTP sender for `url` with `from` as the sender address. */
export function smtpSender(url: string, from: string): EmailSender {
  checkSmtpUrl(url);
  const transport: Transporter = createTransport(url, { from });
  return {
    async send(email) {
      await transport.sendMail({
        from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: email.messageId,
      });
    },
    close: () => transport.close(),
  };
}
