import type { TMailErrorCode } from '@charla/protocol';

/** The reason stored on a mail never sent because SMTP_URL is not set (rows written before the code keep this text). */
export const SMTP_NOT_CONFIGURED = 'SMTP is not configured (SMTP_URL)';

/** The code of a reason Charla wrote itself, so the mail log can say it in the reader's language. */
export function mailErrorCodeOf(lastError: string | null): TMailErrorCode | null {
  return lastError === SMTP_NOT_CONFIGURED ? 'smtp_not_configured' : null;
}
