import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { fromJsonColumn } from '../../lib/json';
import { deriveConversationIdentity, type IdentitySource } from './conversation-identity';
import { isPostgres } from './message-index.store';
import { profileDocument } from './profile-document';

type LinkedKind = 'person' | 'organization';

async function linkedIds(db: Db, conversationId: string, kind: LinkedKind): Promise<string[]> {
  const rows = await db
    .selectFrom('crm_conversation_links')
    .select('entity_id')
    .where('conversation_id', '=', conversationId)
    .where('entity_type', '=', kind)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => r.entity_id);
}

async function linkedPersons(db: Db, conversationId: string) {
  const ids = await linkedIds(db, conversationId, 'person');
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('crm_persons').selectAll().where('id', 'in', ids).execute();
  // The first linked person is the one the conversation is with.
  rows.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
  return rows.map((p) => ({
    name: p.name,
    emails: fromJsonColumn<string[]>(p.emails, []),
    phones: fromJsonColumn<string[]>(p.phones, []),
    notes: p.notes,
  }));
}

async function linkedOrganizations(db: Db, conversationId: string) {
  const ids = await linkedIds(db, conversationId, 'organization');
  if (ids.length === 0) return [];
  return db.selectFrom('crm_organizations').select(['name', 'address']).where('id', 'in', ids).execute();
}

async function writeProfile(
  db: Db,
  row: {
    conversation_id: string;
    display_name: string | null;
    display_email: string | null;
    display_phone: string | null;
    doc: string;
    updated_at: number;
  },
): Promise<void> {
  const { conversation_id: _id, ...rest } = row;
  await db
    .insertInto('conversation_profiles')
    .values(row)
    .onConflict((oc) => oc.column('conversation_id').doUpdateSet(rest))
    .execute();
  // PostgreSQL keeps its tsvector column itself (a generated column); SQLite's FTS5 table is
  // keyed by the profile's rowid and replaced here, in the same transaction.
  if (isPostgres(db)) return;
  await sql`delete from conversation_profiles_fts where rowid =
    (select rowid from conversation_profiles where conversation_id = ${row.conversation_id})`.execute(db);
  await sql`insert into conversation_profiles_fts (rowid, doc)
    select rowid, doc from conversation_profiles where conversation_id = ${row.conversation_id}`.execute(db);
}

/**
 * Recomputes who a conversation is with and its searchable profile from every source (captured
 * identity, side panel, linked person and organization). Call it in the transaction of any write
 * that changes one of them.
 */
export async function refreshConversationProfile(db: Db, conversationId: string): Promise<void> {
  const conversation = await db
    .selectFrom('conversations')
    .innerJoin('visitors', 'visitors.id', 'conversations.visitor_id')
    .select(['visitor_name', 'visitor_email', 'search_text', 'visitors.number', 'updated_at'])
    .where('conversations.id', '=', conversationId)
    .executeTakeFirst();
  if (!conversation) return;
  const panel = await db
    .selectFrom('crm_conversation_panels')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .executeTakeFirst();
  const persons = await linkedPersons(db, conversationId);
  const organizations = await linkedOrganizations(db, conversationId);
  const first = persons[0];
  const person: IdentitySource | null = first
    ? { name: first.name, email: first.emails[0] ?? null, phone: first.phones[0] ?? null }
    : null;
  const identity = deriveConversationIdentity({
    person,
    panel: panel ? { name: panel.person_name, email: panel.person_email, phone: panel.person_phone } : null,
    captured: { name: conversation.visitor_name, email: conversation.visitor_email, phone: null },
  });
  const doc = profileDocument({
    visitorNumber: conversation.number,
    identity,
    captured: conversation.search_text,
    panel: panel
      ? [panel.person_name, panel.person_email, panel.person_phone, panel.organization_name].concat([
          panel.organization_address,
          panel.notes,
        ])
      : [],
    persons,
    organizations,
  });
  await writeProfile(db, {
    conversation_id: conversationId,
    display_name: identity.name,
    display_email: identity.email,
    display_phone: identity.phone,
    doc,
    updated_at: Math.max(conversation.updated_at, panel?.updated_at ?? 0),
  });
}

/** After a CRM person or organization changed: the profiles of the conversations linked to it. */
export async function refreshProfilesLinkedTo(db: Db, kind: LinkedKind, entityId: string): Promise<void> {
  const rows = await db
    .selectFrom('crm_conversation_links')
    .select('conversation_id')
    .where('entity_type', '=', kind)
    .where('entity_id', '=', entityId)
    .execute();
  for (const { conversation_id } of rows) await refreshConversationProfile(db, conversation_id);
}

/** The derived identities of these conversations (absent: nothing known beyond the visitor number). */
export async function findConversationIdentities(
  db: Db,
  conversationIds: string[],
): Promise<Map<string, IdentitySource>> {
  const result = new Map<string, IdentitySource>();
  if (conversationIds.length === 0) return result;
  const rows = await db
    .selectFrom('conversation_profiles')
    .select(['conversation_id', 'display_name', 'display_email', 'display_phone'])
    .where('conversation_id', 'in', conversationIds)
    .execute();
  for (const r of rows)
    result.set(r.conversation_id, { name: r.display_name, email: r.display_email, phone: r.display_phone });
  return result;
}
