import { api } from '../../lib/api-client';

export type PrivacySettings = {
  closedConversationDays: number | null;
  deliveryLogDays: number | null;
  privacyUrl: string | null;
};
export type AuditEntry = {
  id: string;
  at: number;
  actorName: string;
  action: string;
  subjectKind: string | null;
  subjectId: string | null;
  details: Record<string, unknown>;
};
export type SubjectKind = 'visitor' | 'person';
const subject = (kind: SubjectKind, id: string) => `/admin/privacy/${kind}/${encodeURIComponent(id)}`;

/** REST calls of Settings → Privacy (admin only; the server refuses everyone else). */
export const privacyApi = {
  settings: () => api.get<PrivacySettings>('/admin/privacy/settings'),
  save: (body: PrivacySettings) => api.put<PrivacySettings>('/admin/privacy/settings', body),
  export: (kind: SubjectKind, id: string) => api.get<unknown>(`${subject(kind, id)}/export`),
  erase: (kind: SubjectKind, id: string) =>
    api.delete<{ removed: Record<string, number> }>(subject(kind, id)),
  auditLog: () => api.get<{ items: AuditEntry[] }>('/admin/audit-log', { limit: 50 }),
};
