// A real SMTP server on loopback (smtp-server) that keeps every message it accepts, for tests that
// read what Sideline sent.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message as received: its envelope, headers and decoded text. */
export interface ReceivedMail {
  to: string[];
  messageId: string;
  subject: string;
  /** The raw message with quoted-printable soft breaks and escapes undone (good enough to search). */
  text: string;
}

/** A running sink. */
export interface SmtpSink {
  url: string;
  received: ReceivedMail[];
  /** Makes the next `n` messages fail with a temporary error (451). */
  failNext(n: number): void;
  /** Waits until at least `n` messages have arrived. */
  waitFor(n: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

function header(raw: string, name: string): string {
  const unfolded = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? line.slice(name.length + 1).trim() : '';
}

function decodeQuotedPrintable(raw: string): string {
  return Buffer.from(
    raw
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}

/** Starts a sink on a free loopback port; `delayMs` holds each message before accepting it. */
export async function startSmtpSink(options: { delayMs?: number } = {}): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  let failing = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('latin1');
        const accept = () => {
          if (failing > 0) {
            failing--;
            const error = Object.assign(new Error('try again later'), { responseCode: 451 });
            callback(error);
            return;
          }
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            messageId: header(raw, 'Message-ID'),
            subject: header(raw, 'Subject'),
            text: decodeQuotedPrintable(raw),
          });
          callback();
        };
        if (options.delayMs) setTimeout(accept, options.delayMs);
        else accept();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    failNext: (n) => {
      failing = n;
    },
    async waitFor(n, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < n) {
        if (Date.now() > until) throw new Error(`waited for ${n} emails, got ${received.length}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
