import { sql } from 'kysely';
import type { Db } from '../../db/database';
import type { LabelsTable } from '../../db/schema.labels';
import { countRevision, type RevisedConversations } from '../conversations/index';

export type LabelRow = LabelsTable;

/** Counts a change of these conversations' labels, in its transaction (migration 0031). */
const countLabelChange = (tx: Db, conversations: RevisedConversations) =>
  countRevision(tx, 'labels_rev', conversations);

/**
 * Puts a label on a conversation unless it already carries `max` labels, in one statement (two
 * users adding at once cannot pass the cap), and counts the change. 'added', 'already' or 'full'.
 */
async function addLabel(
  db: Db,
  conversationId: string,
  labelId: string,
  now: number,
  max: number,
): Promise<'added' | 'already' | 'full'> {
  const added = await db.transaction().execute(async (tx) => {
    const count = tx
      .selectFrom('conversation_labels')
      .select(sql<number>`count(*)`.as('n'))
      .where('conversation_id', '=', conversationId);
    const result = await tx
      .insertInto('conversation_labels')
      .columns(['conversation_id', 'label_id', 'added_at'])
      .expression(
        tx
          .selectNoFrom([
            sql<string>`cast(${conversationId} as text)`.as('conversation_id'),
            sql<string>`cast(${labelId} as text)`.as('label_id'),
            sql<number>`cast(${now} as bigint)`.as('added_at'),
          ])
          .where(count, '<', max),
      )
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    const inserted = Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    if (inserted) await countLabelChange(tx, { id: conversationId });
    return inserted;
  });
  if (added) return 'added';
  const existing = await db
    .selectFrom('conversation_labels')
    .select('label_id')
    .where('conversation_id', '=', conversationId)
    .where('label_id', '=', labelId)
    .executeTakeFirst();
  return existing ? 'already' : 'full';
}

/** Which conversations carry which labels. */
function conversationLabelsStore(db: Db) {
  return {
    async conversationsWith(labelId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('conversation_labels')
        .select('conversation_id')
        .where('label_id', '=', labelId)
        .execute();
      return rows.map((r) => r.conversation_id);
    },
    /** The labels of each conversation, by name. */
    async labelsOf(conversationIds: string[]): Promise<Map<string, LabelRow[]>> {
      const byConversation = new Map<string, LabelRow[]>(conversationIds.map((id) => [id, []]));
      if (conversationIds.length === 0) return byConversation;
      const rows = await db
        .selectFrom('conversation_labels as cl')
        .innerJoin('labels as l', 'l.id', 'cl.label_id')
        .select([
          'cl.conversation_id',
          'l.id',
          'l.name',
          'l.name_key',
          'l.color',
          'l.created_at',
          'l.updated_at',
        ])
        .where('cl.conversation_id', 'in', conversationIds)
        .orderBy('l.name_key')
        .execute();
      for (const { conversation_id, ...label } of rows) byConversation.get(conversation_id)?.push(label);
      return byConversation;
    },
    add: (conversationId: string, labelId: string, now: number, max: number) =>
      addLabel(db, conversationId, labelId, now, max),
    async detach(conversationId: string, labelId: string): Promise<boolean> {
      return db.transaction().execute(async (tx) => {
        const result = await tx
          .deleteFrom('conversation_labels')
          .where('conversation_id', '=', conversationId)
          .where('label_id', '=', labelId)
          .executeTakeFirst();
        const detached = Number(result.numDeletedRows) > 0;
        if (detached) await countLabelChange(tx, { id: conversationId });
        return detached;
      });
    },
  };
}

/** The company's labels and which conversations carry them (issue 16 item 3). */
export function createLabelsStore(db: Db) {
  return {
    async list(): Promise<LabelRow[]> {
      return db.selectFrom('labels').selectAll().orderBy('name_key').orderBy('id').execute();
    },
    async find(id: string): Promise<LabelRow | null> {
      return (await db.selectFrom('labels').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
    },
    async findByNameKey(nameKey: string): Promise<LabelRow | null> {
      return (
        (await db.selectFrom('labels').selectAll().where('name_key', '=', nameKey).executeTakeFirst()) ?? null
      );
    },
    /** Inserts or updates; false when another label took the name meanwhile (unique name_key). */
    async save(row: LabelRow, isNew: boolean): Promise<boolean> {
      const clash = db
        .selectFrom('labels')
        .select('id')
        .where('name_key', '=', row.name_key)
        .where('id', '<>', row.id);
      if (isNew) {
        const result = await db
          .insertInto('labels')
          .columns(['id', 'name', 'name_key', 'color', 'created_at', 'updated_at'])
          .expression(
            db
              .selectNoFrom([
                sql<string>`cast(${row.id} as text)`.as('id'),
                sql<string>`cast(${row.name} as text)`.as('name'),
                sql<string>`cast(${row.name_key} as text)`.as('name_key'),
                sql<string>`cast(${row.color} as text)`.as('color'),
                sql<number>`cast(${row.created_at} as bigint)`.as('created_at'),
                sql<number>`cast(${row.updated_at} as bigint)`.as('updated_at'),
              ])
              .where((eb) => eb.not(eb.exists(clash))),
          )
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
      }
      return db.transaction().execute(async (tx) => {
        const result = await tx
          .updateTable('labels')
          .set({ name: row.name, name_key: row.name_key, color: row.color, updated_at: row.updated_at })
          .where('id', '=', row.id)
          .where((eb) => eb.not(eb.exists(clash)))
          .executeTakeFirst();
        const saved = Number(result.numUpdatedRows) > 0;
        // A new name or colour is a change of every conversation carrying the label.
        if (saved) await countLabelChange(tx, { carrying: row.id });
        return saved;
      });
    },
    /** Deletes a label (its conversation rows go with it); returns the conversations that carried it. */
    async deleteLabel(id: string): Promise<string[] | null> {
      return db.transaction().execute(async (tx) => {
        const carried = await tx
          .selectFrom('conversation_labels')
          .select('conversation_id')
          .where('label_id', '=', id)
          .execute();
        await countLabelChange(tx, { carrying: id });
        await tx.deleteFrom('conversation_labels').where('label_id', '=', id).execute();
        const result = await tx.deleteFrom('labels').where('id', '=', id).executeTakeFirst();
        if (Number(result.numDeletedRows) === 0) return null;
        return carried.map((r) => r.conversation_id);
      });
    },
    ...conversationLabelsStore(db),
  };
}
export type LabelsStore = ReturnType<typeof createLabelsStore>;
