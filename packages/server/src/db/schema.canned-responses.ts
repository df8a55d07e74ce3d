/** Canned responses table (owned by modules/canned-responses). */
export type CannedResponsesTable = {
  id: string;
  scope: 'personal' | 'team';
  /** The owner of a personal response; null for team ones. */
  owner_id: string | null;
  /** 'team' or the owner's id: shortcuts are unique per scope_key. */
  scope_key: string;
  title: string;
  shortcut: string;
  /** Markdown, as the composer sends it (R7). */
  body: string;
  usage_count: number;
  created_at: number;
  updated_at: number;
};

export type CannedResponseTables = { canned_responses: CannedResponsesTable };
