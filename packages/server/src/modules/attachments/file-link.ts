import { createHmac, timingSafeEqual } from 'node:crypto';

/** Who a file link was made for: a user (needs their own session too), a visitor, or a webhook. */
export type LinkHolder = { kind: 'user' | 'visitor'; id: string } | { kind: 'webhook'; id: '' };
export type FileLink = { attachmentId: string; holder: LinkHolder; expiresAt: number };

const KINDS = { user: 'u', visitor: 'v', webhook: 'w' } as const;
const BY_LETTER: Record<string, LinkHolder['kind']> = { u: 'user', v: 'visitor', w: 'webhook' };

/**
 * What a link opens: a conversation's file (an upload) or a canned response's file. Each signs
 * under its own label, so a token made for one can never open the other.
 */
export type LinkPurpose = 'file' | 'canned-file';

const mac = (key: string, payload: string, purpose: LinkPurpose) =>
  createHmac('sha256', key).update(`${purpose}:${payload}`).digest().subarray(0, 24).toString('base64url');

/** `<base64url payload>.<signature>`: unguessable, bound to its holder, and expiring. */
export function signFileLink(key: string, link: FileLink, purpose: LinkPurpose = 'file'): string {
  const fields = [link.attachmentId, KINDS[link.holder.kind], link.holder.id, link.expiresAt];
  const payload = Buffer.from(JSON.stringify(fields)).toString('base64url');
  return `${payload}.${mac(key, payload, purpose)}`;
}

/** The link a token stands for; null when forged, altered, malformed, expired at `now` or made for another purpose. */
export function verifyFileLink(
  key: string,
  token: string,
  now: number,
  purpose: LinkPurpose = 'file',
): FileLink | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(key, payload, purpose));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(fields) || fields.length !== 4) return null;
  const [attachmentId, letter, id, expiresAt] = fields as unknown[];
  const kind = typeof letter === 'string' ? BY_LETTER[letter] : undefined;
  if (typeof attachmentId !== 'string' || typeof id !== 'string' || typeof expiresAt !== 'number' || !kind)
    return null;
  if (expiresAt <= now) return null;
  const holder: LinkHolder = kind === 'webhook' ? { kind, id: '' } : { kind, id };
  return { attachmentId, holder, expiresAt };
}
