import { createActivitiesService } from './activities/activities.service';
import { createBotIntake } from './panel/bot-intake.service';
import { createConversationPanelService } from './panel/conversation-panel.service';
import { createReturningVisitorLinks } from './panel/returning-visitor';
import type { CrmDeps } from './shared/crm-context';
import { announcingNoteChanges, announcingRecordChanges } from './shared/announcing-changes';
import { createPanelAnnouncer } from './shared/panel-announcer';
import { createDealsService } from './deals/deals.service';
import { createLeadsService } from './leads/leads.service';
import { createNotesService } from './activities/notes.service';
import { createOrganizationsService } from './organizations/organizations.service';
import { createPersonsService } from './persons/persons.service';
import { createPipelinesService } from './pipelines/pipelines.service';

/**
 * The CRM: one service per entity, sharing the store, clock, domain events and conversation access.
 * Changes to the records a side panel shows reach the open panels (issue 15).
 */
export function createCrmService(deps: CrmDeps) {
  const announcer = createPanelAnnouncer(deps);
  const leads = announcingRecordChanges(createLeadsService(deps), 'lead', announcer);
  return {
    persons: announcingRecordChanges(createPersonsService(deps), 'person', announcer),
    organizations: announcingRecordChanges(createOrganizationsService(deps), 'organization', announcer),
    leads: {
      ...leads,
      /** A converted lead shows its new deal in the panels of its conversations. */
      async convert(...args: Parameters<typeof leads.convert>) {
        const converted = await leads.convert(...args);
        await announcer.announce('lead', args[0], await announcer.conversationsOfRecord('lead', args[0]));
        return converted;
      },
    },
    deals: announcingRecordChanges(createDealsService(deps), 'deal', announcer),
    pipelines: createPipelinesService(deps),
    activities: createActivitiesService(deps),
    notes: announcingNoteChanges(createNotesService(deps), announcer),
    panel: createConversationPanelService(deps),
    /** For the playbook runtime: the end card's CRM block. */
    createFromBot: createBotIntake(deps),
    /** For a new conversation: the person (and open lead, deal) of its visitor's earlier one. */
    linkReturningVisitor: createReturningVisitorLinks(deps),
  };
}
export type CrmService = ReturnType<typeof createCrmService>;
