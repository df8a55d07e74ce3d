/** Audit log (owned by modules/privacy): who did what and when; subjects by id only. */
export type AuditLogTable = {
  id: string;
  at: number;
  actor_id: string | null;
  actor_name: string;
  /** e.g. privacy.export, privacy.delete, retention.update, retention.run */
  action: string;
  subject_kind: string | null;
  subject_id: string | null;
  /** JSON: counts and settings, never personal data. */
  details: string;
};

export type PrivacyTables = { audit_log: AuditLogTable };
