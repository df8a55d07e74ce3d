import { createActivitiesService } from './activities.service';
import { createBotIntake } from './bot-intake.service';
import { createConversationPanelService } from './conversation-panel.service';
import type { CrmDeps } from './crm-context';
import { createDealsService } from './deals.service';
import { createLeadsService } from './leads.service';
import { createNotesService } from './notes.service';
import { createOrganizationsService } from './organizations.service';
import { createPersonsService } from './persons.service';
import { createPipelinesService } from './pipelines.service';

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
