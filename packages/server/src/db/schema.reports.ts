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
  /** The team the conversation was routed to (conversations.team_id; migration 0024). */
  team_id: string | null;
  /** conversations.updated_at when this row was computed (the catch-up watermark). */
  source_updated_at: number;
};

export type ReportFactUsersTable = { conversation_id: string; user_id: string; created_at: number };

/** Keys of the rollups: '' stands for no playbook / no team / everyone. */
type RollupKey = { playbook_id: string; team_id: string };

/** Volume flags per UTC hour started (migration 0024), for everyone (user_id '') and per user who had it. */
export type ReportRollupsTable = RollupKey & {
  user_id: string;
  hour: number;
  started: number;
  bot_only: number;
  requested: number;
  reached: number;
  assigned: number;
  missed: number;
  offline: number;
  closed: number;
};

/** Live chat requests per (UTC hour started, UTC hour asked), for the heatmap. */
export type ReportRequestRollupsTable = RollupKey & {
  user_id: string;
  hour: number;
  request_hour: number;
  n: number;
};

/** Duration histograms per 28-day period (db/report-duration-bins.ts), owner '' = everyone. */
export type ReportDurationRollupsTable = RollupKey & {
  owner_id: string;
  metric: 'assign_ms' | 'response_ms' | 'resolution_ms';
  period: number;
  bin: number;
  n: number;
};

/** The funnel's first stage: one row per visitor, playbook and UTC day the widget was opened (0028). */
export type WidgetOpensTable = {
  visitor_id: string;
  playbook_id: string;
  utc_day: string;
  opened_at: number;
};

export type ReportTables = {
  report_facts: ReportFactsTable;
  report_fact_users: ReportFactUsersTable;
  report_rollups: ReportRollupsTable;
  report_request_rollups: ReportRequestRollupsTable;
  report_duration_rollups: ReportDurationRollupsTable;
  widget_opens: WidgetOpensTable;
};
