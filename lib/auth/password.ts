import { randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import bcrypt from "bcryptjs";

/*
 * Passwords are hashed with argon2id (OWASP's parameters: 19 MiB, 2 passes, 1 lane), which reads the whole
 * password — no 72-byte truncation as with bcrypt. Hashes made by earlier versions with bcrypt still verify
 * and are replaced by an argon2id hash at the next successful sign-in (`needsRehash`).
 */
// algorithm 2 = Algorithm.Argon2id (a const enum, which isolated modules cannot read).
const PARAMS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize("NFC"), PARAMS);
}

// A hash of a random secret with the same parameters, verified against when the account does not exist (or
// has no password), so an unknown email costs the same time as a wrong password: no enumeration by timing.
let dummy: Promise<string> | undefined;
const dummyHash = () => (dummy ??= hashPassword(randomBytes(32).toString("base64url")));

export interface PasswordCheck {
  ok: boolean;
  /** The stored hash is of an older kind (bcrypt) or weaker parameters: store hashPassword(password). */
  needsRehash: boolean;
}

export async function verifyPassword(password: string, stored: string | null): Promise<PasswordCheck> {
  const normalized = password.normalize("NFC");
  if (stored?.startsWith("$2")) {
    const ok = await bcrypt.compare(normalized, stored);
    return { ok, needsRehash: ok };
  }
  if (stored?.startsWith("$argon2id$")) {
    const ok = await verify(stored, normalized).catch(() => false);
    return { ok, needsRehash: ok && !stored.startsWith(`$argon2id$v=19$m=${PARAMS.memoryCost},t=${PARAMS.timeCost},p=${PARAMS.parallelism}$`) };
  }
  await verify(await dummyHash(), normalized).catch(() => false);
  return { ok: false, needsRehash: false };
}
