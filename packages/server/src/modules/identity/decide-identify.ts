import type { TIdentifyRequest, TVisitorAttributeValue } from '@charla/protocol';
import { isLeakedSecret, verifyUserHash, type IdentityState } from './identity-secrets';

export type IdentifyRefusal =
  | 'IDENTITY_HASH_INVALID'
  | 'IDENTITY_VERIFICATION_REQUIRED'
  | 'IDENTITY_SECRET_EXPOSED'
  | 'IDENTITY_EMAIL_CHANGED'
  | 'IDENTITY_ATTRIBUTE_CHANGED';

/** How a signature check ends: refused, an unsigned identity, or a verified userId. */
export type SignatureDecision =
  { kind: 'refuse'; code: IdentifyRefusal } | { kind: 'unverified' } | { kind: 'verified'; userId: string };

/**
 * Checks what `Charla.identify()` passed (issue 24). A userId or userHash alone, a hash under no
 * live secret, or a hash of another userId is IDENTITY_HASH_INVALID; a secret sent from the browser
 * is IDENTITY_SECRET_EXPOSED; an unsigned call where the company requires verification is
 * IDENTITY_VERIFICATION_REQUIRED.
 */
export function decideSignature(
  state: IdentityState,
  input: TIdentifyRequest,
  now: number,
): SignatureDecision {
  const texts = Object.values(input.attributes ?? {}).filter((v): v is string => typeof v === 'string');
  if (isLeakedSecret(state, [input.userHash, input.userId, input.name, input.email, ...texts]))
    return { kind: 'refuse', code: 'IDENTITY_SECRET_EXPOSED' };
  if (input.userId === undefined && input.userHash === undefined) {
    return state.requireVerified
      ? { kind: 'refuse', code: 'IDENTITY_VERIFICATION_REQUIRED' }
      : { kind: 'unverified' };
  }
  if (!input.userId || !input.userHash) return { kind: 'refuse', code: 'IDENTITY_HASH_INVALID' };
  return verifyUserHash(state, input.userId, input.userHash, now)
    ? { kind: 'verified', userId: input.userId }
    : { kind: 'refuse', code: 'IDENTITY_HASH_INVALID' };
}

/** The visitor a call comes from, and the visitor already bound to the verified userId (if any). */
export type BindingFacts = {
  currentVisitorId: string;
  /** The userId the calling visitor is already bound to, if any. */
  currentUserId: string | null;
  bound: {
    visitorId: string;
    email: string | null;
    /** The attributes the company's server set (REST): a browser call cannot change them. */
    serverAttributes: Record<string, TVisitorAttributeValue>;
  } | null;
};

/** Which visitor a call identifies, or why it is refused. */
export type BindingDecision =
  | { kind: 'refuse'; code: IdentifyRefusal }
  /** Unsigned name/email/attributes for the calling visitor. */
  | { kind: 'unverified' }
  /** The verified user's visitor: the calling one (`bind` when it is not bound yet), theirs from another device, or a new one. */
  | { kind: 'verified'; userId: string; target: 'current' | 'bound' | 'new'; bind: boolean };

/**
 * Where a checked identity goes. A visitor bound to a verified user is never renamed by an
 * unsigned call; a verified user's email changes only from the company's server (REST), so a
 * replayed hash with another email, or with another value for an attribute the server set, is
 * refused (nothing is overwritten silently); a verified user met on another device takes this
 * browser to their visitor, and a browser of user A identifying user B gets B's visitor (or a new one).
 */
export function decideBinding(
  signature: SignatureDecision,
  facts: BindingFacts,
  input: Pick<TIdentifyRequest, 'email' | 'attributes'>,
): BindingDecision {
  if (signature.kind !== 'verified') {
    if (signature.kind === 'unverified' && facts.currentUserId !== null)
      return { kind: 'refuse', code: 'IDENTITY_VERIFICATION_REQUIRED' };
    return signature;
  }
  const { userId } = signature;
  const { bound } = facts;
  if (bound) {
    const { email, attributes = {} } = input;
    if (email !== undefined && bound.email !== null && bound.email !== email)
      return { kind: 'refuse', code: 'IDENTITY_EMAIL_CHANGED' };
    const changed = Object.entries(attributes).some(
      ([key, value]) => key in bound.serverAttributes && bound.serverAttributes[key] !== value,
    );
    if (changed) return { kind: 'refuse', code: 'IDENTITY_ATTRIBUTE_CHANGED' };
    const target = bound.visitorId === facts.currentVisitorId ? 'current' : 'bound';
    return { kind: 'verified', userId, target, bind: false };
  }
  // Not bound yet: this visitor becomes the user's, unless it is another user's already.
  return facts.currentUserId === null
    ? { kind: 'verified', userId, target: 'current', bind: true }
    : { kind: 'verified', userId, target: 'new', bind: true };
}
