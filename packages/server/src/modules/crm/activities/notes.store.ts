import type { Db } from '../../../db/database';
import { reindexCrmRecord } from '../../search/index';
import type { CrmNotesTable } from '../../../db/schema.crm';
import { inRankOrder, rankedIds } from '../shared/crm-query.store';

export type NoteRow = CrmNotesTable;
export type NoteListFilter = {
  /** The list page's search box: full-text, ranked (see rankedIds). */
  q?: string;
  personId?: string;
  organizationId?: string;
  leadId?: string;
  dealId?: string;
  conversationId?: string;
  afterId?: string;
  limit: number;
};

export function createNotesStore(db: Db) {
  return {
    async insert(row: NoteRow): Promise<void> {
      await db.insertInto('crm_notes').values(row).execute();
      await reindexCrmRecord(db, 'note', row.id);
    },
    async findById(id: string): Promise<NoteRow | null> {
      return (await db.selectFrom('crm_notes').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
    },
    async update(
      id: string,
      patch: Partial<Omit<NoteRow, 'id' | 'created_at' | 'author_id'>>,
    ): Promise<void> {
      await db.updateTable('crm_notes').set(patch).where('id', '=', id).execute();
      await reindexCrmRecord(db, 'note', id);
    },
    /** Conversion: the lead's notes also belong to the deal it became. */
    async attachLeadNotesToDeal(leadId: string, dealId: string, now: number): Promise<void> {
      await db
        .updateTable('crm_notes')
        .set({ deal_id: dealId, updated_at: now })
        .where('lead_id', '=', leadId)
        .where('deal_id', 'is', null)
        .execute();
    },
    async delete(id: string): Promise<void> {
      await db.deleteFrom('crm_notes').where('id', '=', id).execute();
      await reindexCrmRecord(db, 'note', id);
    },
    async list(filter: NoteListFilter): Promise<NoteRow[]> {
      const ranked = await rankedIds(db, 'note', filter.q);
      if (ranked?.length === 0) return [];
      let query = db.selectFrom('crm_notes').selectAll();
      if (ranked) query = query.where('id', 'in', ranked);
      if (filter.personId) query = query.where('person_id', '=', filter.personId);
      if (filter.organizationId) query = query.where('organization_id', '=', filter.organizationId);
      if (filter.leadId) query = query.where('lead_id', '=', filter.leadId);
      if (filter.dealId) query = query.where('deal_id', '=', filter.dealId);
      if (filter.conversationId) query = query.where('conversation_id', '=', filter.conversationId);
      if (ranked) return inRankOrder(await query.execute(), ranked, filter.afterId, filter.limit);
      if (filter.afterId) query = query.where('id', '<', filter.afterId);
      return query
        .orderBy('id', 'desc')
        .limit(filter.limit + 1)
        .execute();
    },
  };
}
export type NotesStore = ReturnType<typeof createNotesStore>;
