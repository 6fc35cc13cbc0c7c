// The password policy: long enough, not a well-known password, not a well-known one dressed up, and
// not easy to guess by the patterns attackers try (zxcvbn's estimate, offline, with the breached
// passwords, words and names its dictionaries ship; NIST SP 800-63B 3.1.1.2, OWASP ASVS 5.0 V6.2).
import { readFileSync } from 'node:fs';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { PasswordPolicyError } from './errors.js';

/** Shortest password accepted (NIST SP 800-63B allows 8; we ask for 12). */
export const MIN_PASSWORD_LENGTH = 12;
/** Longest accepted: long enough for any passphrase, short enough to bound hashing work. */
export const MAX_PASSWORD_LENGTH = 256;

/** The common-password list shipped beside this module, lower-cased. */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter((line) => line !== '' && !line.startsWith('# ')),
);

const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
};

/** The password without the digits and symbols people bolt onto both ends of a common word. */
function core(lower: string): string {
  return lower.replace(/^[^\p{L}]+/u, '').replace(/[^\p{L}]+$/u, '');
}

function deLeet(text: string): string {
  return [...text].map((c) => LEET[c] ?? c).join('');
}

/** True when the password is a common one, or a common one padded, repeated or in leetspeak. */
function isCommon(lower: string): boolean {
  const candidates = new Set([lower, core(lower), deLeet(lower), core(deLeet(lower))]);
  for (const c of [...candidates]) {
    // "dragondragondragon": a common word repeated
    const repeated = /^(.+?)\1+$/u.exec(c);
    if (repeated?.[1]) candidates.add(repeated[1]);
  }
  return [...candidates].some((c) => COMMON_PASSWORDS.has(c));
}

/** zxcvbn's score a password needs: 3 is "safely unguessable" (about 10^8 guesses and more). */
export const MIN_STRENGTH = 3;

let estimator: Promise<ZxcvbnFactory> | undefined;

/**
 * The strength estimator, loaded on first use: its dictionaries take a second or two to load, which
 * every command that never sets a password would otherwise pay at start.
 */
function strength(): Promise<ZxcvbnFactory> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common, english] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    return new ZxcvbnFactory({
      translations: english.translations,
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...english.dictionary },
    });
  })();
  return estimator;
}

/** Why zxcvbn finds the password easy to guess, in words a user can act on; null when it does not. */
async function guessable(password: string, personal: readonly string[]): Promise<string | null> {
  const result = (await strength()).check(password, [...personal]);
  if (result.score >= MIN_STRENGTH) return null;
  const warning = result.feedback.warning?.replace(/\.$/u, '').toLowerCase();
  const advice = result.feedback.suggestions[0];
  return `it is too easy to guess${warning ? ` (${warning})` : ''}${advice ? `: ${advice.replace(/\.$/u, '').toLowerCase()}, or choose a passphrase` : '; choose a passphrase'}`;
}

/**
 * Throws PasswordPolicyError when the password is too short, too long, made of one or two
 * characters, common (lower-cased compare, also with padding or leetspeak removed), an account's
 * own email, or easy to guess by zxcvbn's estimate (keyboard rows, dates, words and names, the email
 * and its parts); the reason says which, for the person choosing it. Given several emails (one
 * password for several accounts, as the demo's), it holds for each: every email is checked and all
 * their parts count as personal, so one estimate (the slow part) serves them all.
 */
export async function checkPasswordPolicy(
  password: string,
  email?: string | readonly string[],
): Promise<void> {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    throw new PasswordPolicyError(`at least ${MIN_PASSWORD_LENGTH} characters are needed (got ${length})`);
  }
  if (length > MAX_PASSWORD_LENGTH) {
    throw new PasswordPolicyError(`at most ${MAX_PASSWORD_LENGTH} characters are allowed`);
  }
  const lower = password.toLowerCase();
  if (new Set(lower).size <= 2) {
    throw new PasswordPolicyError('it repeats one or two characters; choose a passphrase');
  }
  if (isCommon(lower)) {
    throw new PasswordPolicyError('it is one of the most common passwords; choose a passphrase');
  }
  const emails = email === undefined ? [] : typeof email === 'string' ? [email] : email;
  const personal: string[] = [];
  const c = core(lower);
  for (const address of emails) {
    const e = address.toLowerCase();
    const local = e.split('@')[0] ?? e;
    if (c === e || c === local || lower.includes(e)) {
      throw new PasswordPolicyError('it is based on the account email');
    }
    personal.push(address, ...e.split(/[@.+_-]/u).filter((p) => p.length >= 3));
  }
  const reason = await guessable(password, [...new Set(personal)]);
  if (reason) throw new PasswordPolicyError(reason);
}
