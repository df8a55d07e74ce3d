/**
 * Who a conversation is with, decided in one place (issue 15, item 3). Each field comes from
 * the most authoritative source that knows it: the linked CRM person (once a lead or deal made
 * one), else the side panel as a user saved it, else what the visitor gave (the bot's capture
 * or `Charla.identify()`, stored on the conversation).
 */
export type IdentitySource = { name: string | null; email: string | null; phone: string | null };

export type IdentitySources = {
  person: IdentitySource | null;
  panel: IdentitySource | null;
  captured: IdentitySource;
};

export type ConversationIdentity = IdentitySource;

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.replace(/\s+/g, ' ').trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function firstKnown(sources: IdentitySources, field: keyof IdentitySource): string | null {
  for (const source of [sources.person, sources.panel, sources.captured]) {
    const value = clean(source?.[field]);
    if (value !== null) return value;
  }
  return null;
}

export function deriveConversationIdentity(sources: IdentitySources): ConversationIdentity {
  const email = firstKnown(sources, 'email');
  return {
    name: firstKnown(sources, 'name'),
    email: email === null ? null : email.toLowerCase(),
    phone: firstKnown(sources, 'phone'),
  };
}

/** The label lists, headers, toasts and notifications show: name, else email, else "Visitor #N". */
export function conversationDisplayName(
  identity: Pick<ConversationIdentity, 'name' | 'email'> | null,
  visitorNumber: number,
): string {
  return identity?.name ?? identity?.email ?? `Visitor #${visitorNumber}`;
}
