import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// The company's identity secrets (issue 24): the current one, plus the ones a rotation replaced,
// each valid until the end of its grace period. Pure apart from HMAC and randomness.

export type IdentitySecret = { secret: string; createdAt: number; expiresAt: number | null };

/** What the settings row `visitor_identity` holds. */
export type IdentityState = {
  secrets: IdentitySecret[];
  requireVerified: boolean;
  graceHours: number;
};

export const DEFAULT_IDENTITY_STATE: IdentityState = { secrets: [], requireVerified: false, graceHours: 24 };

/** At most this many secrets are kept: the current one and the previous ones still in their grace period. */
const MAX_SECRETS = 3;

/** HMAC-SHA256(secret, userId) as lower-case hex: what the host page's server computes. */
export function identityHashOf(secret: string, userId: string): string {
  return createHmac('sha256', secret).update(userId, 'utf8').digest('hex');
}

/** The secrets that still verify at `now`: the current one and those whose grace has not ended. */
export function liveSecrets(state: IdentityState, now: number): IdentitySecret[] {
  return state.secrets.filter((s) => s.expiresAt === null || s.expiresAt > now);
}

/**
 * Compares two strings in time that depends only on their lengths (the expected one is always 64
 * hex characters): `timingSafeEqual` over equal-length buffers, a dummy comparison otherwise.
 */
export function constantTimeEqual(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  if (a.length !== b.length) {
    timingSafeEqual(a, a);
    return false;
  }
  return timingSafeEqual(a, b);
}

/**
 * True when `userHash` is the HMAC of `userId` under any live secret. Every live secret is tried
 * (no early exit), so the answer takes as long whichever secret matched.
 */
export function verifyUserHash(state: IdentityState, userId: string, userHash: string, now: number): boolean {
  let ok = false;
  for (const { secret } of liveSecrets(state, now)) {
    if (constantTimeEqual(identityHashOf(secret, userId), userHash)) ok = true;
  }
  return ok;
}

/** True when a value from the browser is one of the secrets themselves (a host page leaked it). */
export function isLeakedSecret(state: IdentityState, values: readonly (string | undefined)[]): boolean {
  let leaked = false;
  for (const { secret } of state.secrets) {
    for (const value of values) if (value !== undefined && constantTimeEqual(secret, value)) leaked = true;
  }
  return leaked;
}

/** A fresh secret: 32 random bytes, hex (easy to paste into any server's configuration). */
export function newIdentitySecret(): string {
  return randomBytes(32).toString('hex');
}

/**
 * The state after a rotation at `now`: `secret` becomes current; the one it replaces stays valid
 * for the grace period; secrets already expired are dropped; at most MAX_SECRETS are kept.
 */
export function rotate(state: IdentityState, secret: string, now: number): IdentityState {
  const graceEnd = now + state.graceHours * 3_600_000;
  const previous = liveSecrets(state, now).map((s) => ({
    ...s,
    expiresAt: s.expiresAt === null ? graceEnd : Math.min(s.expiresAt, graceEnd),
  }));
  const kept = previous.filter((s) => s.expiresAt > now);
  return {
    ...state,
    secrets: [{ secret, createdAt: now, expiresAt: null }, ...kept].slice(0, MAX_SECRETS),
  };
}
