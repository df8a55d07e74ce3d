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
  ZErrorBody,
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

/** Every /api/v1/crm route, and the conversation side panel's. */
export function registerCrmRoutes(app: App, crm: CrmService): void {
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
  });
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
  });

  app.post(
    '/api/v1/crm/leads/:id/convert',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['crm'],
        summary:
          'Convert an open lead into a deal (keeps person, organization, notes, activities and conversation links)',
        params: ZCrmIdParams,
        body: ZConvertCrmLeadRequest,
        response: { 200: ZConvertCrmLeadResponse, 404: ZErrorBody, 409: ZErrorBody, 422: ZErrorBody },
      },
    },
    async (request) => crm.leads.convert(request.params.id, request.body, actorOf(request)),
  );

  registerPipelinesRoutes(app, crm.pipelines);
  registerConversationPanelRoutes(app, crm.panel);
}
