/** Precomputed report rows (owned by modules/reports, derived from conversations + messages). */
export type ReportFactsTable = {
  conversation_id: string;
  playbook_id: string | null;
  status: 'bot' | 'waiting' | 'assigned' | 'closed';
  close_reason: string | null;
  created_at: number;
  requested_at: number | null;
  /** 0/1 flags: whether the conversation counts towards each figure (figures.ts defines them). */
  bot_only: number;
  requested: number;
  reached: number;
  assigned: number;
  missed: number;
  offline: number;
  closed: number;
  /** Durations (ms) as speedFigures defines them; null when the conversation has none. */
  assign_ms: number | null;
  response_ms: number | null;
  resolution_ms: number | null;
  first_assignee_id: string | null;
  first_responder_id: string | null;
  last_assignee_id: string | null;
  /** conversations.updated_at when this row was computed (the catch-up watermark). */
  source_updated_at: number;
};

export type ReportFactUsersTable = { conversation_id: string; user_id: string; created_at: number };

export type ReportTables = { report_facts: ReportFactsTable; report_fact_users: ReportFactUsersTable };
