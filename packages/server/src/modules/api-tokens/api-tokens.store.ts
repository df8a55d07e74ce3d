import type { Db } from '../../db/database';
import type { ApiTokensTable } from '../../db/schema.api-tokens';

export type ApiTokenRow = ApiTokensTable;
export type ApiTokenListRow = ApiTokenRow & { user_name: string };

export function createApiTokensStore(db: Db) {
  return {
    async insert(row: ApiTokenRow): Promise<void> {
      await db.insertInto('api_tokens').values(row).execute();
    },
    /** Newest first, with the creator's name. */
    async list(): Promise<ApiTokenListRow[]> {
      return db
        .selectFrom('api_tokens')
        .innerJoin('users', 'users.id', 'api_tokens.user_id')
        .selectAll('api_tokens')
        .select('users.name as user_name')
        .orderBy('api_tokens.id', 'desc')
        .execute();
    },
    async findById(id: string): Promise<ApiTokenListRow | null> {
      return (
        (await db
          .selectFrom('api_tokens')
          .innerJoin('users', 'users.id', 'api_tokens.user_id')
          .selectAll('api_tokens')
          .select('users.name as user_name')
          .where('api_tokens.id', '=', id)
          .executeTakeFirst()) ?? null
      );
    },
    async findByHash(tokenHash: string): Promise<ApiTokenRow | null> {
      return (
        (await db
          .selectFrom('api_tokens')
          .selectAll()
          .where('token_hash', '=', tokenHash)
          .executeTakeFirst()) ?? null
      );
    },
    /** Sets revoked_at once; a second revocation keeps the first time. */
    async revoke(id: string, now: number): Promise<void> {
      await db
        .updateTable('api_tokens')
        .set({ revoked_at: now })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
    },
    async touch(id: string, now: number): Promise<void> {
      await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
    },
  };
}
export type ApiTokensStore = ReturnType<typeof createApiTokensStore>;
