import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { crmDocument, jsonList, noteText, withDigits } from './crm-document';
import { isPostgres } from './message-index.store';

export type CrmSearchType = 'person' | 'organization' | 'lead' | 'deal' | 'activity' | 'note';

type Doc = { title: string; doc: string; updatedAt: number };

async function nameOf(db: Db, table: 'crm_persons' | 'crm_organizations', id: string | null) {
  if (!id) return null;
  const row = await db.selectFrom(table).select('name').where('id', '=', id).executeTakeFirst();
  return row?.name ?? null;
}

/** The names of the person and organization a lead or deal belongs to. */
async function ownersOf(db: Db, r: { person_id: string | null; organization_id: string | null }) {
  return [
    await nameOf(db, 'crm_persons', r.person_id),
    await nameOf(db, 'crm_organizations', r.organization_id),
  ];
}

/** Every text field of one record (and the names of the person and organization it belongs to). */
async function documentOf(db: Db, type: CrmSearchType, id: string): Promise<Doc | null> {
  switch (type) {
    case 'person': {
      const r = await db.selectFrom('crm_persons').selectAll().where('id', '=', id).executeTakeFirst();
      if (!r) return null;
      const org = await nameOf(db, 'crm_organizations', r.organization_id);
      const doc = crmDocument(r.name, jsonList(r.emails), withDigits(jsonList(r.phones)), r.notes, org);
      return { title: r.name, doc, updatedAt: r.updated_at };
    }
    case 'organization': {
      const r = await db.selectFrom('crm_organizations').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? { title: r.name, doc: crmDocument(r.name, r.address), updatedAt: r.updated_at } : null;
    }
    case 'lead': {
      const r = await db.selectFrom('crm_leads').selectAll().where('id', '=', id).executeTakeFirst();
      if (!r) return null;
      const doc = crmDocument(r.title, jsonList(r.labels), await ownersOf(db, r));
      return { title: r.title, doc, updatedAt: r.updated_at };
    }
    case 'deal': {
      const r = await db.selectFrom('crm_deals').selectAll().where('id', '=', id).executeTakeFirst();
      if (!r) return null;
      const doc = crmDocument(r.title, r.lost_reason, await ownersOf(db, r));
      return { title: r.title, doc, updatedAt: r.updated_at };
    }
    case 'activity': {
      const r = await db.selectFrom('crm_activities').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? { title: r.subject, doc: crmDocument(r.subject, r.note), updatedAt: r.updated_at } : null;
    }
    case 'note': {
      const r = await db.selectFrom('crm_notes').selectAll().where('id', '=', id).executeTakeFirst();
      if (!r) return null;
      const text = noteText(r.body);
      return { title: text.split('\n')[0]?.slice(0, 120) ?? '', doc: text, updatedAt: r.updated_at };
    }
  }
}

async function removeDoc(db: Db, type: CrmSearchType, id: string): Promise<void> {
  if (!isPostgres(db))
    await sql`delete from crm_search_fts where rowid =
      (select rowid from crm_search_docs where entity_type = ${type} and entity_id = ${id})`.execute(db);
  await db
    .deleteFrom('crm_search_docs')
    .where('entity_type', '=', type)
    .where('entity_id', '=', id)
    .execute();
}

/**
 * Brings one CRM record's search document in step with the record (removes it when the record
 * is gone). Call it in the transaction that inserts, updates or deletes the record.
 */
export async function reindexCrmRecord(db: Db, type: CrmSearchType, id: string): Promise<void> {
  const doc = await documentOf(db, type, id);
  await removeDoc(db, type, id);
  if (!doc) return;
  await db
    .insertInto('crm_search_docs')
    .values({ entity_type: type, entity_id: id, title: doc.title, doc: doc.doc, updated_at: doc.updatedAt })
    .execute();
  if (!isPostgres(db))
    await sql`insert into crm_search_fts (rowid, doc) select rowid, doc from crm_search_docs
      where entity_type = ${type} and entity_id = ${id}`.execute(db);
}
