// How `serve` and `notify dispatch` set up delivery from the environment: SMTP_URL, SMTP_FROM,
// SIDELINE_PUBLIC_URL. Without SMTP_URL email is off and everything else works.
import type { Channels, DispatcherOptions } from '../app/notify/dispatcher.js';
import { smtpSender } from '../io/mail/smtp.js';
import { postWebhook } from '../io/webhook/post.js';
import { UserError } from './errors.js';

/** The channels and options the environment asks for, and a line to log about email. */
export function deliveryFromEnv(env: NodeJS.ProcessEnv): {
  channels: Channels;
  options: Pick<DispatcherOptions, 'baseUrl'>;
  emailLine: string;
} {
  const url = env.SMTP_URL?.trim();
  const from = env.SMTP_FROM?.trim() || 'Sideline <no-reply@localhost>';
  const baseUrl = env.SIDELINE_PUBLIC_URL?.trim() || 'http://localhost:8080';
  try {
    new URL(baseUrl);
  } catch {
    throw new UserError(`SIDELINE_PUBLIC_URL "${baseUrl}" is not a URL (https://sideline.example.org)`);
  }
  let email;
  try {
    email = url ? smtpSender(url, from) : undefined;
  } catch (e) {
    throw new UserError((e as Error).message);
  }
  const where = url ? new URL(url).host : '';
  return {
    channels: { webhook: postWebhook, ...(email ? { email } : {}) },
    options: { baseUrl },
    emailLine: email
      ? `email on: SMTP at ${where}, from ${from}, links to ${baseUrl}`
      : 'email is off (set SMTP_URL to send it); in-app notices and webhooks work',
  };
}
