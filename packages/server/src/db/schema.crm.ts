/**
 * CRM tables (owned by modules/crm). Money is an integer count of minor units plus an ISO 4217
 * code; dates are YYYY-MM-DD text; `*_lc` / `search_text` columns hold lower-cased copies so a
 * case-insensitive search is the same LIKE on SQLite and PostgreSQL.
 */
export type CrmSource = 'manual' | 'chatbot' | 'live_chat' | 'api';

export type CrmOrganizationsTable = {
  id: string;
  name: string;
  name_lc: string;
  address: string | null;
  owner_id: string | null;
  source: CrmSource;
  version: number;
  created_at: number;
  updated_at: number;
};

export type CrmPersonsTable = {
  id: string;
  name: string;
  search_text: string; // lower-cased name, emails and phones
  emails: string; // JSON: string[] (lower-cased)
  phones: string; // JSON: string[] (normalized +digits)
  organization_id: string | null;
  owner_id: string | null;
  notes: string | null;
  source: CrmSource;
  version: number;
  created_at: number;
  updated_at: number;
};

/** One row per email or phone of a person, for exact matching (upsert by email or phone). */
export type CrmPersonIdentitiesTable = { person_id: string; kind: 'email' | 'phone'; value: string };

export type CrmPipelinesTable = {
  id: string;
  name: string;
  is_default: number;
  /** Set while the seeded pipeline keeps its seeded name, so it can follow the company's language. */
  seed_key: string | null;
  created_at: number;
  updated_at: number;
};

export type CrmStagesTable = {
  id: string;
  pipeline_id: string;
  name: string;
  position: number;
  /** Win probability in percent (0–100), for the board's weighted value. */
  probability: number;
  /** Set while a seeded stage keeps its seeded name. */
  seed_key: string | null;
  created_at: number;
};

export type CrmLeadsTable = {
  id: string;
  title: string;
  search_text: string;
  person_id: string | null;
  organization_id: string | null;
  value_minor: number | null;
  currency: string | null;
  expected_close_date: string | null;
  owner_id: string | null;
  source: CrmSource;
  labels: string; // JSON: string[]
  status: 'open' | 'converted' | 'archived';
  converted_deal_id: string | null;
  version: number;
  created_at: number;
  updated_at: number;
};

export type CrmDealsTable = {
  id: string;
  title: string;
  search_text: string;
  value_minor: number | null;
  currency: string | null;
  expected_close_date: string | null;
  pipeline_id: string;
  stage_id: string;
  status: 'open' | 'won' | 'lost';
  lost_reason: string | null;
  person_id: string | null;
  organization_id: string | null;
  owner_id: string | null;
  source: CrmSource;
  lead_id: string | null;
  version: number;
  created_at: number;
  updated_at: number;
};

export type CrmActivitiesTable = {
  id: string;
  type: 'call' | 'meeting' | 'task' | 'email' | 'deadline';
  subject: string;
  search_text: string;
  due_at: number | null;
  done: number;
  assignee_id: string | null;
  person_id: string | null;
  organization_id: string | null;
  lead_id: string | null;
  deal_id: string | null;
  note: string | null;
  source: CrmSource;
  version: number;
  created_at: number;
  updated_at: number;
};

export type CrmNotesTable = {
  id: string;
  body: string; // JSON: TRichText
  search_text: string; // lower-cased plain text
  author_id: string | null;
  person_id: string | null;
  organization_id: string | null;
  lead_id: string | null;
  deal_id: string | null;
  conversation_id: string | null;
  created_at: number;
  updated_at: number;
};

export type CrmEntityType = 'person' | 'organization' | 'lead' | 'deal' | 'activity' | 'note';

/** Which CRM records came from (or were created in) which conversation. */
export type CrmConversationLinksTable = {
  conversation_id: string;
  entity_type: CrmEntityType;
  entity_id: string;
  created_at: number;
};

/** The side panel beside a conversation (R17): one row per conversation, once saved. */
export type CrmConversationPanelsTable = {
  conversation_id: string;
  value_minor: number | null;
  currency: string | null;
  expected_close_date: string | null;
  person_name: string | null;
  person_email: string | null;
  person_phone: string | null;
  organization_name: string | null;
  organization_address: string | null;
  notes: string;
  updated_at: number;
  updated_by: string | null;
};

/** One changed field of a CRM record: the record's change history. Values are JSON. */
export type CrmChangesTable = {
  id: string;
  entity_type: CrmEntityType;
  entity_id: string;
  field: string;
  from_value: string;
  to_value: string;
  user_id: string | null;
  user_name: string | null;
  version: number;
  changed_at: number;
};

export type CrmTables = {
  crm_organizations: CrmOrganizationsTable;
  crm_persons: CrmPersonsTable;
  crm_person_identities: CrmPersonIdentitiesTable;
  crm_pipelines: CrmPipelinesTable;
  crm_stages: CrmStagesTable;
  crm_leads: CrmLeadsTable;
  crm_deals: CrmDealsTable;
  crm_activities: CrmActivitiesTable;
  crm_notes: CrmNotesTable;
  crm_conversation_links: CrmConversationLinksTable;
  crm_conversation_panels: CrmConversationPanelsTable;
  crm_changes: CrmChangesTable;
};
