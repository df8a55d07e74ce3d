import type { Db } from '../../../db/database';
import { CRM_RANKED_MAX, rankCrmRecords, type CrmSearchType } from '../../search/index';

export { inRankOrder } from './crm-search.util';

/**
 * The list pages' `q` (issue 15): the ids of the records of `type` matching it in the full-text
 * index (modules/search: every text field, the linked person's and organization's names for
 * leads and deals), best first; undefined when there is no query.
 */
export async function rankedIds(
  db: Db,
  type: CrmSearchType,
  q: string | undefined,
): Promise<string[] | undefined> {
  if (q === undefined || q.trim() === '') return undefined;
  const own = await rankCrmRecords(db, type, q);
  if (type !== 'lead' && type !== 'deal') return own;
  // Leads and deals are found through their person's emails and phones too (their own document
  // holds only the person's and organization's names): after their own matches, newest first.
  const [persons, organizations] = await Promise.all([
    rankCrmRecords(db, 'person', q),
    rankCrmRecords(db, 'organization', q),
  ]);
  if (persons.length === 0 && organizations.length === 0) return own;
  const table = type === 'lead' ? 'crm_leads' : 'crm_deals';
  const linked = await db
    .selectFrom(table)
    .select('id')
    .where((eb) =>
      eb.or([
        ...(persons.length > 0 ? [eb('person_id', 'in', persons)] : []),
        ...(organizations.length > 0 ? [eb('organization_id', 'in', organizations)] : []),
      ]),
    )
    .orderBy('id', 'desc')
    .limit(CRM_RANKED_MAX)
    .execute();
  return [...new Set([...own, ...linked.map((r) => r.id)])];
}
