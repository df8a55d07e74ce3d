import { randomBytes } from 'node:crypto';
import type {
  TCreateWebhookRequest,
  TCreatedWebhookDto,
  TPage,
  TUpdateWebhookRequest,
  TWebhookDeliveriesQuery,
  TWebhookDeliveryDto,
  TWebhookDto,
  TWebhookEventName,
  TWebhookSettingsDto,
} from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { Clock } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { fromJsonColumn, toJsonColumn } from '../../lib/json';
import { ForbiddenTargetError, resolvePublicTarget, type Resolver } from '../../lib/ssrf-guard';
import type { SettingsStore } from '../settings/index';
import type { WebhookOutbox } from './webhook-outbox';
import { readWebhookSettings, WEBHOOK_SETTINGS_KEY } from './webhook-settings';
import type { WebhookDeliveryRow, WebhookEndpointRow, WebhooksStore } from './webhooks.store';

const PREVIEW_CHARS = 500;

export function toWebhookDto(row: WebhookEndpointRow): TWebhookDto {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: fromJsonColumn<TWebhookEventName[]>(row.events, []),
    active: row.active === 1,
    secretHint: row.secret.slice(-4),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toWebhookDeliveryDto(row: WebhookDeliveryRow): TWebhookDeliveryDto {
  return {
    id: row.id,
    webhookId: row.endpoint_id,
    event: row.event,
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    lastAttemptAt: row.last_attempt_at,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
    deliveredAt: row.delivered_at,
    createdAt: row.created_at,
    payloadPreview: row.body.slice(0, PREVIEW_CHARS),
  };
}

/** A fresh signing secret (192 bits), `whsec_` + standard base64 as Standard Webhooks expects. */
function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

export type WebhooksServiceDeps = {
  store: WebhooksStore;
  outbox: WebhookOutbox;
  settings: SettingsStore;
  clock: Clock;
  resolve?: Resolver;
};

async function getEndpoint(store: WebhooksStore, id: string): Promise<WebhookEndpointRow> {
  const row = await store.findEndpoint(id);
  if (!row) throw new AppError('WEBHOOK_NOT_FOUND');
  return row;
}

/** Registration-time SSRF check (delivery checks again, against DNS rebinding). */
async function assertAllowedUrl(deps: WebhooksServiceDeps, url: string): Promise<void> {
  const { allowPrivateWebhookTargets } = await readWebhookSettings(deps.settings);
  try {
    await resolvePublicTarget(url, {
      allowPrivate: allowPrivateWebhookTargets,
      ...(deps.resolve ? { resolve: deps.resolve } : {}),
    });
  } catch (error) {
    if (!(error instanceof ForbiddenTargetError)) throw error;
    const message = error.reason === 'unresolvable' ? 'The webhook URL’s host does not resolve.' : undefined;
    throw new AppError('WEBHOOK_URL_FORBIDDEN', {
      ...(message ? { message } : {}),
      details: { reason: error.reason },
    });
  }
}

function newEndpointRow(
  input: TCreateWebhookRequest,
  byUserId: string | null,
  now: number,
): WebhookEndpointRow {
  return {
    id: newId(),
    url: input.url,
    description: input.description ?? '',
    events: toJsonColumn([...new Set(input.events)]),
    active: input.active ? 1 : 0,
    secret: newWebhookSecret(),
    created_by: byUserId,
    created_at: now,
    updated_at: now,
  };
}

/**
 * Admin management of webhook endpoints. The secret is stored in plain text: it must be used to
 * sign every delivery, so it cannot be hashed, and encrypting it with a key kept in the same
 * database (or in SESSION_SECRET, whose rotation would then break every endpoint) would add
 * ceremony, not protection. It is shown once, and the API never returns it again.
 */
export function createWebhooksService(deps: WebhooksServiceDeps) {
  const { store, outbox, settings, clock } = deps;
  const getSettings = () => readWebhookSettings(settings);

  return {
    getSettings,
    async setSettings(input: TWebhookSettingsDto): Promise<TWebhookSettingsDto> {
      await settings.set(WEBHOOK_SETTINGS_KEY, input, clock.now());
      return getSettings();
    },
    async create(input: TCreateWebhookRequest, byUserId: string | null): Promise<TCreatedWebhookDto> {
      await assertAllowedUrl(deps, input.url);
      const row = newEndpointRow(input, byUserId, clock.now());
      await store.insertEndpoint(row);
      return { ...toWebhookDto(row), secret: row.secret };
    },
    async list(): Promise<TWebhookDto[]> {
      return (await store.listEndpoints()).map(toWebhookDto);
    },
    async get(id: string): Promise<TWebhookDto> {
      return toWebhookDto(await getEndpoint(store, id));
    },
    async update(id: string, patch: TUpdateWebhookRequest): Promise<TWebhookDto> {
      await getEndpoint(store, id);
      if (patch.url !== undefined) await assertAllowedUrl(deps, patch.url);
      await store.updateEndpoint(id, {
        ...(patch.url !== undefined ? { url: patch.url } : {}),
        ...(patch.events !== undefined ? { events: toJsonColumn([...new Set(patch.events)]) } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
        ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
        updated_at: clock.now(),
      });
      return toWebhookDto(await getEndpoint(store, id));
    },
    async remove(id: string): Promise<void> {
      if (!(await store.deleteEndpoint(id))) throw new AppError('WEBHOOK_NOT_FOUND');
    },
    /** Sends a signed `ping` at once and returns its delivery record. */
    async test(id: string): Promise<TWebhookDeliveryDto> {
      const endpoint = await getEndpoint(store, id);
      const row = await outbox.ping(endpoint.id, {
        webhookId: endpoint.id,
        message: 'Ping from Charla: this endpoint receives signed webhooks.',
      });
      return toWebhookDeliveryDto(row);
    },
    async listDeliveries(id: string, query: TWebhookDeliveriesQuery): Promise<TPage<TWebhookDeliveryDto>> {
      await getEndpoint(store, id);
      const rows = await store.listDeliveries(id, {
        ...(query.status ? { status: query.status } : {}),
        ...(query.cursor ? { beforeId: query.cursor } : {}),
        limit: query.limit + 1,
      });
      const page = rows.slice(0, query.limit);
      return {
        items: page.map(toWebhookDeliveryDto),
        nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
      };
    },
  };
}
export type WebhooksService = ReturnType<typeof createWebhooksService>;
