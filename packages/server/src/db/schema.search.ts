/**
 * Search tables (owned by modules/search, migration 0013). Plain tables shared by both
 * databases; the full-text part is dialect-specific and reached with raw SQL only:
 * on SQLite FTS5 tables (`search_messages`, `conversation_profiles_fts`, `crm_search_fts`,
 * the latter two keyed by the rowid of the table below), on PostgreSQL a `tsv` column with a
 * GIN index on `search_messages`, `conversation_profiles` and `crm_search_docs`.
 */
export type ConversationProfilesTable = {
  conversation_id: string;
  /** Who the conversation is with, derived once (`deriveConversationIdentity`). */
  display_name: string | null;
  display_email: string | null;
  display_phone: string | null;
  /** Everything inbox search matches besides the messages: identity, panel, linked records. */
  doc: string;
  updated_at: number;
};

export type CrmSearchDocsTable = {
  entity_type: string;
  entity_id: string;
  title: string;
  /** Every text field of the record, one per line. */
  doc: string;
  updated_at: number;
};

export type SearchTables = {
  conversation_profiles: ConversationProfilesTable;
  crm_search_docs: CrmSearchDocsTable;
};
