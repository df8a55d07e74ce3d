import type { Db } from '../../db/database';
import type { CannedResponsesTable } from '../../db/schema.canned-responses';

export type CannedResponseRow = CannedResponsesTable;
export type CannedResponseListRow = CannedResponseRow & { owner_name: string | null };
export type CannedResponsePatch = Partial<Pick<CannedResponseRow, 'title' | 'shortcut' | 'body'>> & {
  updated_at: number;
};

export function createCannedResponsesStore(db: Db) {
  const withOwner = () =>
    db
      .selectFrom('canned_responses')
      .leftJoin('users', 'users.id', 'canned_responses.owner_id')
      .selectAll('canned_responses')
      .select('users.name as owner_name');

  async function shortcutTaken(
    scopeKey: string,
    shortcut: string,
    exceptId: string | null,
  ): Promise<boolean> {
    let query = db
      .selectFrom('canned_responses')
      .select('id')
      .where('scope_key', '=', scopeKey)
      .where('shortcut', '=', shortcut);
    if (exceptId !== null) query = query.where('id', '!=', exceptId);
    return (await query.executeTakeFirst()) !== undefined;
  }

  return {
    /** The team's responses and `userId`'s own: most used first, then by title. */
    async listFor(userId: string): Promise<CannedResponseListRow[]> {
      return withOwner()
        .where((eb) =>
          eb.or([eb('canned_responses.scope', '=', 'team'), eb('canned_responses.owner_id', '=', userId)]),
        )
        .orderBy('canned_responses.usage_count', 'desc')
        .orderBy('canned_responses.title')
        .orderBy('canned_responses.id')
        .execute();
    },
    async findById(id: string): Promise<CannedResponseListRow | null> {
      return (await withOwner().where('canned_responses.id', '=', id).executeTakeFirst()) ?? null;
    },
    /** False when the scope already has the shortcut (the unique index decides a race). */
    async insert(row: CannedResponseRow): Promise<boolean> {
      const result = await db
        .insertInto('canned_responses')
        .values(row)
        .onConflict((oc) => oc.columns(['scope_key', 'shortcut']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    },
    /** False when the new shortcut is another response's of the same scope. */
    async update(row: CannedResponseRow, patch: CannedResponsePatch): Promise<boolean> {
      if (patch.shortcut !== undefined && (await shortcutTaken(row.scope_key, patch.shortcut, row.id)))
        return false;
      try {
        await db.updateTable('canned_responses').set(patch).where('id', '=', row.id).execute();
        return true;
      } catch (error) {
        // A concurrent save took the shortcut between the check and the update.
        if (patch.shortcut !== undefined && (await shortcutTaken(row.scope_key, patch.shortcut, row.id)))
          return false;
        throw error;
      }
    },
    async delete(id: string): Promise<void> {
      await db.deleteFrom('canned_responses').where('id', '=', id).execute();
    },
    /** One more message sent with it; concurrent sends each count. */
    async countUse(id: string): Promise<void> {
      await db
        .updateTable('canned_responses')
        .set((eb) => ({ usage_count: eb('usage_count', '+', 1) }))
        .where('id', '=', id)
        .execute();
    },
  };
}
export type CannedResponsesStore = ReturnType<typeof createCannedResponsesStore>;
