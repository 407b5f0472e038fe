import bcrypt from "bcryptjs";

/** bcrypt with cost 12 for new passwords; verification works for any cost stored in the hash. */
const COST = 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

// A real hash of a random string, compared against when the account does not exist, so a wrong email
// costs the same time as a wrong password (no account enumeration by timing).
const DUMMY_HASH = "$2b$12$U6mJNfZJv89Bnt0CXIeKU.S/tm7ZVGFj2qgXc2ObAW8bKvNimgGh6";

export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  const ok = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return hash !== null && ok;
}
