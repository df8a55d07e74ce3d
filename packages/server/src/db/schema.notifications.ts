/** Notification and webhook tables (owned by modules/notifications and modules/webhooks). */
export type PushSubscriptionsTable = {
  id: string;
  user_id: string;
  /** Unique: a browser re-subscribing under another user moves to that user. */
  endpoint: string;
  p256dh: string;
  auth: string;
  user_agent: string;
  created_at: number;
  updated_at: number;
};

export type NotificationPreferencesTable = {
  user_id: string;
  preferences: string; // JSON: TUserNotificationOverrides
  updated_at: number;
};

export type WebhookEndpointsTable = {
  id: string;
  url: string;
  description: string;
  events: string; // JSON: TWebhookEventName[]
  active: number;
  /** Plain: it signs every delivery, so it cannot be hashed (see webhooks.service). */
  secret: string;
  created_by: string | null;
  created_at: number;
  updated_at: number;
};

/** The durable outbox and the delivery log in one: a row per (event, endpoint). */
export type WebhookDeliveriesTable = {
  id: string; // UUIDv7, the delivery id receivers dedupe on
  endpoint_id: string;
  event: string;
  body: string; // the exact JSON POSTed, identical on every attempt
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: number | null;
  claimed_until: number | null;
  last_attempt_at: number | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: number | null;
  created_at: number;
  /** The conversation id for conversation events: rows with one key go out one at a time, in order. */
  order_key: string | null;
};

export type NotificationTables = {
  push_subscriptions: PushSubscriptionsTable;
  notification_preferences: NotificationPreferencesTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
};
