import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api-client';

const KNOWN = new Set([
  'INVITATION_INVALID',
  'INVITATION_EXPIRED',
  'INVITATION_USED',
  'INVITATION_REVOKED',
  'RESET_TOKEN_INVALID',
  'RESET_TOKEN_EXPIRED',
  'RESET_TOKEN_USED',
  'EMAIL_TAKEN',
]);

/** The reader's words for a refused invitation or reset link; generic for anything else. */
export function accountErrorMessage(t: TFunction, cause: unknown): string {
  if (cause instanceof ApiError && KNOWN.has(cause.code)) return t(`accounts.codes.${cause.code}`);
  if (cause instanceof ApiError && cause.code === 'RATE_LIMITED') return t('errors.rateLimited');
  return t('errors.generic');
}
