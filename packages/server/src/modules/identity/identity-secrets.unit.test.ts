import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decideBinding, decideSignature, type BindingFacts } from './decide-identify';
import {
  constantTimeEqual,
  DEFAULT_IDENTITY_STATE,
  identityHashOf,
  liveSecrets,
  rotate,
  verifyUserHash,
  type IdentityState,
} from './identity-secrets';

const HOUR = 3_600_000;
const T0 = 1_800_000_000_000;
const OLD = 'a'.repeat(64);
const NEW = 'b'.repeat(64);

function stateWith(secret: string, graceHours = 24): IdentityState {
  return rotate({ ...DEFAULT_IDENTITY_STATE, graceHours }, secret, T0);
}

describe('identityHashOf', () => {
  it('is HMAC-SHA256(secret, userId) in lower-case hex, as the README examples compute it', () => {
    const expected = createHmac('sha256', 'top-secret').update('user-42').digest('hex');
    expect(identityHashOf('top-secret', 'user-42')).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('constantTimeEqual', () => {
  it.each([
    ['same strings', 'abc', 'abc', true],
    ['one character differs', 'abc', 'abd', false],
    ['a shorter string', 'abc', 'ab', false],
    ['a longer string', 'abc', 'abcd', false],
    ['an empty string', 'abc', '', false],
    ['the same bytes in another case', 'ABC', 'abc', false],
  ])('answers %s', (_case, a, b, equal) => {
    expect(constantTimeEqual(a, b)).toBe(equal);
  });
});

describe('verifyUserHash with rotation grace', () => {
  const rotated = rotate(stateWith(OLD, 24), NEW, T0 + HOUR);
  const oldHash = identityHashOf(OLD, 'u1');
  const newHash = identityHashOf(NEW, 'u1');

  it('accepts the current secret’s hash and refuses one of another userId', () => {
    const state = stateWith(OLD);
    expect(verifyUserHash(state, 'u1', oldHash, T0)).toBe(true);
    expect(verifyUserHash(state, 'u2', oldHash, T0)).toBe(false);
    expect(verifyUserHash(state, 'u1', oldHash.slice(0, 63), T0)).toBe(false);
    expect(verifyUserHash(state, 'u1', oldHash.toUpperCase(), T0)).toBe(false);
  });

  it('accepts both secrets during the grace period after a rotation', () => {
    expect(verifyUserHash(rotated, 'u1', newHash, T0 + 2 * HOUR)).toBe(true);
    expect(verifyUserHash(rotated, 'u1', oldHash, T0 + 2 * HOUR)).toBe(true);
  });

  it('refuses the old secret once the grace period is over, and keeps the new one', () => {
    const end = T0 + HOUR + 24 * HOUR;
    expect(verifyUserHash(rotated, 'u1', oldHash, end - 1)).toBe(true);
    expect(verifyUserHash(rotated, 'u1', oldHash, end)).toBe(false);
    expect(verifyUserHash(rotated, 'u1', newHash, end + 365 * 24 * HOUR)).toBe(true);
    expect(liveSecrets(rotated, end).map((s) => s.secret)).toEqual([NEW]);
  });

  it('with no grace, the old secret stops at the rotation', () => {
    const now = T0 + HOUR;
    const state = rotate(stateWith(OLD, 0), NEW, now);
    expect(verifyUserHash(state, 'u1', oldHash, now)).toBe(false);
    expect(verifyUserHash(state, 'u1', newHash, now)).toBe(true);
  });

  it('a second rotation shortens no grace beyond its own and keeps at most three secrets', () => {
    let state = stateWith('c'.repeat(64), 24);
    for (let i = 1; i <= 5; i += 1) state = rotate(state, String(i).repeat(64), T0 + i * HOUR);
    expect(state.secrets).toHaveLength(3);
    expect(state.secrets[0]).toMatchObject({ secret: '5'.repeat(64), expiresAt: null });
  });

  it('refuses everything when no secret was ever created', () => {
    expect(verifyUserHash(DEFAULT_IDENTITY_STATE, 'u1', oldHash, T0)).toBe(false);
  });
});

describe('decideSignature', () => {
  const state = stateWith(OLD);
  const hash = identityHashOf(OLD, 'u1');
  it.each([
    ['no userId nor hash', {}, { kind: 'unverified' }],
    ['a valid hash', { userId: 'u1', userHash: hash }, { kind: 'verified', userId: 'u1' }],
    [
      'a hash for another userId',
      { userId: 'u2', userHash: hash },
      { kind: 'refuse', code: 'IDENTITY_HASH_INVALID' },
    ],
    ['a userId without hash', { userId: 'u1' }, { kind: 'refuse', code: 'IDENTITY_HASH_INVALID' }],
    ['a hash without userId', { userHash: hash }, { kind: 'refuse', code: 'IDENTITY_HASH_INVALID' }],
    [
      'the secret as hash',
      { userId: 'u1', userHash: OLD },
      { kind: 'refuse', code: 'IDENTITY_SECRET_EXPOSED' },
    ],
    [
      'the secret in an attribute',
      { userId: 'u1', userHash: hash, attributes: { plan: OLD } },
      { kind: 'refuse', code: 'IDENTITY_SECRET_EXPOSED' },
    ],
  ])('decides %s', (_case, input, expected) => {
    expect(decideSignature(state, input, T0)).toEqual(expected);
  });

  it('refuses an unsigned call when verification is required', () => {
    expect(decideSignature({ ...state, requireVerified: true }, { name: 'Ann' }, T0)).toEqual({
      kind: 'refuse',
      code: 'IDENTITY_VERIFICATION_REQUIRED',
    });
  });
});

describe('decideBinding', () => {
  const verified = { kind: 'verified', userId: 'u1' } as const;
  const fresh: BindingFacts = { currentVisitorId: 'v1', currentUserId: null, bound: null };
  it.each([
    [
      'an unbound user on a fresh visitor',
      verified,
      fresh,
      {},
      { kind: 'verified', userId: 'u1', target: 'current', bind: true },
    ],
    [
      'an unbound user on another user’s visitor',
      verified,
      { ...fresh, currentUserId: 'u9' },
      {},
      { kind: 'verified', userId: 'u1', target: 'new', bind: true },
    ],
    [
      'the user on their own visitor',
      verified,
      {
        currentVisitorId: 'v1',
        currentUserId: 'u1',
        bound: { visitorId: 'v1', email: 'a@x.example', serverAttributes: {} },
      },
      { email: 'a@x.example' },
      { kind: 'verified', userId: 'u1', target: 'current', bind: false },
    ],
    [
      'the user on a second device',
      verified,
      { ...fresh, bound: { visitorId: 'v0', email: null, serverAttributes: {} } },
      { email: 'a@x.example' },
      { kind: 'verified', userId: 'u1', target: 'bound', bind: false },
    ],
    [
      'a replayed hash with another email',
      verified,
      { ...fresh, bound: { visitorId: 'v0', email: 'a@x.example', serverAttributes: {} } },
      { email: 'mallory@x.example' },
      { kind: 'refuse', code: 'IDENTITY_EMAIL_CHANGED' },
    ],
    [
      'an unsigned call on a verified visitor',
      { kind: 'unverified' } as const,
      { ...fresh, currentUserId: 'u1' },
      { email: 'mallory@x.example' },
      { kind: 'refuse', code: 'IDENTITY_VERIFICATION_REQUIRED' },
    ],
    [
      'an unsigned call on an anonymous visitor',
      { kind: 'unverified' } as const,
      fresh,
      { email: 'a@x.example' },
      { kind: 'unverified' },
    ],
    [
      'a replayed hash changing an attribute the company’s server set',
      verified,
      { ...fresh, bound: { visitorId: 'v0', email: null, serverAttributes: { plan: 'free' } } },
      { attributes: { plan: 'enterprise' } },
      { kind: 'refuse', code: 'IDENTITY_ATTRIBUTE_CHANGED' },
    ],
    [
      'a replayed hash repeating the server’s attribute and adding its own',
      verified,
      { ...fresh, bound: { visitorId: 'v0', email: null, serverAttributes: { plan: 'free', seats: 3 } } },
      { attributes: { plan: 'free', seats: 3, theme: 'dark' } },
      { kind: 'verified', userId: 'u1', target: 'bound', bind: false },
    ],
  ] as const)('decides %s', (_case, signature, facts, input, expected) => {
    expect(decideBinding(signature, facts, input)).toEqual(expected);
  });
});
