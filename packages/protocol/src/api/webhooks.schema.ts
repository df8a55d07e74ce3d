import { z } from 'zod';
import { webhookEventNames } from './api-names';

/** Events an endpoint may subscribe to (R27). `ping` is only sent by the test button. */
export const ZWebhookEventName = z.enum(webhookEventNames);
export type TWebhookEventName = z.infer<typeof ZWebhookEventName>;

const ZWebhookUrl = z
  .string()
  .trim()
  .max(2000)
  .url()
  .refine((v) => /^https?:\/\//i.test(v), { message: 'Must be an http(s) URL' })
  .refine((v) => !/^https?:\/\/[^/?#]*@/i.test(v), { message: 'Credentials in the URL are not allowed' });

export const ZCreateWebhookRequest = z.strictObject({
  url: ZWebhookUrl,
  events: z.array(ZWebhookEventName).min(1).max(webhookEventNames.length),
  description: z.string().trim().max(500).optional(),
  active: z.boolean().default(true),
});
export type TCreateWebhookRequest = z.infer<typeof ZCreateWebhookRequest>;

export const ZUpdateWebhookRequest = z.strictObject({
  url: ZWebhookUrl.optional(),
  events: z.array(ZWebhookEventName).min(1).max(webhookEventNames.length).optional(),
  description: z.string().trim().max(500).optional(),
  active: z.boolean().optional(),
});
export type TUpdateWebhookRequest = z.infer<typeof ZUpdateWebhookRequest>;

/** An endpoint as admins see it; the secret is shown only once, in the create response. */
export const ZWebhookDto = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  events: z.array(ZWebhookEventName),
  active: z.boolean(),
  /** The last four characters of the secret, to tell secrets apart. */
  secretHint: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type TWebhookDto = z.infer<typeof ZWebhookDto>;

export const ZCreatedWebhookDto = ZWebhookDto.extend({
  /** HMAC-SHA256 key for `Charla-Webhook-Signature`; never shown again. */
  secret: z.string(),
});
export type TCreatedWebhookDto = z.infer<typeof ZCreatedWebhookDto>;

export const ZWebhookDeliveryStatus = z.enum(['pending', 'delivered', 'failed']);
export type TWebhookDeliveryStatus = z.infer<typeof ZWebhookDeliveryStatus>;

export const ZWebhookDeliveryDto = z.object({
  /** Also the `id` of the body and the `Charla-Webhook-Id` header: receivers dedupe on it. */
  id: z.string(),
  webhookId: z.string(),
  event: z.string(),
  status: ZWebhookDeliveryStatus,
  attempts: z.number(),
  lastStatusCode: z.number().nullable(),
  lastError: z.string().nullable(),
  lastAttemptAt: z.number().nullable(),
  nextAttemptAt: z.number().nullable(),
  deliveredAt: z.number().nullable(),
  createdAt: z.number(),
  /** The first 500 characters of the JSON body. */
  payloadPreview: z.string(),
});
export type TWebhookDeliveryDto = z.infer<typeof ZWebhookDeliveryDto>;

export const ZWebhookDeliveriesQuery = z.strictObject({
  status: ZWebhookDeliveryStatus.optional(),
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type TWebhookDeliveriesQuery = z.infer<typeof ZWebhookDeliveriesQuery>;

export const ZWebhookSettingsDto = z.strictObject({
  /** Allows webhook (and push) targets on loopback/private addresses. Off by default (SSRF). */
  allowPrivateWebhookTargets: z.boolean(),
});
export type TWebhookSettingsDto = z.infer<typeof ZWebhookSettingsDto>;

/** The body every delivery POSTs. */
export type TWebhookBody = {
  id: string;
  event: TWebhookEventName | 'ping';
  createdAt: number;
  data: unknown;
};
