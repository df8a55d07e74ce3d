import {
  ZCreatePlaybookRequest,
  ZDuplicatePlaybookRequest,
  ZPlaybookDto,
  ZPlaybookSummaryDto,
  ZPlaybookTemplateDto,
  ZPlaybookValidationDto,
  ZSavePlaybookRequest,
  ZValidatePlaybookRequest,
} from '@charla/protocol';
import { z } from 'zod';
import type { App } from '../../http/app-type';
import { requireUser } from '../../http/route-config';
import type { Services } from '../../services';

const tags = ['playbooks'];
const ZPlaybookParams = z.strictObject({ id: z.string().min(1).max(64) });

/** Playbook management: every user reads, only admins write (R2). */
export function registerPlaybooksRoutes(app: App, services: Services): void {
  registerReadRoutes(app, services.playbooks);
  registerEditRoutes(app, services.playbooks);
  registerLifecycleRoutes(app, services.playbooks);
}

/** Reading: the list, the templates, one playbook, and the validator's dry run. */
function registerReadRoutes(app: App, playbooks: Services['playbooks']): void {
  app.get(
    '/api/v1/playbooks',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Playbooks with their status, installs and embed snippet',
        response: { 200: z.array(ZPlaybookSummaryDto) },
      },
    },
    async () => playbooks.list(),
  );

  app.get(
    '/api/v1/playbook-templates',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Templates a new playbook can start from (R5)',
        response: { 200: z.array(ZPlaybookTemplateDto) },
      },
    },
    async () => playbooks.listTemplates(),
  );

  app.post(
    '/api/v1/playbooks/validate',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary: 'Validate a document without saving it (editor dry run)',
        body: ZValidatePlaybookRequest,
        response: { 200: ZPlaybookValidationDto },
      },
    },
    async (request) => playbooks.validate(request.body.document),
  );

  app.get(
    '/api/v1/playbooks/:id',
    {
      config: { auth: 'user', errors: ['PLAYBOOK_NOT_FOUND'] },
      schema: {
        tags,
        summary: 'A playbook with its working copy and validator findings',
        params: ZPlaybookParams,
        response: { 200: ZPlaybookDto },
      },
    },
    async (request) => playbooks.getDto(request.params.id),
  );
}

/** Creating, saving and duplicating. */
function registerEditRoutes(app: App, playbooks: Services['playbooks']): void {
  app.post(
    '/api/v1/playbooks',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary: 'Create a draft playbook from a template',
        body: ZCreatePlaybookRequest,
        response: { 201: ZPlaybookDto },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await playbooks.create(request.body, requireUser(request).id)),
  );

  app.put(
    '/api/v1/playbooks/:id',
    {
      config: { auth: 'admin', errors: ['PLAYBOOK_NOT_FOUND', 'PLAYBOOK_INVALID', 'REVISION_CONFLICT'] },
      schema: {
        tags,
        summary:
          'Save the working copy (422 PLAYBOOK_INVALID, 409 REVISION_CONFLICT, 413); an active playbook’s save publishes it',
        params: ZPlaybookParams,
        body: ZSavePlaybookRequest,
        response: { 200: ZPlaybookDto },
      },
    },
    async (request) => playbooks.save(request.params.id, request.body, requireUser(request).id),
  );

  app.post(
    '/api/v1/playbooks/:id/duplicate',
    {
      config: { auth: 'admin', errors: ['PLAYBOOK_NOT_FOUND'] },
      schema: {
        tags,
        summary: 'Copy a playbook as a new draft',
        params: ZPlaybookParams,
        body: ZDuplicatePlaybookRequest,
        response: { 201: ZPlaybookDto },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await playbooks.duplicate(request.params.id, request.body, requireUser(request).id)),
  );
}

/** Activation, deactivation and deletion. */
function registerLifecycleRoutes(app: App, playbooks: Services['playbooks']): void {
  app.post(
    '/api/v1/playbooks/:id/activate',
    {
      config: { auth: 'admin', errors: ['PLAYBOOK_NOT_FOUND', 'PLAYBOOK_INVALID', 'REVISION_CONFLICT'] },
      schema: {
        tags,
        summary: 'Publish and activate; 422 PLAYBOOK_INVALID lists the errors',
        params: ZPlaybookParams,
        response: { 200: ZPlaybookDto },
      },
    },
    async (request) => playbooks.activate(request.params.id, requireUser(request).id),
  );

  app.post(
    '/api/v1/playbooks/:id/deactivate',
    {
      config: { auth: 'admin', errors: ['PLAYBOOK_NOT_FOUND'] },
      schema: {
        tags,
        summary: 'Stop new conversations; those in flight finish on their revision',
        params: ZPlaybookParams,
        response: { 200: ZPlaybookDto },
      },
    },
    async (request) => playbooks.deactivate(request.params.id, requireUser(request).id),
  );

  app.delete(
    '/api/v1/playbooks/:id',
    {
      config: { auth: 'admin', errors: ['PLAYBOOK_NOT_FOUND'] },
      schema: {
        tags,
        summary: 'Delete a playbook (kept hidden while conversations reference it)',
        params: ZPlaybookParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await playbooks.remove(request.params.id, requireUser(request).id);
      return reply.status(204).send(null);
    },
  );
}
