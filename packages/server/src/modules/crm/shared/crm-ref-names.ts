import type { CrmEntityType } from '../../../db/schema.crm';
import type { CrmRefNames } from './crm-dto';
import type { CrmTablesStore } from './crm.store';

type RowWithRefs = {
  id: string;
  person_id?: string | null;
  organization_id?: string | null;
  stage_id?: string;
};

function idsOf(rows: RowWithRefs[], pick: (row: RowWithRefs) => string | null | undefined): string[] {
  return [...new Set(rows.map(pick).filter((id): id is string => typeof id === 'string'))];
}

/** Loads, in a few queries, the names and conversation links a page of `entityType` rows shows. */
export async function loadRefNames(
  store: CrmTablesStore,
  entityType: CrmEntityType,
  rows: RowWithRefs[],
): Promise<CrmRefNames> {
  const [persons, organizations, stages, conversations] = await Promise.all([
    store.persons.namesByIds(idsOf(rows, (r) => r.person_id)),
    store.organizations.namesByIds(idsOf(rows, (r) => r.organization_id)),
    store.pipelines.namesOfStages(idsOf(rows, (r) => r.stage_id)),
    store.links.conversationIdsFor(
      entityType,
      rows.map((r) => r.id),
    ),
  ]);
  return { persons, organizations, stages, conversations };
}
