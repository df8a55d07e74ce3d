import {
  ZCreateCrmPipelineRequest,
  ZCreateCrmStageRequest,
  ZCrmIdParams,
  ZCrmPipelineDto,
  ZUpdateCrmPipelineRequest,
  ZUpdateCrmStageRequest,
} from '@charla/protocol';
import { z } from 'zod';
import type { App } from '../../../http/app-type';
import type { PipelinesService } from './pipelines.service';

const tags = ['crm'];
const admin = { auth: 'admin' as const };

/** Pipelines: every user reads them; only admins create, rename, reorder or delete pipelines and stages. */
export function registerPipelinesRoutes(app: App, pipelines: PipelinesService): void {
  app.get(
    '/api/v1/crm/pipelines',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Pipelines with their stages (default first)',
        response: { 200: z.array(ZCrmPipelineDto) },
      },
    },
    async () => pipelines.list(),
  );
  app.get(
    '/api/v1/crm/pipelines/:id',
    {
      config: { auth: 'user', errors: ['RECORD_NOT_FOUND'] },
      schema: {
        tags,
        summary: 'A pipeline with its stages',
        params: ZCrmIdParams,
        response: { 200: ZCrmPipelineDto },
      },
    },
    async (request) => pipelines.get(request.params.id),
  );
  app.post(
    '/api/v1/crm/pipelines',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Create a pipeline (admin)',
        body: ZCreateCrmPipelineRequest,
        response: { 201: ZCrmPipelineDto },
      },
    },
    async (request, reply) => reply.status(201).send(await pipelines.create(request.body)),
  );
  app.patch(
    '/api/v1/crm/pipelines/:id',
    {
      config: { ...admin, errors: ['RECORD_NOT_FOUND'] },
      schema: {
        tags,
        summary: 'Rename a pipeline or make it the default (admin)',
        params: ZCrmIdParams,
        body: ZUpdateCrmPipelineRequest,
        response: { 200: ZCrmPipelineDto },
      },
    },
    async (request) => pipelines.update(request.params.id, request.body),
  );
  app.delete(
    '/api/v1/crm/pipelines/:id',
    {
      config: { ...admin, errors: ['RECORD_NOT_FOUND', 'CRM_DEFAULT_PIPELINE', 'CRM_STAGE_IN_USE'] },
      schema: {
        tags,
        summary: 'Delete a pipeline without deals (admin; not the default)',
        params: ZCrmIdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await pipelines.delete(request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/v1/crm/pipelines/:id/stages',
    {
      config: { ...admin, errors: ['RECORD_NOT_FOUND'] },
      schema: {
        tags,
        summary: 'Add a stage (admin)',
        params: ZCrmIdParams,
        body: ZCreateCrmStageRequest,
        response: { 201: ZCrmPipelineDto },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await pipelines.addStage(request.params.id, request.body)),
  );
  app.patch(
    '/api/v1/crm/stages/:id',
    {
      config: { ...admin, errors: ['RECORD_NOT_FOUND'] },
      schema: {
        tags,
        summary: 'Rename or move a stage (admin)',
        params: ZCrmIdParams,
        body: ZUpdateCrmStageRequest,
        response: { 200: ZCrmPipelineDto },
      },
    },
    async (request) => pipelines.updateStage(request.params.id, request.body),
  );
  app.delete(
    '/api/v1/crm/stages/:id',
    {
      config: { ...admin, errors: ['RECORD_NOT_FOUND', 'CRM_STAGE_IN_USE', 'CRM_PIPELINE_NEEDS_STAGE'] },
      schema: {
        tags,
        summary: 'Delete an empty stage (admin; a pipeline keeps one)',
        params: ZCrmIdParams,
        response: { 200: ZCrmPipelineDto },
      },
    },
    async (request) => pipelines.deleteStage(request.params.id),
  );
}
