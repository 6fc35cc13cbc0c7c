import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS, checkPasswordPolicy } from '../../../src/app/auth/password-policy.js';
import { PasswordPolicyError } from '../../../src/app/auth/errors.js';

const refusal = async (password: string, email?: string): Promise<string | undefined> => {
  try {
    await checkPasswordPolicy(password, email);
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

  it('refuses fewer than 12 characters, counting characters not bytes', async () => {
    expect(await refusal('short-pass1')).toMatch(/at least 12 characters.*got 11/);
    expect(await refusal('élan-über-ñandú')).toBeUndefined(); // 15 characters, 19 bytes
  });

  it('refuses common passwords whatever their case', async () => {
    expect(await refusal('PASSWORD1234')).toMatch(/most common/);
    expect(await refusal('qwertyuiop123')).toMatch(/most common/);
    expect(await refusal('123456789012')).toMatch(/most common/);
  });

  it('refuses a common word padded with digits or symbols, repeated, or in leetspeak', async () => {
    expect(await refusal('Dragon2024!!!!')).toMatch(/most common/);
    expect(await refusal('!!!sunshine!!!')).toMatch(/most common/);
    expect(await refusal('monkeymonkeymonkey')).toMatch(/most common/);
    expect(await refusal('P@ssw0rd-2024')).toMatch(/most common/);
  });

  it('refuses one or two repeated characters and the account email', async () => {
    expect(await refusal('aaaaaaaaaaaaaa')).toMatch(/repeats/);
    expect(await refusal('abababababab')).toMatch(/repeats/);
    expect(await refusal('ana.lopez.ops2024', 'ana.lopez.ops@example.org')).toMatch(/email/);
  });

  it('refuses what is easy to guess though on no list, saying why: keyboard rows, the email plus a digit', async () => {
    expect(await refusal('qwertyuiopas')).toMatch(/too easy to guess/);
    expect(await refusal('anamaria19871', 'anamaria1987@example.org')).toMatch(
      /too easy to guess \(there should not be any personal or page related data\)/,
    );
    expect(await refusal('1234567890abcd')).toMatch(/too easy to guess/);
    // the same shapes from a random source pass
    expect(await refusal('zq8#Lm2!vR9w')).toBeUndefined();
  });

  it('accepts a passphrase', async () => {
    expect(await refusal('correct horse battery staple')).toBeUndefined();
    expect(await refusal('Sunflower#Harbour#Lantern')).toBeUndefined();
  });

  it('holds for each of several accounts given one password: any email it is based on refuses it', async () => {
    const emails = ['usa-lead@demo.test', 'anamaria1987@example.org', 'rus-protocol@demo.test'];
    await expect(checkPasswordPolicy('anamaria19871', emails)).rejects.toThrow(/too easy to guess/);
    await expect(checkPasswordPolicy('rus-protocol@demo.test!!', emails)).rejects.toThrow(/email/);
    await expect(checkPasswordPolicy('Sunflower#Harbour#Lantern', emails)).resolves.toBeUndefined();
  });
});
