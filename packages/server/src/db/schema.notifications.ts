/** Notification and webhook tables (owned by modules/notifications and modules/webhooks). */
export type NotificationTables = Record<never, never>;
