import { AppError } from '../../../lib/app-error';
import type { CrmReferenceTable, CrmReferencesStore } from './crm-references.store';

/** One id a request refers to, and the request field it came from. */
export type CrmReferenceCheck = { path: string; table: CrmReferenceTable; id: string | null | undefined };

const LABELS: Record<CrmReferenceTable, string> = {
  users: 'user',
  crm_persons: 'person',
  crm_organizations: 'organization',
  crm_leads: 'lead',
  crm_deals: 'deal',
  crm_pipelines: 'pipeline',
  crm_stages: 'stage',
  conversations: 'conversation',
};

/** Throws CRM_REFERENCE_NOT_FOUND, naming every field whose id does not exist. */
export async function assertReferencesExist(
  store: CrmReferencesStore,
  checks: CrmReferenceCheck[],
): Promise<void> {
  const missing: { path: string; message: string }[] = [];
  for (const check of checks) {
    if (check.id === null || check.id === undefined) continue;
    const found = await store.existingIds(check.table, [check.id]);
    if (!found.has(check.id)) missing.push({ path: check.path, message: `No such ${LABELS[check.table]}` });
  }
  if (missing.length > 0) throw new AppError('CRM_REFERENCE_NOT_FOUND', { details: missing });
}
