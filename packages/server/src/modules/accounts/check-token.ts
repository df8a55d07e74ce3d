import type { ErrorCode } from '@charla/protocol';
import type { AccountTokenRow } from './account-tokens.store';

type Codes = { invalid: ErrorCode; expired: ErrorCode; used: ErrorCode; revoked: ErrorCode };

export const INVITATION_CODES: Codes = {
  invalid: 'INVITATION_INVALID',
  expired: 'INVITATION_EXPIRED',
  used: 'INVITATION_USED',
  revoked: 'INVITATION_REVOKED',
};
export const RESET_CODES: Codes = {
  invalid: 'RESET_TOKEN_INVALID',
  expired: 'RESET_TOKEN_EXPIRED',
  used: 'RESET_TOKEN_USED',
  // A reset link ended by a newer one or by a completed reset reads as used.
  revoked: 'RESET_TOKEN_USED',
};

/** Whether a looked-up link may be used now; the error code says exactly why not. */
export function checkToken(
  row: AccountTokenRow | null,
  kind: AccountTokenRow['kind'],
  now: number,
): { ok: true; row: AccountTokenRow } | { ok: false; code: ErrorCode } {
  const codes = kind === 'invitation' ? INVITATION_CODES : RESET_CODES;
  if (!row || row.kind !== kind) return { ok: false, code: codes.invalid };
  if (row.used_at !== null) return { ok: false, code: codes.used };
  if (row.revoked_at !== null) return { ok: false, code: codes.revoked };
  if (row.expires_at <= now) return { ok: false, code: codes.expired };
  return { ok: true, row };
}
