// Notices as emails: one notice, or a digest of several, in plain text and HTML, with links to the records.
import type { Email } from '../../io/mail/smtp.js';
import type { EmailNotice } from './outbox.js';

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** The absolute URL of a web app path under `baseUrl`. */
export function absolute(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}

/** The email of one notice or a digest of notices for one person (all of one recipient). */
export function composeEmail(notices: readonly EmailNotice[], baseUrl: string, messageId: string): Email {
  const first = notices[0];
  if (!first) throw new Error('an email needs at least one notice');
  const digest = notices.length > 1 || first.digest !== null;
  const subject = digest
    ? `[${first.summit}] ${notices.length} update${notices.length === 1 ? '' : 's'} (${first.digest ?? 'digest'})`
    : `[${first.summit}] ${first.title}`;
  const text = [
    `Hello ${first.name},`,
    '',
    ...notices.flatMap((n) => [n.title, n.body, `Open: ${absolute(baseUrl, n.link)}`, '']),
    'You receive this because of your notification preferences in Sideline.',
  ].join('\n');
  const items = notices
    .map(
      (n) =>
        `<li><p><strong>${escapeHtml(n.title)}</strong></p><p>${escapeHtml(n.body)}</p>` +
        `<p><a href="${escapeHtml(absolute(baseUrl, n.link))}">Open in Sideline</a></p></li>`,
    )
    .join('');
  const html =
    `<!doctype html><html><body><p>Hello ${escapeHtml(first.name)},</p><ul>${items}</ul>` +
    `<p><small>You receive this because of your notification preferences in Sideline.</small></p></body></html>`;
  return { to: first.to, subject, text, html, messageId };
}
