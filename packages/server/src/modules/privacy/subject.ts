import type { ConversationsPrivacyStore } from '../conversations/index';
import type { CrmPrivacyStore, CrmSubjectIds } from '../crm/index';
import { fromJsonColumn } from '../../lib/json';

export type SubjectKind = 'visitor' | 'person';

/** Everything that identifies one person or visitor: ids across tables and the strings naming them. */
export type Subject = CrmSubjectIds & {
  kind: SubjectKind;
  id: string;
  visitorIds: string[];
  emails: string[];
  /** Names, emails and phones (4+ characters) searched for in free text: payloads, notes, history. */
  needles: string[];
};

const uniq = (values: (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => !!v))];

/**
 * Resolves a subject: a visitor's conversations and the CRM person they were linked to, or a
 * person's linked conversations and their visitors; then the leads and deals of those persons.
 */
export async function resolveSubject(
  stores: { conversations: ConversationsPrivacyStore; crm: CrmPrivacyStore },
  kind: SubjectKind,
  id: string,
): Promise<Subject | null> {
  let personIds = kind === 'person' ? [id] : [];
  let conversations = kind === 'visitor' ? await stores.conversations.ofVisitors([id]) : [];
  const links = await stores.crm.linksOf(
    conversations.map((c) => c.id),
    personIds,
  );
  personIds = uniq([
    ...personIds,
    ...links.filter((l) => l.entity_type === 'person').map((l) => l.entity_id),
  ]);
  const persons = await stores.crm.personsByIds(personIds);
  if (kind === 'person' && persons.length === 0) return null;
  const linked = await stores.conversations.byIds(links.map((l) => l.conversation_id));
  conversations = [...new Map([...conversations, ...linked].map((c) => [c.id, c])).values()];
  const visitorIds = uniq([...(kind === 'visitor' ? [id] : []), ...conversations.map((c) => c.visitor_id)]);
  if (kind === 'visitor' && conversations.length === 0 && persons.length === 0) return null;
  const conversationIds = conversations.map((c) => c.id);
  const panels = await stores.crm.panelsOf(conversationIds);
  const leads = await stores.crm.leadsOf(personIds);
  const deals = await stores.crm.dealsOf(
    personIds,
    leads.map((l) => l.id),
  );
  const emails = uniq([
    ...conversations.map((c) => c.visitor_email?.toLowerCase()),
    ...panels.map((p) => p.person_email?.toLowerCase()),
    ...persons.flatMap((p) => fromJsonColumn<string[]>(p.emails, [])),
  ]);
  const names = uniq([
    ...conversations.map((c) => c.visitor_name),
    ...panels.flatMap((p) => [p.person_name, p.person_phone]),
    ...persons.flatMap((p) => [p.name, ...fromJsonColumn<string[]>(p.phones, [])]),
  ]);
  return {
    kind,
    id,
    visitorIds,
    conversationIds,
    personIds,
    leadIds: leads.map((l) => l.id),
    dealIds: deals.map((d) => d.id),
    emails,
    needles: uniq([...emails, ...names]).filter((n) => n.length >= 4),
  };
}
