import { createActivitiesService } from './activities/activities.service';
import { createBotIntake } from './panel/bot-intake.service';
import { createConversationPanelService } from './panel/conversation-panel.service';
import type { CrmDeps } from './shared/crm-context';
import { createDealsService } from './deals/deals.service';
import { createLeadsService } from './leads/leads.service';
import { createNotesService } from './activities/notes.service';
import { createOrganizationsService } from './organizations/organizations.service';
import { createPersonsService } from './persons/persons.service';
import { createPipelinesService } from './pipelines/pipelines.service';

/** The CRM: one service per entity, sharing the store, clock, domain events and conversation access. */
export function createCrmService(deps: CrmDeps) {
  return {
    persons: createPersonsService(deps),
    organizations: createOrganizationsService(deps),
    leads: createLeadsService(deps),
    deals: createDealsService(deps),
    pipelines: createPipelinesService(deps),
    activities: createActivitiesService(deps),
    notes: createNotesService(deps),
    panel: createConversationPanelService(deps),
    /** For the playbook runtime: the end card's CRM block. */
    createFromBot: createBotIntake(deps),
  };
}
export type CrmService = ReturnType<typeof createCrmService>;
