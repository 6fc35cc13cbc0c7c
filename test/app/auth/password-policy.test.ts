import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS, checkPasswordPolicy } from '../../../src/app/auth/password-policy.js';
import { PasswordPolicyError } from '../../../src/app/auth/errors.js';

const refusal = (password: string, email?: string): string | undefined => {
  try {
    checkPasswordPolicy(password, email);
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(PasswordPolicyError);
    return (e as PasswordPolicyError).reason;
  }
};

describe('password policy', () => {
  it('ships a list of about a thousand common passwords, lower-cased', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThanOrEqual(900);
    expect(COMMON_PASSWORDS.has('password')).toBe(true);
    expect([...COMMON_PASSWORDS].every((p) => p === p.toLowerCase())).toBe(true);
  });

  it('refuses fewer than 12 characters, counting characters not bytes', () => {
    expect(refusal('short-pass1')).toMatch(/at least 12 characters.*got 11/);
    expect(refusal('ééééé-ééééé-x')).toBeUndefined();
  });

  it('refuses common passwords whatever their case', () => {
    expect(refusal('PASSWORD1234')).toMatch(/most common/);
    expect(refusal('qwertyuiop123')).toMatch(/most common/);
    expect(refusal('123456789012')).toMatch(/most common/);
  });

  it('refuses a common word padded with digits or symbols, repeated, or in leetspeak', () => {
    expect(refusal('Dragon2024!!!!')).toMatch(/most common/);
    expect(refusal('!!!sunshine!!!')).toMatch(/most common/);
    expect(refusal('monkeymonkeymonkey')).toMatch(/most common/);
    expect(refusal('P@ssw0rd-2024')).toMatch(/most common/);
  });

  it('refuses one or two repeated characters and the account email', () => {
    expect(refusal('aaaaaaaaaaaaaa')).toMatch(/repeats/);
    expect(refusal('abababababab')).toMatch(/repeats/);
    expect(refusal('ana.lopez.ops2024', 'ana.lopez.ops@example.org')).toMatch(/email/);
  });

  it('accepts a passphrase', () => {
    expect(refusal('correct horse battery staple')).toBeUndefined();
    expect(refusal('Sunflower#Harbour#Lantern')).toBeUndefined();
  });
});
