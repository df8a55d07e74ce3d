// Which server module owns each table (eslint-rules/module-boundaries.js, rule `own-tables`).
// The owner is the only module whose code writes SQL against the table; others ask its front door.
/** @type {Record<string, string>} */
export const tableOwners = {
  account_tokens: 'accounts',
  business_hours: 'availability',
  teams: 'availability',
  team_members: 'availability',
  user_routing: 'availability',
  api_tokens: 'api-tokens',
  canned_responses: 'canned-responses',
  attachment_blobs: 'attachments',
  uploads: 'attachments',
  canned_response_files: 'attachments',
  audit_log: 'privacy',
  sessions: 'auth',
  conversations: 'conversations',
  messages: 'conversations',
  conversation_readers: 'conversations',
  conversation_ratings: 'ratings',
  conversation_links: 'mail',
  mail_digests: 'mail',
  mail_follow_ups: 'mail',
  mail_inbound: 'mail',
  mail_outbox: 'mail',
  visitor_link_tokens: 'visitors',
  notification_preferences: 'notifications',
  push_subscriptions: 'notifications',
  playbooks: 'playbooks',
  playbook_revisions: 'playbooks',
  playbook_installs: 'playbooks',
  presence: 'presence',
  report_facts: 'reports',
  report_fact_users: 'reports',
  report_rollups: 'reports',
  report_request_rollups: 'reports',
  report_duration_rollups: 'reports',
  widget_opens: 'reports',
  conversation_profiles: 'search',
  crm_search_docs: 'search',
  settings: 'settings',
  users: 'users',
  visitors: 'visitors',
  webhook_deliveries: 'webhooks',
  webhook_endpoints: 'webhooks',
  crm_organizations: 'crm',
  crm_persons: 'crm',
  crm_person_identities: 'crm',
  crm_pipelines: 'crm',
  crm_stages: 'crm',
  crm_leads: 'crm',
  crm_deals: 'crm',
  crm_activities: 'crm',
  crm_notes: 'crm',
  crm_conversation_links: 'crm',
  crm_conversation_panels: 'crm',
  crm_changes: 'crm',
  labels: 'labels',
  conversation_labels: 'labels',
};

/**
 * Read models: modules that read other modules' tables on purpose, read-only, each with why.
 * Anything not listed here goes through the owner's front door.
 */
const readModels = {
  // The search index copies what other modules own into its own tables, in the transaction of
  // the change it indexes (modules/search): it must read their rows, never write them.
  search: {
    conversations: 'the conversation list search reads the rows it filters',
    visitors: 'visitor names and emails in the profile index',
    crm_persons: 'indexed CRM records',
    crm_organizations: 'indexed CRM records',
    crm_leads: 'indexed CRM records',
    crm_deals: 'indexed CRM records',
    crm_notes: 'indexed CRM records',
    crm_activities: 'indexed CRM records',
    crm_conversation_links: 'who a conversation is with, for its profile',
    crm_conversation_panels: 'the side panel draft, for its profile',
    conversation_labels: 'the label filter of the conversation search',
    conversation_readers: 'a mention lets its user find that conversation (R29)',
    messages: 'SQLite indexes queued messages in batches (message-indexer.store.ts)',
  },
  // Reports aggregate every module's facts into their own tables and read them in one query each.
  reports: {
    conversations: 'report facts are computed from conversations',
    messages: 'first response times',
    conversation_ratings: 'ratings per period',
    crm_conversation_links: 'leads and deals per conversation',
    crm_deals: 'won deal values',
    playbooks: 'playbook names in the funnel',
    settings: 'the company time zone',
    users: 'user names in the tables',
    teams: 'the team filter is checked against the teams',
    conversation_labels: 'the label filter counts the conversations carrying the label',
    labels: 'the label filter is checked against the labels',
  },
  // One person's history across modules in one page (modules/person-history), read-only.
  'person-history': {
    conversations: 'the conversations of the person',
    visitors: 'their visitor rows',
    conversation_profiles: 'who each conversation is with',
    crm_conversation_links: 'records linked to each conversation',
    crm_leads: 'leads in the history',
    crm_deals: 'deals in the history',
    crm_activities: 'activities in the history',
  },
  // Joins for display or for one atomic condition; each reads, none writes.
  conversations: { conversation_labels: 'the label filter of the folders (one WHERE with R14)' },
  'api-tokens': { users: "the creator's name in the token list" },
  'canned-responses': { users: "the owner's name beside a personal canned response" },
  presence: { users: 'only active users count as online' },
  availability: {
    users: 'only active users are team members, routing candidates or counted for capacity',
    conversations: 'open chats per user (capacity, least busy) and the chats waiting for a route',
  },
  ratings: {
    users: "the assignee's name beside a rating",
    conversations: 'a conversation may be rated once it is closed, by its visitor',
    playbook_revisions: 'the rating card of the revision the conversation ran',
    crm_conversation_links: 'ratings of the conversations of a CRM person',
  },
  visitors: {
    crm_conversation_links: "the verified users met in a CRM person's conversations (the person page)",
    crm_person_identities: "that person's emails: only users verified with one of them are shown",
    conversations: 'deleting visitors without conversations is one statement, so a new one cannot race it',
  },
};

/** The tables `module` may read without owning them. */
export function readsOf(module) {
  return new Set(Object.keys(readModels[module] ?? {}));
}
