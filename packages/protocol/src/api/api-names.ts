// The closed sets of names the API uses, as plain arrays: the schemas build their enums from
// these, and the clients list them (menus, settings tables) without bundling zod.

export const apiTokenScopes = ['read', 'write', 'admin'] as const;

export const mailTemplateNames = [
  'test',
  'invitation',
  'password-reset',
  'password-changed',
  'email-changed',
  'transcript',
  'follow-up',
  'digest',
] as const;

export const mailStatuses = ['pending', 'sent', 'failed', 'skipped'] as const;

/** The events an email digest may cover (R24). */
export const digestEvents = ['conversation_unassigned', 'conversation_assigned', 'visitor_message'] as const;

export const notificationEvents = [
  'conversation_unassigned',
  'conversation_assigned',
  'visitor_message',
  'mention',
] as const;

/** Events an endpoint may subscribe to (R27). `ping` is only sent by the test button. */
export const webhookEventNames = [
  'conversation.created',
  'conversation.live_chat_requested',
  'conversation.assigned',
  /** Back in Unassigned: by a person (`reason: user`) or the ownership watchdog (`watchdog`). */
  'conversation.unassigned',
  'conversation.closed',
  'conversation.rated',
  'message.created',
  'lead.created',
  'deal.created',
  'deal.updated',
  'person.created',
  'organization.created',
  'activity.created',
  'visitor.identified',
] as const;

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export const crmActivityTypes = ['call', 'meeting', 'task', 'email', 'deadline'] as const;
