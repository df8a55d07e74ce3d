import type { Db } from '../../../db/database';
import { sql, type Expression, type SqlBool } from 'kysely';
import { containsAny, likeAny } from '../../../db/like';
import { reindexCrmRecord, type CrmSearchType } from '../../search/index';

export type CrmSubjectIds = {
  personIds: string[];
  leadIds: string[];
  dealIds: string[];
  conversationIds: string[];
};

/**
 * Privacy SQL on the CRM tables (issue 22; orchestrated by modules/privacy): what a person's or a
 * visitor's records are, their export, and their deletion. Deals stay (revenue figures) but lose
 * their person and any text naming them.
 */
export function createCrmPrivacyStore(db: Db) {
  const none = (ids: string[]) => ids.length === 0;
  return {
    async personsByIds(ids: string[]) {
      if (none(ids)) return [];
      return db.selectFrom('crm_persons').selectAll().where('id', 'in', ids).execute();
    },
    async linksOf(conversationIds: string[], personIds: string[]) {
      if (none(conversationIds) && none(personIds)) return [];
      return db
        .selectFrom('crm_conversation_links')
        .selectAll()
        .where((eb) =>
          eb.or([
            ...(none(conversationIds) ? [] : [eb('conversation_id', 'in', conversationIds)]),
            ...(none(personIds)
              ? []
              : [eb.and([eb('entity_type', '=', 'person'), eb('entity_id', 'in', personIds)])]),
          ]),
        )
        .execute();
    },
    async panelsOf(conversationIds: string[]) {
      if (none(conversationIds)) return [];
      return db
        .selectFrom('crm_conversation_panels')
        .selectAll()
        .where('conversation_id', 'in', conversationIds)
        .execute();
    },
    async leadsOf(personIds: string[]) {
      if (none(personIds)) return [];
      return db.selectFrom('crm_leads').selectAll().where('person_id', 'in', personIds).execute();
    },
    async dealsOf(personIds: string[], leadIds: string[]) {
      if (none(personIds) && none(leadIds)) return [];
      return db
        .selectFrom('crm_deals')
        .selectAll()
        .where((eb) =>
          eb.or([
            ...(none(personIds) ? [] : [eb('person_id', 'in', personIds)]),
            ...(none(leadIds) ? [] : [eb('lead_id', 'in', leadIds)]),
          ]),
        )
        .execute();
    },
    async notesOf(ids: CrmSubjectIds, needles: string[]) {
      return db
        .selectFrom('crm_notes')
        .selectAll()
        .where((eb) => eb.or(subjectOr(ids, needles, 'body')))
        .execute();
    },
    async activitiesOf(ids: CrmSubjectIds, needles: string[]) {
      return db
        .selectFrom('crm_activities')
        .selectAll()
        .where((eb) => eb.or(subjectOr(ids, needles, 'subject')))
        .execute();
    },
    /** Deletes the subject's notes, activities, change history, leads and persons; anonymises deals. */
    erase: (ids: CrmSubjectIds, needles: string[]) => eraseCrmRecords(db, ids, needles),
  };
}
export type CrmPrivacyStore = ReturnType<typeof createCrmPrivacyStore>;

/** Deletes the subject's notes, activities, change history, leads and persons; anonymises deals. */
async function eraseCrmRecords(
  db: Db,
  ids: CrmSubjectIds,
  needles: string[],
): Promise<Record<string, number>> {
  const none = (list: string[]) => list.length === 0;
  const count = (r: { numDeletedRows?: bigint; numUpdatedRows?: bigint }) =>
    Number(r.numDeletedRows ?? r.numUpdatedRows ?? 0);
  // Search documents to bring in step afterwards (removed, or the anonymised deal's title).
  const touched: [CrmSearchType, string][] = [
    ...(
      await db
        .selectFrom('crm_notes')
        .select('id')
        .where((eb) => eb.or(subjectOr(ids, needles, 'body')))
        .execute()
    ).map((n): [CrmSearchType, string] => ['note', n.id]),
    ...(
      await db
        .selectFrom('crm_activities')
        .select('id')
        .where((eb) => eb.or(subjectOr(ids, needles, 'subject')))
        .execute()
    ).map((a): [CrmSearchType, string] => ['activity', a.id]),
    ...ids.personIds.map((id): [CrmSearchType, string] => ['person', id]),
    ...ids.leadIds.map((id): [CrmSearchType, string] => ['lead', id]),
    ...ids.dealIds.map((id): [CrmSearchType, string] => ['deal', id]),
  ];
  const notes = await db
    .deleteFrom('crm_notes')
    .where((eb) => eb.or(subjectOr(ids, needles, 'body')))
    .executeTakeFirst();
  const activities = await db
    .deleteFrom('crm_activities')
    .where((eb) => eb.or(subjectOr(ids, needles, 'subject')))
    .executeTakeFirst();
  const entityIds = [...ids.personIds, ...ids.leadIds, ...ids.dealIds];
  const changes = await db
    .deleteFrom('crm_changes')
    .where((eb) =>
      eb.or([
        ...(none(entityIds) ? [] : [eb('entity_id', 'in', entityIds)]),
        ...(none(needles) ? [] : [likeAny(eb, 'from_value', needles), likeAny(eb, 'to_value', needles)]),
      ]),
    )
    .executeTakeFirst();
  let deals = 0;
  if (!none(ids.dealIds)) {
    const anonymous = 'Deal (personal data deleted)';
    const r = await db
      .updateTable('crm_deals')
      .set({ person_id: null, title: anonymous, search_text: anonymous.toLowerCase() })
      .where('id', 'in', ids.dealIds)
      .executeTakeFirst();
    deals = Number(r.numUpdatedRows);
  }
  const leads = none(ids.leadIds)
    ? { numDeletedRows: 0n }
    : await db.deleteFrom('crm_leads').where('id', 'in', ids.leadIds).executeTakeFirst();
  const links = none(ids.personIds)
    ? { numDeletedRows: 0n }
    : await db
        .deleteFrom('crm_conversation_links')
        .where('entity_type', '=', 'person')
        .where('entity_id', 'in', ids.personIds)
        .executeTakeFirst();
  const persons = none(ids.personIds)
    ? { numDeletedRows: 0n }
    : await db.deleteFrom('crm_persons').where('id', 'in', ids.personIds).executeTakeFirst();
  for (const [type, id] of touched) await reindexCrmRecord(db, type, id);
  return {
    notes: count(notes),
    activities: count(activities),
    changes: count(changes),
    dealsAnonymised: deals,
    leads: count(leads),
    links: count(links),
    persons: count(persons),
  };
}

/** The rows of notes or activities that belong to the subject or name them (typed SQL fragments). */
function subjectOr(ids: CrmSubjectIds, needles: string[], text: 'body' | 'subject'): Expression<SqlBool>[] {
  const inList = (column: string, values: string[]) =>
    sql<SqlBool>`${sql.ref(column)} in (${sql.join(values)})`;
  const or: Expression<SqlBool>[] = [sql<SqlBool>`1 = 0`];
  if (ids.personIds.length) or.push(inList('person_id', ids.personIds));
  if (ids.leadIds.length) or.push(inList('lead_id', ids.leadIds));
  if (text === 'body' && ids.conversationIds.length) or.push(inList('conversation_id', ids.conversationIds));
  // Free text naming the person anywhere (also on deals that stay), e.g. "Called Tomás".
  if (needles.length) or.push(containsAny(text, needles));
  return or;
}
