import type { Db } from '../../../db/database';
import { likeAny } from '../../../db/like';

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
        .where((eb) => eb.or(subjectOr(eb, ids, needles, 'body')))
        .execute();
    },
    async activitiesOf(ids: CrmSubjectIds, needles: string[]) {
      return db
        .selectFrom('crm_activities')
        .selectAll()
        .where((eb) => eb.or(subjectOr(eb, ids, needles, 'subject')))
        .execute();
    },
    /** Deletes the subject's notes, activities, change history, leads and persons; anonymises deals. */
    async erase(ids: CrmSubjectIds, needles: string[]): Promise<Record<string, number>> {
      const count = (r: { numDeletedRows?: bigint; numUpdatedRows?: bigint }) =>
        Number(r.numDeletedRows ?? r.numUpdatedRows ?? 0);
      const notes = await db
        .deleteFrom('crm_notes')
        .where((eb) => eb.or(subjectOr(eb, ids, needles, 'body')))
        .executeTakeFirst();
      const activities = await db
        .deleteFrom('crm_activities')
        .where((eb) => eb.or(subjectOr(eb, ids, needles, 'subject')))
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
      return {
        notes: count(notes),
        activities: count(activities),
        changes: count(changes),
        dealsAnonymised: deals,
        leads: count(leads),
        links: count(links),
        persons: count(persons),
      };
    },
  };
}
export type CrmPrivacyStore = ReturnType<typeof createCrmPrivacyStore>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function subjectOr(eb: any, ids: CrmSubjectIds, needles: string[], text: 'body' | 'subject') {
  const or = [eb('id', '=', '')];
  if (ids.personIds.length) or.push(eb('person_id', 'in', ids.personIds));
  if (ids.leadIds.length) or.push(eb('lead_id', 'in', ids.leadIds));
  if (ids.dealIds.length && needles.length)
    or.push(eb.and([eb('deal_id', 'in', ids.dealIds), likeAny(eb, text, needles)]));
  if (text === 'body' && ids.conversationIds.length)
    or.push(eb('conversation_id', 'in', ids.conversationIds));
  if (needles.length) or.push(likeAny(eb, text, needles));
  return or;
}
