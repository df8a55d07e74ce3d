/** CRM tables (owned by modules/crm). */
export type CrmTables = Record<never, never>;
