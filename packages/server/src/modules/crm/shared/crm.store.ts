import type { Db } from '../../../db/database';
import { createActivitiesStore } from '../activities/activities.store';
import { createConversationLinksStore } from './conversation-links.store';
import { createConversationPanelsStore } from '../panel/conversation-panels.store';
import { createCrmReferencesStore } from './crm-references.store';
import { createDealsStore } from '../deals/deals.store';
import { createLeadsStore } from '../leads/leads.store';
import { createNotesStore } from '../activities/notes.store';
import { createOrganizationsStore } from '../organizations/organizations.store';
import { createPersonsStore } from '../persons/persons.store';
import { createPipelinesStore } from '../pipelines/pipelines.store';
import { createRecordChangesStore } from './record-changes.store';

function createCrmTables(db: Db) {
  return {
    persons: createPersonsStore(db),
    organizations: createOrganizationsStore(db),
    leads: createLeadsStore(db),
    deals: createDealsStore(db),
    pipelines: createPipelinesStore(db),
    activities: createActivitiesStore(db),
    notes: createNotesStore(db),
    links: createConversationLinksStore(db),
    panels: createConversationPanelsStore(db),
    references: createCrmReferencesStore(db),
    changes: createRecordChangesStore(db),
  };
}
/** Every CRM store bound to one connection (or one transaction). */
export type CrmTablesStore = ReturnType<typeof createCrmTables>;

export type CrmStore = CrmTablesStore & {
  /** Runs `work` in one transaction with stores bound to it; nothing is written when it throws. */
  transaction<T>(work: (tx: CrmTablesStore) => Promise<T>): Promise<T>;
};

/** The CRM's storage: the only place its SQL lives. */
export function createCrmStore(db: Db): CrmStore {
  return {
    ...createCrmTables(db),
    transaction: (work) => db.transaction().execute((trx) => work(createCrmTables(trx))),
  };
}
