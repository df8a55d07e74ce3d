import type { TLanguage, TMailStatus, TMailTemplateName, TRole } from '@charla/protocol';

/** The mail outbox (owned by modules/mail): one row per mail, kept as the admin's mail log. */
export type MailOutboxTable = {
  id: string;
  template: TMailTemplateName;
  to_address: string;
  language: TLanguage;
  subject: string;
  /** Emptied once a `sensitive` mail (a link that logs in) is sent or given up. */
  html_body: string;
  text_body: string;
  sensitive: number;
  /** Chosen at enqueue so a resend after a crash mid-send carries the same Message-ID. */
  message_id: string;
  status: TMailStatus;
  attempts: number;
  next_attempt_at: number | null;
  claimed_until: number | null;
  last_attempt_at: number | null;
  last_error: string | null;
  sent_at: number | null;
  created_at: number;
};

/** Invitation and password-reset links (owned by modules/accounts); only the SHA-256 of a token. */
export type AccountTokensTable = {
  id: string;
  kind: 'invitation' | 'password-reset';
  token_hash: string;
  email: string;
  user_id: string | null;
  name: string | null;
  role: TRole | null;
  language: TLanguage;
  created_by: string | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  revoked_at: number | null;
};

export type MailTables = { mail_outbox: MailOutboxTable; account_tokens: AccountTokensTable };
