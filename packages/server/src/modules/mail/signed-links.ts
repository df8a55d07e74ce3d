import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed, expiring tokens (pure): the follow-up link that reopens a visitor's chat, and the plus
 * part of the reply address that routes a visitor's email answer back to its conversation.
 * HMAC-SHA256 with the install's signing key; nothing is stored, so a forged or altered token
 * is simply one whose signature does not match.
 */

export type ChatLink = { conversationId: string; visitorId: string; expiresAt: number };
export type LinkCheck<T> = { ok: true; value: T } | { ok: false; reason: 'invalid' | 'expired' };

const b64 = (data: Buffer | string) => Buffer.from(data).toString('base64url');

function digest(key: string, purpose: string, payload: string): Buffer {
  return createHmac('sha256', key).update(`${purpose}:${payload}`).digest();
}

function mac(key: string, purpose: string, payload: string, bytes: number): string {
  return b64(digest(key, purpose, payload).subarray(0, bytes));
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** `<base64url payload>.<base64url 32-byte signature>` for the widget's "continue the chat" link. */
export function signChatLink(key: string, link: ChatLink): string {
  const payload = b64(JSON.stringify([link.conversationId, link.visitorId, link.expiresAt]));
  return `${payload}.${mac(key, 'chat', payload, 32)}`;
}

export function verifyChatLink(key: string, token: string, now: number): LinkCheck<ChatLink> {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined || !sameText(signature, mac(key, 'chat', payload, 32)))
    return { ok: false, reason: 'invalid' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) return { ok: false, reason: 'invalid' };
  const [conversationId, visitorId, expiresAt] = parsed as unknown[];
  if (typeof conversationId !== 'string' || typeof visitorId !== 'string' || typeof expiresAt !== 'number')
    return { ok: false, reason: 'invalid' };
  if (expiresAt <= now) return { ok: false, reason: 'expired' };
  return { ok: true, value: { conversationId, visitorId, expiresAt } };
}

const replyMac = (key: string, compact: string) =>
  digest(key, 'reply', compact).subarray(0, 10).toString('hex');

/**
 * The plus part of a reply address: the conversation id without dashes and a 10-byte signature,
 * all lowercase hex (mail systems may fold case), so `replies+<token>@domain` fits a local part.
 */
export function signReplyToken(key: string, conversationId: string): string {
  const compact = conversationId.replace(/-/g, '').toLowerCase();
  return `${compact}.${replyMac(key, compact)}`;
}

/** The conversation id of a genuine reply token; null for anything else. */
export function verifyReplyToken(key: string, token: string): string | null {
  const match = /^([0-9a-f]{32})\.([0-9a-f]{20})$/.exec(token.toLowerCase());
  if (!match?.[1] || !match[2] || !sameText(match[2], replyMac(key, match[1]))) return null;
  const h = match[1];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** `replies@in.example` + token → `replies+<token>@in.example`. */
export function replyAddress(base: string, token: string): string {
  const at = base.lastIndexOf('@');
  return `${base.slice(0, at)}+${token}${base.slice(at)}`;
}

/** The token from any recipient of the form `local+<token>@domain` of the base address. */
export function replyTokenIn(base: string, recipients: readonly string[]): string | null {
  const at = base.lastIndexOf('@');
  const local = base.slice(0, at).toLowerCase();
  const domain = base.slice(at + 1).toLowerCase();
  for (const r of recipients) {
    const i = r.lastIndexOf('@');
    const head = r.slice(0, i);
    const plus = head.indexOf('+');
    if (plus < 0 || r.slice(i + 1).toLowerCase() !== domain) continue;
    if (head.slice(0, plus).toLowerCase() === local) return head.slice(plus + 1);
  }
  return null;
}
