import { ZAddConversationLabelRequest, ZLabelChip, ZLabelDto, ZLabelRequest } from '@charla/protocol';
import { z } from 'zod';
import type { App } from '../../http/app-type';
import { requireUser } from '../../http/route-config';
import type { LabelsService } from './labels.service';

const tags = ['labels'];
const ZLabelParams = z.strictObject({ labelId: z.string().max(64) });
const ZConversationParams = z.strictObject({ conversationId: z.string().min(1).max(64) });
const ZConversationLabelParams = ZConversationParams.extend({ labelId: z.string().max(64) });
const ZConversationLabels = z.object({ labels: z.array(ZLabelChip) });
const LABEL_ERRORS = ['LABEL_NAME_TAKEN', 'LABEL_COLOR_UNKNOWN'] as const;

/** Labels (issue 16 item 3): every user reads them and labels chats they may see; admins manage the set. */
export function registerLabelsRoutes(app: App, labels: LabelsService): void {
  app.get(
    '/api/v1/labels',
    {
      config: { auth: 'user' },
      schema: { tags, summary: 'Every label, by name', response: { 200: z.array(ZLabelDto) } },
    },
    async () => labels.list(),
  );
  app.post(
    '/api/v1/admin/labels',
    {
      config: { auth: 'admin', errors: [...LABEL_ERRORS] },
      schema: { tags, summary: 'Create a label', body: ZLabelRequest, response: { 201: ZLabelDto } },
    },
    async (request, reply) => reply.status(201).send(await labels.create(request.body)),
  );
  app.put(
    '/api/v1/admin/labels/:labelId',
    {
      config: { auth: 'admin', errors: ['LABEL_NOT_FOUND', ...LABEL_ERRORS] },
      schema: {
        tags,
        summary: 'Rename or recolour a label (every conversation carrying it shows the change)',
        params: ZLabelParams,
        body: ZLabelRequest,
        response: { 200: ZLabelDto },
      },
    },
    async (request) => labels.update(request.params.labelId, request.body),
  );
  app.delete(
    '/api/v1/admin/labels/:labelId',
    {
      config: { auth: 'admin', errors: ['LABEL_NOT_FOUND'] },
      schema: {
        tags,
        summary: 'Delete a label; it leaves every conversation carrying it',
        params: ZLabelParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await labels.remove(request.params.labelId);
      return reply.status(204).send(null);
    },
  );
  registerConversationLabelRoutes(app, labels);
}

/** Putting labels on and off a conversation: any user, on a conversation they may see (R14). */
function registerConversationLabelRoutes(app: App, labels: LabelsService): void {
  app.post(
    '/api/v1/conversations/:conversationId/labels',
    {
      config: {
        auth: 'user',
        errors: ['CONVERSATION_NOT_FOUND', 'LABEL_UNKNOWN', 'LABEL_LIMIT_REACHED'],
      },
      schema: {
        tags,
        summary: 'Put a label on a conversation you may see (also a closed one); adding it twice is no error',
        params: ZConversationParams,
        body: ZAddConversationLabelRequest,
        response: { 200: ZConversationLabels },
      },
    },
    async (request) => ({
      labels: await labels.addToConversation(
        requireUser(request),
        request.params.conversationId,
        request.body.labelId,
      ),
    }),
  );
  app.delete(
    '/api/v1/conversations/:conversationId/labels/:labelId',
    {
      config: { auth: 'user', errors: ['CONVERSATION_NOT_FOUND', 'LABEL_NOT_FOUND'] },
      schema: {
        tags,
        summary: 'Take a label off a conversation you may see',
        params: ZConversationLabelParams,
        response: { 200: ZConversationLabels },
      },
    },
    async (request) => ({
      labels: await labels.removeFromConversation(
        requireUser(request),
        request.params.conversationId,
        request.params.labelId,
      ),
    }),
  );
}
