import {
  ZCannedResponseDto,
  ZCannedVariablesDto,
  ZCannedVariablesQuery,
  ZCreateCannedResponseRequest,
  ZUpdateCannedResponseRequest,
} from '@charla/protocol';
import { z } from 'zod';
import type { App } from '../../http/app-type';
import { requireUser } from '../../http/route-config';
import type { CannedResponsesService } from './canned-responses.service';

const tags = ['canned-responses'];
const ZCannedParams = z.strictObject({ id: z.string().min(1).max(64) });
const variablesHelp =
  'Variables: `{{visitor.name}}`, `{{visitor.email}}`, `{{user.name}}` and the playbook’s captured variables (`{{company_name}}`), each with an optional fallback: `{{visitor.name | there}}`. A missing variable without a fallback is left out. Shortcuts are unique per scope; a personal response may reuse a team shortcut and then shadows it in its owner’s composer.';

export function registerCannedResponsesRoutes(app: App, canned: CannedResponsesService): void {
  app.get(
    '/api/v1/canned-responses',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'The team’s canned responses and the caller’s own, most used first',
        response: { 200: z.array(ZCannedResponseDto) },
      },
    },
    async (request) => canned.list(requireUser(request)),
  );

  app.post(
    '/api/v1/canned-responses',
    {
      config: { auth: 'user', errors: ['FORBIDDEN', 'CANNED_SHORTCUT_TAKEN', 'CANNED_VARIABLE_INVALID'] },
      schema: {
        tags,
        summary: 'Create a canned response: personal (anyone) or team (admins)',
        description: variablesHelp,
        body: ZCreateCannedResponseRequest,
        response: { 201: ZCannedResponseDto },
      },
    },
    async (request, reply) => reply.status(201).send(await canned.create(request.body, requireUser(request))),
  );

  registerChanges(app, canned);
  registerUse(app, canned);
}

/** Changing and deleting one response; the service checks who may. */
function registerChanges(app: App, canned: CannedResponsesService): void {
  app.patch(
    '/api/v1/canned-responses/:id',
    {
      config: {
        auth: 'user',
        errors: [
          'FORBIDDEN',
          'CANNED_RESPONSE_NOT_FOUND',
          'CANNED_SHORTCUT_TAKEN',
          'CANNED_VARIABLE_INVALID',
        ],
      },
      schema: {
        tags,
        summary: 'Change the title, shortcut or body of one’s own response, or of a team one (admins)',
        description: variablesHelp,
        params: ZCannedParams,
        body: ZUpdateCannedResponseRequest,
        response: { 200: ZCannedResponseDto },
      },
    },
    async (request) => canned.update(request.params.id, request.body, requireUser(request)),
  );

  app.delete(
    '/api/v1/canned-responses/:id',
    {
      config: { auth: 'user', errors: ['FORBIDDEN', 'CANNED_RESPONSE_NOT_FOUND'] },
      schema: {
        tags,
        summary: 'Delete one’s own response, or a team one (admins)',
        params: ZCannedParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await canned.remove(request.params.id, requireUser(request));
      return reply.status(204).send(null);
    },
  );
}

/** What the composer calls: the variables of a conversation, and a use after sending. */
function registerUse(app: App, canned: CannedResponsesService): void {
  app.post(
    '/api/v1/canned-responses/:id/uses',
    {
      config: { auth: 'user', errors: ['CANNED_RESPONSE_NOT_FOUND'] },
      schema: {
        tags,
        summary: 'Count one message sent with this response inserted (lists sort by this count)',
        params: ZCannedParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await canned.countUse(request.params.id, requireUser(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/canned-responses/variables',
    {
      config: { auth: 'user', errors: ['CONVERSATION_NOT_FOUND'] },
      schema: {
        tags,
        summary: 'The values of the variables in one conversation, for filling a response in the composer',
        description: variablesHelp,
        querystring: ZCannedVariablesQuery,
        response: { 200: ZCannedVariablesDto },
      },
    },
    async (request) => canned.variables(request.query.conversationId, requireUser(request)),
  );
}
