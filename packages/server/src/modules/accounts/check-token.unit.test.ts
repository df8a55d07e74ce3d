import { describe, expect, it } from 'vitest';
import type { AccountTokenRow } from './account-tokens.store';
import { checkToken } from './check-token';

const row = (patch: Partial<AccountTokenRow> = {}): AccountTokenRow => ({
  id: 'a',
  kind: 'invitation',
  token_hash: 'h',
  email: 'x@example.com',
  user_id: null,
  name: 'X',
  role: 'regular',
  language: 'en',
  created_by: null,
  created_at: 0,
  expires_at: 1000,
  used_at: null,
  revoked_at: null,
  ...patch,
});

describe('checkToken', () => {
  it('accepts an open link before it expires', () => {
    expect(checkToken(row(), 'invitation', 999)).toMatchObject({ ok: true });
  });
  it('names why a link is refused', () => {
    expect(checkToken(null, 'invitation', 0)).toEqual({ ok: false, code: 'INVITATION_INVALID' });
    expect(checkToken(row({ kind: 'password-reset' }), 'invitation', 0)).toEqual({
      ok: false,
      code: 'INVITATION_INVALID',
    });
    expect(checkToken(row(), 'invitation', 1000)).toEqual({ ok: false, code: 'INVITATION_EXPIRED' });
    expect(checkToken(row({ used_at: 5 }), 'invitation', 0)).toEqual({ ok: false, code: 'INVITATION_USED' });
    expect(checkToken(row({ revoked_at: 5 }), 'invitation', 0)).toEqual({
      ok: false,
      code: 'INVITATION_REVOKED',
    });
    expect(checkToken(row({ kind: 'password-reset', revoked_at: 5 }), 'password-reset', 0)).toEqual({
      ok: false,
      code: 'RESET_TOKEN_USED',
    });
    expect(checkToken(row({ kind: 'password-reset' }), 'password-reset', 2000)).toEqual({
      ok: false,
      code: 'RESET_TOKEN_EXPIRED',
    });
  });
});
