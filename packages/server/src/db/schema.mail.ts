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
  /** A follow-up's signed reply address (migration 0012); null for every other mail. */
  reply_to: string | null;
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

/** One pending follow-up check per conversation (owned by modules/mail). */
export type MailFollowUpsTable = {
  conversation_id: string;
  due_at: number;
  claimed_until: number | null;
  created_at: number;
};

/** Extra tokens of a visitor, issued by opening a follow-up link; only the SHA-256. */
export type VisitorLinkTokensTable = { token_hash: string; visitor_id: string; created_at: number };

/** A conversation started after the old one closed (R20), and the one it continues. */
export type ConversationLinksTable = { conversation_id: string; linked_to: string; created_at: number };

/** Inbound mails already taken, by the SHA-256 of their Message-ID. */
export type MailInboundTable = { id: string; conversation_id: string; created_at: number };

export type MailTables = {
  mail_outbox: MailOutboxTable;
  account_tokens: AccountTokensTable;
  mail_follow_ups: MailFollowUpsTable;
  visitor_link_tokens: VisitorLinkTokensTable;
  conversation_links: ConversationLinksTable;
  mail_inbound: MailInboundTable;
  mail_digests: MailDigestsTable;
};

/** One pending digest of unanswered chats per user. */
export type MailDigestsTable = {
  user_id: string;
  due_at: number;
  claimed_until: number | null;
  created_at: number;
};
