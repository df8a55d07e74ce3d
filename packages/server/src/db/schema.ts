import type { TLanguage } from '@charla/protocol';
/**
 * Row types of every table, as Kysely sees them. Timestamps are epoch milliseconds, booleans are
 * 0/1 integers and JSON is text, identical in SQLite and PostgreSQL.
 */
export type UsersTable = {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  role: 'admin' | 'regular';
  active: number;
  avatar_url: string | null;
  language: TLanguage;
  online_switch: number;
  created_at: number;
  updated_at: number;
};

export type SessionsTable = {
  id: string; // SHA-256 of the cookie token
  user_id: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  user_agent: string;
  ip: string;
};

export type SettingsTable = { key: string; value: string; updated_at: number };

export type VisitorsTable = {
  id: string;
  token_hash: string;
  number: number;
  created_at: number;
  last_seen_at: number;
  context: string; // JSON: TVisitorContext
  /** The userId a signed `Charla.identify()` bound this visitor to (issue 24); unique. */
  verified_user_id: string | null;
};

export type PlaybooksTable = {
  id: string;
  public_id: string;
  name: string;
  status: 'draft' | 'active' | 'inactive';
  revision: number;
  published_revision: number | null;
  document: string; // JSON: TPlaybookDocument (working copy)
  allowed_origins: string; // JSON: string[]
  template_id: string | null;
  created_at: number;
  updated_at: number;
  created_by: string | null;
  updated_by: string | null;
  /** Set when deleted while conversations still reference it (migration 0004). */
  deleted_at: number | null;
};

export type PlaybookRevisionsTable = {
  playbook_id: string;
  revision: number;
  document: string;
  created_at: number;
};

export type PlaybookInstallsTable = {
  playbook_id: string;
  origin: string;
  last_url: string;
  first_seen_at: number;
  last_seen_at: number;
};

export type ConversationsTable = {
  id: string;
  visitor_id: string;
  playbook_id: string | null;
  playbook_revision: number | null;
  status: 'bot' | 'waiting' | 'assigned' | 'closed';
  close_reason: string | null;
  assignee_id: string | null;
  last_seq: number;
  waiting_deadline: number | null;
  run_state: string; // JSON: playbook run state
  language: TLanguage;
  start_key: string | null;
  created_at: number;
  updated_at: number;
  waiting_since: number | null;
  assigned_at: number | null;
  closed_at: number | null;
  closed_by: string | null;
  last_message_at: number;
  last_message_preview: string;
  visitor_name: string | null;
  visitor_email: string | null;
  /** Lowercased visitor name, email and number, for case-insensitive search. */
  search_text: string;
  /**
   * When the bot's next server-side step is due, leased by the due sweep (modules/conversations/
   * due-steps.ts): a missed chat's offline path, the end of a wait card's pause, an HTTP request
   * card's call (issue 18). The name predates the cards.
   */
  offline_due: number | null;
  visitor_read_seq: number;
  user_read_seq: number;
  /** Issue 19: the team the live chat card routed to, its routing (JSON: TLiveChatRouting). */
  team_id: string | null;
  routing: string | null;
  /** When the assignee's time to answer runs out (the ownership watchdog's sweep claims it). */
  watchdog_deadline: number | null;
  /** Counts the changes of the conversation's readers and of its labels (0: none ever): issue 25. */
  readers_rev: number;
  labels_rev: number;
};

export type MessagesTable = {
  id: string;
  conversation_id: string;
  seq: number;
  author_kind: 'visitor' | 'user' | 'bot' | 'system';
  author_id: string | null;
  author_name: string;
  author_avatar_url: string | null;
  client_msg_id: string | null;
  body: string; // JSON: TRichText, or null-ish for pure events
  meta: string | null; // JSON: { event?: TTimelineEvent; interaction?: TInteraction; isError?: boolean }
  created_at: number;
};

/** A user a private note mentioned may read the conversation (R29). */
export type ConversationReadersTable = {
  conversation_id: string;
  user_id: string;
  granted_by: string | null;
  created_at: number;
};

export type PresenceTable = { user_id: string; node: string; last_seen_at: number };

export type Database = {
  presence: PresenceTable;
  users: UsersTable;
  sessions: SessionsTable;
  settings: SettingsTable;
  visitors: VisitorsTable;
  playbooks: PlaybooksTable;
  playbook_revisions: PlaybookRevisionsTable;
  playbook_installs: PlaybookInstallsTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  conversation_readers: ConversationReadersTable;
} & ExtraTables;

/** Tables owned by other modules are declared in their own files and merged here. */
export type ExtraTables = import('./schema.crm').CrmTables &
  import('./schema.notifications').NotificationTables &
  import('./schema.api-tokens').ApiTokenTables &
  import('./schema.ratings').RatingTables &
  import('./schema.mail').MailTables &
  import('./schema.reports').ReportTables &
  import('./schema.search').SearchTables &
  import('./schema.privacy').PrivacyTables &
  import('./schema.availability').AvailabilityTables &
  import('./schema.canned-responses').CannedResponseTables &
  import('./schema.labels').LabelTables &
  import('./schema.attachments').AttachmentTables;
