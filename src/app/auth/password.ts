// Password hashing with argon2id at OWASP's recommended cost; only the encoded hash is ever stored.
import { randomUUID } from 'node:crypto';
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';

/** argon2id, 19 MiB, 2 passes, 1 lane: the OWASP Password Storage Cheat Sheet's first option. */
export const ARGON2_OPTIONS: Readonly<Options> = Object.freeze({
  // Algorithm is an ambient const enum, unusable under isolatedModules: 2 is Argon2id.
  algorithm: 2 as Algorithm,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
});

/** Hashes a password into an encoded argon2id string (salt and parameters included). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** True when `password` matches the encoded hash; a malformed hash counts as no match. */
export async function verifyPassword(encoded: string, password: string): Promise<boolean> {
  try {
    return await verify(encoded, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/**
 * A hash of a random throwaway password with the same parameters, verified when the account is
 * unknown so that answering "no such user" takes as long as answering "wrong password".
 */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(`dummy-${randomUUID()}`);
  return dummy;
}
