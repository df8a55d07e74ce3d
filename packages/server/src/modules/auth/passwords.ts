import { hash, verify } from '@node-rs/argon2';

// argon2id (algorithm 2) with OWASP's suggested minimums: 19 MiB, 2 iterations.
const options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** Checks a password against its stored hash; false for any malformed hash. */
export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

// Verifying against this keeps the timing of "unknown email" equal to "wrong password".
export const dummyHashPromise = hashPassword('charla-timing-equaliser');
