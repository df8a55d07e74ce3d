import {
  ZCrmChangeDto,
  ZCrmHistoryQuery,
  ZCrmIdParams,
  ZCrmPage,
  type TCrmChangeDto,
  type TCrmHistoryQuery,
  type ErrorCode,
} from '@charla/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../../http/app-type';
import { actorOf } from './crm-actor';
import type { CrmActor } from './crm-context';

/** A generic entity's success schema, typed as any schema (its error responses are added by the app). */
const widen = (response: Record<number, z.ZodType>): Record<number, z.ZodType> => response;

type PageOf<Dto> = { items: Dto[]; nextCursor: string | null };

/** What an entity's service offers for the five CRUD routes. */
export type CrudService<Dto, Create, Update, Query> = {
  create(input: Create, actor: CrmActor): Promise<Dto>;
  get(id: string): Promise<Dto>;
  update(id: string, patch: Update, actor: CrmActor): Promise<Dto>;
  delete(id: string): Promise<void>;
  list(query: Query, actor: CrmActor): Promise<PageOf<Dto>>;
  /** Records with a version also keep a change history. */
  history?: (id: string, query: TCrmHistoryQuery) => Promise<PageOf<TCrmChangeDto>>;
};

export type CrudSchemas<
  D extends z.ZodType,
  C extends z.ZodType,
  U extends z.ZodType,
  Q extends z.ZodType,
> = { dto: D; create: C; update: U; query: Q };

const VERSIONED_PATCH =
  'Send the `version` you read: a change made on an older version gets 409 CONFLICT with the current record in `error.details.current`. Each changed field is added to the history.';

type Z = z.ZodType;

export type CrudOptions<D extends Z, C extends Z, U extends Z, Q extends Z> = {
  path: string;
  singular: string;
  plural: string;
  schemas: CrudSchemas<D, C, U, Q>;
  service: CrudService<z.output<D>, z.output<C>, z.output<U>, z.output<Q>>;
  /** What the entity's create and update can refuse beyond a missing record (OpenAPI). */
  errors?: { create?: readonly ErrorCode[]; update?: readonly ErrorCode[] };
};

const tags = ['crm'];
const withErrors = (errors: readonly ErrorCode[] = []) => ({ auth: 'user' as const, errors });
const actor = (request: FastifyRequest): CrmActor => actorOf(request);
const idOf = (request: FastifyRequest): string => (request.params as z.output<typeof ZCrmIdParams>).id;

/**
 * Registers list / create / read / update / delete for one CRM entity under /api/v1/crm/<path>,
 * for any logged-in user, with the zod schemas that also document them in OpenAPI.
 */
export function registerCrudRoutes<D extends Z, C extends Z, U extends Z, Q extends Z>(
  app: App,
  options: CrudOptions<D, C, U, Q>,
): void {
  // Generic schemas defeat the zod type provider's inference; the schemas still validate every
  // request and response at run time, and the casts below tie each body to its schema's type.
  const router = app as unknown as FastifyInstance;
  registerCollectionRoutes(router, options);
  registerRecordRoutes(router, options);
}

/** List and create. */
function registerCollectionRoutes<D extends Z, C extends Z, U extends Z, Q extends Z>(
  router: FastifyInstance,
  options: CrudOptions<D, C, U, Q>,
): void {
  const { plural, singular, schemas, service } = options;
  const base = `/api/v1/crm/${options.path}`;
  router.get(
    base,
    {
      config: withErrors(['INVALID_CURSOR']),
      schema: {
        tags,
        summary: `List ${plural} (filters, search, cursor pagination)`,
        querystring: schemas.query,
        response: { 200: ZCrmPage(schemas.dto) },
      },
    },
    async (request) => service.list(request.query as z.output<Q>, actor(request)),
  );
  router.post(
    base,
    {
      config: withErrors(options.errors?.create),
      schema: {
        tags,
        summary: `Create a ${singular}`,
        body: schemas.create,
        response: widen({ 201: schemas.dto }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.create(request.body as z.output<C>, actor(request))),
  );
}

/** Read, change (with its history when the record is versioned) and delete one record. */
function registerRecordRoutes<D extends Z, C extends Z, U extends Z, Q extends Z>(
  router: FastifyInstance,
  options: CrudOptions<D, C, U, Q>,
): void {
  const { singular, schemas, service } = options;
  const base = `/api/v1/crm/${options.path}`;
  router.get(
    `${base}/:id`,
    {
      config: withErrors(['RECORD_NOT_FOUND']),
      schema: {
        tags,
        summary: `Read a ${singular}`,
        params: ZCrmIdParams,
        response: widen({ 200: schemas.dto }),
      },
    },
    async (request) => service.get(idOf(request)),
  );
  router.patch(
    `${base}/:id`,
    {
      config: withErrors(['RECORD_NOT_FOUND', ...(options.errors?.update ?? [])]),
      schema: {
        tags,
        summary: `Change a ${singular}`,
        ...(service.history ? { description: VERSIONED_PATCH } : {}),
        params: ZCrmIdParams,
        body: schemas.update,
        response: widen({ 200: schemas.dto }),
      },
    },
    async (request) => service.update(idOf(request), request.body as z.output<U>, actor(request)),
  );
  const history = service.history;
  if (history)
    router.get(
      `${base}/:id/history`,
      {
        config: withErrors(['RECORD_NOT_FOUND']),
        schema: {
          tags,
          summary: `The change history of a ${singular} (who, when, field, from → to), newest first`,
          params: ZCrmIdParams,
          querystring: ZCrmHistoryQuery,
          response: { 200: ZCrmPage(ZCrmChangeDto) },
        },
      },
      async (request) => history(idOf(request), request.query as TCrmHistoryQuery),
    );
  router.delete(
    `${base}/:id`,
    {
      config: withErrors(['RECORD_NOT_FOUND']),
      schema: {
        tags,
        summary: `Delete a ${singular}`,
        params: ZCrmIdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await service.delete(idOf(request));
      return reply.status(204).send(null);
    },
  );
}
