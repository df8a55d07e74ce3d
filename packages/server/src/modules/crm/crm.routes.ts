import {
  ZConvertCrmLeadRequest,
  ZConvertCrmLeadResponse,
  ZCreateCrmActivityRequest,
  ZCreateCrmDealRequest,
  ZCreateCrmLeadRequest,
  ZCreateCrmNoteRequest,
  ZCreateCrmOrganizationRequest,
  ZCreateCrmPersonRequest,
  ZCrmActivityDto,
  ZCrmDealDto,
  ZCrmIdParams,
  ZCrmLeadDto,
  ZCrmNoteDto,
  ZCrmOrganizationDto,
  ZCrmPersonDto,
  ZListCrmActivitiesQuery,
  ZListCrmDealsQuery,
  ZListCrmLeadsQuery,
  ZListCrmNotesQuery,
  ZListCrmOrganizationsQuery,
  ZListCrmPersonsQuery,
  ZUpdateCrmActivityRequest,
  ZUpdateCrmDealRequest,
  ZUpdateCrmLeadRequest,
  ZUpdateCrmNoteRequest,
  ZUpdateCrmOrganizationRequest,
  ZUpdateCrmPersonRequest,
} from '@charla/protocol';
import type { App } from '../../http/app-type';
import { actorOf } from './shared/crm-actor';
import { registerCrudRoutes } from './shared/crm-entity.routes';
import type { CrmService } from './crm.service';
import { registerConversationPanelRoutes } from './panel/conversation-panel.routes';
import { registerPipelinesRoutes } from './pipelines/pipelines.routes';

const REFS = ['CRM_REFERENCE_NOT_FOUND'] as const;
const DEAL_REFS = [...REFS, 'CRM_STAGE_NOT_IN_PIPELINE'] as const;

/** Every /api/v1/crm route, and the conversation side panel's. */
export function registerCrmRoutes(app: App, crm: CrmService): void {
  registerContactRoutes(app, crm);
  registerSalesRoutes(app, crm);
  registerActivityRoutes(app, crm);
  registerLeadConvertRoute(app, crm);
  registerPipelinesRoutes(app, crm.pipelines);
  registerConversationPanelRoutes(app, crm.panel);
}

/** Persons and organizations. */
function registerContactRoutes(app: App, crm: CrmService): void {
  registerCrudRoutes(app, {
    path: 'persons',
    singular: 'person',
    plural: 'persons',
    schemas: {
      dto: ZCrmPersonDto,
      create: ZCreateCrmPersonRequest,
      update: ZUpdateCrmPersonRequest,
      query: ZListCrmPersonsQuery,
    },
    service: crm.persons,
    errors: { create: REFS, update: REFS },
  });
  registerCrudRoutes(app, {
    path: 'organizations',
    singular: 'organization',
    plural: 'organizations',
    schemas: {
      dto: ZCrmOrganizationDto,
      create: ZCreateCrmOrganizationRequest,
      update: ZUpdateCrmOrganizationRequest,
      query: ZListCrmOrganizationsQuery,
    },
    service: crm.organizations,
  });
}

/** Leads and deals. */
function registerSalesRoutes(app: App, crm: CrmService): void {
  registerCrudRoutes(app, {
    path: 'leads',
    singular: 'lead',
    plural: 'leads',
    schemas: {
      dto: ZCrmLeadDto,
      create: ZCreateCrmLeadRequest,
      update: ZUpdateCrmLeadRequest,
      query: ZListCrmLeadsQuery,
    },
    service: crm.leads,
    errors: { create: REFS, update: [...REFS, 'CRM_LEAD_NOT_OPEN'] },
  });
  registerCrudRoutes(app, {
    path: 'deals',
    singular: 'deal',
    plural: 'deals',
    schemas: {
      dto: ZCrmDealDto,
      create: ZCreateCrmDealRequest,
      update: ZUpdateCrmDealRequest,
      query: ZListCrmDealsQuery,
    },
    service: crm.deals,
    errors: { create: DEAL_REFS, update: DEAL_REFS },
  });
}

/** Activities and notes. */
function registerActivityRoutes(app: App, crm: CrmService): void {
  registerCrudRoutes(app, {
    path: 'activities',
    singular: 'activity',
    plural: 'activities',
    schemas: {
      dto: ZCrmActivityDto,
      create: ZCreateCrmActivityRequest,
      update: ZUpdateCrmActivityRequest,
      query: ZListCrmActivitiesQuery,
    },
    service: crm.activities,
    errors: { create: REFS, update: REFS },
  });
  registerCrudRoutes(app, {
    path: 'notes',
    singular: 'note',
    plural: 'notes',
    schemas: {
      dto: ZCrmNoteDto,
      create: ZCreateCrmNoteRequest,
      update: ZUpdateCrmNoteRequest,
      query: ZListCrmNotesQuery,
    },
    service: crm.notes,
    errors: { create: REFS, update: REFS },
  });
}

/** Converting a lead into a deal (issue 15). */
function registerLeadConvertRoute(app: App, crm: CrmService): void {
  app.post(
    '/api/v1/crm/leads/:id/convert',
    {
      config: { auth: 'user', errors: ['RECORD_NOT_FOUND', 'CRM_LEAD_NOT_OPEN', 'CONFLICT', ...DEAL_REFS] },
      schema: {
        tags: ['crm'],
        summary:
          'Convert an open lead into a deal in a pipeline and stage, with the values the convert dialog confirmed (each one left out is the lead’s); keeps notes, activities and conversation links',
        params: ZCrmIdParams,
        body: ZConvertCrmLeadRequest,
        response: { 200: ZConvertCrmLeadResponse },
      },
    },
    async (request) => crm.leads.convert(request.params.id, request.body, actorOf(request)),
  );
}
