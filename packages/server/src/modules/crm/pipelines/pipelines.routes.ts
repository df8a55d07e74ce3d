import {
  ZCreateCrmPipelineRequest,
  ZCreateCrmStageRequest,
  ZCrmDeleteStageQuery,
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
  registerPipelineReadRoutes(app, pipelines);
  registerPipelineWriteRoutes(app, pipelines);
  registerStageRoutes(app, pipelines);
}

/** List and read pipelines. */
function registerPipelineReadRoutes(app: App, pipelines: PipelinesService): void {
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
}

/** Create, rename and delete pipelines. */
function registerPipelineWriteRoutes(app: App, pipelines: PipelinesService): void {
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
      config: {
        ...admin,
        errors: [
          'RECORD_NOT_FOUND',
          'CRM_DEFAULT_PIPELINE',
          'CRM_STAGE_IN_USE',
          'CRM_REFERENCE_NOT_FOUND',
          'CRM_MOVE_TARGET_INVALID',
        ],
      },
      schema: {
        tags,
        summary:
          'Delete a pipeline (admin; not the default). Its deals move to `moveDealsTo`, a stage of another pipeline; without it a pipeline with deals is refused',
        params: ZCrmIdParams,
        querystring: ZCrmDeleteStageQuery,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await pipelines.delete(request.params.id, request.query.moveDealsTo);
      return reply.status(204).send(null);
    },
  );
}

/** Add, edit and remove a pipeline's stages. */
function registerStageRoutes(app: App, pipelines: PipelinesService): void {
  app.post(
    '/api/v1/crm/pipelines/:id/stages',
    {
      config: { ...admin, errors: ['RECORD_NOT_FOUND'] },
      schema: {
        tags,
        summary: 'Add a stage with its win probability, at `position` or last (admin)',
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
        summary: 'Rename a stage, set its win probability or move it to `position`; the others shift (admin)',
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
      config: {
        ...admin,
        errors: [
          'RECORD_NOT_FOUND',
          'CRM_STAGE_IN_USE',
          'CRM_PIPELINE_NEEDS_STAGE',
          'CRM_REFERENCE_NOT_FOUND',
          'CRM_MOVE_TARGET_INVALID',
        ],
      },
      schema: {
        tags,
        summary:
          'Delete a stage (admin; a pipeline keeps one). Its deals move to `moveDealsTo`, another stage of the pipeline; without it a stage with deals is refused',
        params: ZCrmIdParams,
        querystring: ZCrmDeleteStageQuery,
        response: { 200: ZCrmPipelineDto },
      },
    },
    async (request) => pipelines.deleteStage(request.params.id, request.query.moveDealsTo),
  );
}
