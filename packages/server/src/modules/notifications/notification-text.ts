import {
  stripBidiControls,
  type TConversationDto,
  type TLanguage,
  type TPushPayload,
} from '@charla/protocol';

const MAX_BODY = 160;

const texts = {
  en: {
    conversation_unassigned: () => 'New conversation waiting',
    conversation_assigned: () => 'Conversation assigned to you',
    visitor_message: (name: string) => `New message from ${name}`,
    test: () => 'Test notification',
    testBody: 'Notifications work on this device.',
  },
  es: {
    conversation_unassigned: () => 'Nueva conversación en espera',
    conversation_assigned: () => 'Conversación asignada a ti',
    visitor_message: (name: string) => `Nuevo mensaje de ${name}`,
    test: () => 'Notificación de prueba',
    testBody: 'Las notificaciones funcionan en este dispositivo.',
  },
} as const;

/**
 * Title and body (plain text, shortened) of a notification in the user's language; never HTML.
 * Bidi controls are stripped from the visitor's text: the OS draws these titles, and an RLO in a
 * name would reverse the rest of the line there ("New message from Bob‮…").
 */
export function notificationText(
  kind: TPushPayload['kind'],
  conversation: TConversationDto | null,
  language: TLanguage,
): { title: string; body: string } {
  const t = texts[language];
  if (kind === 'test' || !conversation) return { title: t.test(), body: t.testBody };
  const name = stripBidiControls(conversation.visitor.displayName);
  const preview = stripBidiControls(conversation.lastMessagePreview).trim();
  if (kind === 'visitor_message') return { title: t.visitor_message(name), body: shorten(preview || name) };
  return { title: t[kind](), body: shorten(preview ? `${name}: ${preview}` : name) };
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_BODY ? `${flat.slice(0, MAX_BODY - 1)}…` : flat;
}
