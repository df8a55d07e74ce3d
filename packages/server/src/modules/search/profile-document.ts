import type { ConversationIdentity } from './conversation-identity';

/** Everything inbox search matches about a conversation besides its messages. */
export type ProfileParts = {
  visitorNumber: number;
  identity: ConversationIdentity;
  /** The conversation's own search text (captured name, email, company), as the runner stored it. */
  captured: string;
  panel: (string | null)[];
  persons: { name: string; emails: string[]; phones: string[]; notes: string | null }[];
  organizations: { name: string; address: string | null }[];
};

/** Phone numbers also as bare digits, so "612345678" finds "+34 612 345 678". */
function phoneForms(phone: string | null): string[] {
  if (!phone) return [];
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 3 && digits !== phone ? [phone, digits] : [phone];
}

/** The profile's indexed text: one field per line, duplicates dropped, no empty lines. */
export function profileDocument(parts: ProfileParts): string {
  const lines = [
    `Visitor #${parts.visitorNumber}`,
    parts.identity.name,
    parts.identity.email,
    ...phoneForms(parts.identity.phone),
    parts.captured,
    ...parts.panel,
    ...parts.persons.flatMap((p) => [p.name, ...p.emails, ...p.phones.flatMap(phoneForms), p.notes]),
    ...parts.organizations.flatMap((o) => [o.name, o.address]),
  ];
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const line of lines) {
    const text = line?.trim();
    if (!text || seen.has(text.toLowerCase())) continue;
    seen.add(text.toLowerCase());
    kept.push(text);
  }
  return kept.join('\n');
}
