// The webhooks module's front door: other modules and the app wiring import only from here.
export { WEBHOOK_OUTBOX_EVERY_MS } from './webhook-outbox';
export { readWebhookSettings } from './webhook-settings';
export { createWebhooksModule } from './webhooks.module';
export { createWebhooksPrivacyStore } from './webhooks.privacy.store';
export { registerWebhooksRoutes } from './webhooks.routes';
