import {
  ZConversationPanelDto,
  ZCreateFromPanelQuery,
  ZCreateFromPanelRequest,
  ZId,
  ZPanelDealCreatedDto,
  ZPanelLeadCreatedDto,
  ZPutConversationPanelRequest,
} from '@charla/protocol';
import { z } from 'zod';
import type { App } from '../../../http/app-type';
import { requireUser } from '../../../http/route-config';
import type { ConversationPanelService } from './conversation-panel.service';

const tags = ['crm', 'conversations'];
const ZConversationParams = z.strictObject({ id: ZId });
const config = { auth: 'user' as const };

/** The side panel of a conversation and its "Create lead" / "Create deal" actions (R17, R18, R20). */
export function registerConversationPanelRoutes(app: App, panel: ConversationPanelService): void {
  registerPanelFieldRoutes(app, panel);
  registerPanelRecordRoutes(app, panel);
}

/** The side panel of a conversation: read and save its fields. */
function registerPanelFieldRoutes(app: App, panel: ConversationPanelService): void {
  app.get(
    '/api/v1/conversations/:id/panel',
    {
      config: { ...config, errors: ['CONVERSATION_NOT_FOUND'] },
      schema: {
        tags,
        summary: 'The conversation’s side panel (pre-filled from captured data until saved)',
        params: ZConversationParams,
        response: { 200: ZConversationPanelDto },
      },
    },
    async (request) => panel.get(request.params.id, requireUser(request)),
  );
  app.put(
    '/api/v1/conversations/:id/panel',
    {
      config: { ...config, errors: ['CONVERSATION_NOT_FOUND'] },
      schema: {
        tags,
        summary: 'Save the side panel (also after the conversation is closed)',
        params: ZConversationParams,
        body: ZPutConversationPanelRequest,
        response: { 200: ZConversationPanelDto },
      },
    },
    async (request) => panel.put(request.params.id, request.body, requireUser(request)),
  );
}

/** Create a lead or a deal from the side panel. */
function registerPanelRecordRoutes(app: App, panel: ConversationPanelService): void {
  app.post(
    '/api/v1/conversations/:id/panel/lead',
    {
      config: { ...config, errors: ['CONVERSATION_NOT_FOUND', 'CRM_LEAD_EXISTS'] },
      schema: {
        tags,
        summary:
          'Create a lead from the panel (matches person by email/phone and organization by name; 409 CRM_LEAD_EXISTS on a second one unless another=true)',
        params: ZConversationParams,
        querystring: ZCreateFromPanelQuery,
        body: ZCreateFromPanelRequest.optional(),
        response: { 201: ZPanelLeadCreatedDto },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await panel.createLead(
            request.params.id,
            request.body ?? {},
            { another: request.query.another === 'true' },
            requireUser(request),
          ),
        ),
  );
  app.post(
    '/api/v1/conversations/:id/panel/deal',
    {
      config: { ...config, errors: ['CONVERSATION_NOT_FOUND', 'CRM_DEAL_EXISTS', 'CRM_REFERENCE_NOT_FOUND'] },
      schema: {
        tags,
        summary:
          'Create a deal from the panel in the default pipeline (409 CRM_DEAL_EXISTS on a second one unless another=true)',
        params: ZConversationParams,
        querystring: ZCreateFromPanelQuery,
        body: ZCreateFromPanelRequest.optional(),
        response: { 201: ZPanelDealCreatedDto },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await panel.createDeal(
            request.params.id,
            request.body ?? {},
            { another: request.query.another === 'true' },
            requireUser(request),
          ),
        ),
  );
}
