import {
  ZCreateWebhookRequest,
  ZCreatedWebhookDto,
  ZPage,
  ZUpdateWebhookRequest,
  ZWebhookDeliveriesQuery,
  ZWebhookDeliveryDto,
  ZWebhookDto,
  ZWebhookSettingsDto,
} from '@charla/protocol';
import { z } from 'zod';
import type { App } from '../../http/app-type';
import { requireUser } from '../../http/route-config';
import type { Services } from '../../services';

const tags = ['webhooks'];
const ZWebhookParams = z.strictObject({ webhookId: z.string().max(64) });
const signing =
  'Each delivery POSTs JSON `{ id, event, createdAt, data }` with headers `Charla-Webhook-Id` (the delivery id; dedupe on it), `Charla-Webhook-Timestamp` (Unix seconds) and `Charla-Webhook-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>`. Non-2xx answers are retried with exponential backoff (30 s doubling, at most 1 h apart) for 24 h; redirects are not followed.';

export function registerWebhooksRoutes(app: App, services: Services): void {
  registerWebhookSettingsRoutes(app, services);
  registerWebhookEndpointRoutes(app, services);
  registerWebhookDeliveryRoutes(app, services);
}

/** The company's webhook settings, and creating an endpoint. */
function registerWebhookSettingsRoutes(app: App, services: Services): void {
  const { webhooks } = services;

  app.get(
    '/api/v1/admin/settings/webhooks',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary: 'Webhook settings (private targets are refused unless allowed here)',
        response: { 200: ZWebhookSettingsDto },
      },
    },
    async () => webhooks.getSettings(),
  );
  app.put(
    '/api/v1/admin/settings/webhooks',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary: 'Change webhook settings',
        body: ZWebhookSettingsDto,
        response: { 200: ZWebhookSettingsDto },
      },
    },
    async (request) => webhooks.setSettings(request.body),
  );

  app.post(
    '/api/v1/admin/webhooks',
    {
      config: { auth: 'admin', errors: ['WEBHOOK_URL_FORBIDDEN'] },
      schema: {
        tags,
        summary: 'Register an endpoint; the response shows its signing secret once',
        description: signing,
        body: ZCreateWebhookRequest,
        response: { 201: ZCreatedWebhookDto },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await webhooks.create(request.body, requireUser(request).id)),
  );
}

/** List endpoints; read, edit and delete one. */
function registerWebhookEndpointRoutes(app: App, services: Services): void {
  const { webhooks } = services;

  app.get(
    '/api/v1/admin/webhooks',
    {
      config: { auth: 'admin' },
      schema: { tags, summary: 'All webhook endpoints', response: { 200: z.array(ZWebhookDto) } },
    },
    async () => webhooks.list(),
  );
  app.get(
    '/api/v1/admin/webhooks/:webhookId',
    {
      config: { auth: 'admin', errors: ['WEBHOOK_NOT_FOUND'] },
      schema: {
        tags,
        summary: 'One webhook endpoint',
        params: ZWebhookParams,
        response: { 200: ZWebhookDto },
      },
    },
    async (request) => webhooks.get(request.params.webhookId),
  );
  app.patch(
    '/api/v1/admin/webhooks/:webhookId',
    {
      config: { auth: 'admin', errors: ['WEBHOOK_NOT_FOUND', 'WEBHOOK_URL_FORBIDDEN'] },
      schema: {
        tags,
        summary: 'Change an endpoint’s URL, events, description or active flag',
        params: ZWebhookParams,
        body: ZUpdateWebhookRequest,
        response: { 200: ZWebhookDto },
      },
    },
    async (request) => webhooks.update(request.params.webhookId, request.body),
  );
  app.delete(
    '/api/v1/admin/webhooks/:webhookId',
    {
      config: { auth: 'admin', errors: ['WEBHOOK_NOT_FOUND'] },
      schema: {
        tags,
        summary: 'Delete an endpoint with its pending deliveries and log',
        params: ZWebhookParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await webhooks.remove(request.params.webhookId);
      return reply.status(204).send(null);
    },
  );
}

/** Test an endpoint and read its deliveries. */
function registerWebhookDeliveryRoutes(app: App, services: Services): void {
  const { webhooks } = services;

  app.post(
    '/api/v1/admin/webhooks/:webhookId/test',
    {
      config: { auth: 'admin', errors: ['WEBHOOK_NOT_FOUND'] },
      schema: {
        tags,
        summary: 'Send a signed `ping` event now; returns its delivery',
        description: signing,
        params: ZWebhookParams,
        response: { 200: ZWebhookDeliveryDto },
      },
    },
    async (request) => webhooks.test(request.params.webhookId),
  );
  app.get(
    '/api/v1/admin/webhooks/:webhookId/deliveries',
    {
      config: { auth: 'admin', errors: ['WEBHOOK_NOT_FOUND'] },
      schema: {
        tags,
        summary: 'Delivery log, newest first: status, attempts, last response, next attempt, payload preview',
        params: ZWebhookParams,
        querystring: ZWebhookDeliveriesQuery,
        response: { 200: ZPage(ZWebhookDeliveryDto) },
      },
    },
    async (request) => webhooks.listDeliveries(request.params.webhookId, request.query),
  );
}
