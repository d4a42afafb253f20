/** Password hashing with argon2id (OWASP's first choice), via a prebuilt native binding. */
import { hash, verify } from "@node-rs/argon2";

// Algorithm 2 is argon2id; the numeric literal avoids importing a const enum.
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 10;

/** A password hash no password matches (argon2 refuses to parse it): accounts restored from a backup, until a reset. */
export const NO_PASSWORD_HASH = "!restored-without-password";

export async function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Verified against when the email is unknown, so a wrong email takes as long
// as a wrong password and response times do not reveal who has an account.
let dummyHash: Promise<string> | undefined;

/** Compares in constant time (argon2's verify); `storedHash` null means "no such user". */
export async function verifyPassword(password: string, storedHash: string | null): Promise<boolean> {
  dummyHash ??= hashPassword("gpa-dummy-password-for-timing");
  const isMatch = await verify(storedHash ?? (await dummyHash), password).catch(() => false);
  return storedHash !== null && isMatch;
}
