import type { Db } from '../../db/database';
import type { AccountTokensTable } from '../../db/schema.mail';

export type AccountTokenRow = AccountTokensTable;

/** Invitation and password-reset links; only the SHA-256 of each token is stored. */
export function createAccountTokensStore(db: Db) {
  return {
    async insert(row: AccountTokenRow): Promise<void> {
      await db.insertInto('account_tokens').values(row).execute();
    },
    async findByHash(tokenHash: string): Promise<AccountTokenRow | null> {
      return (
        (await db
          .selectFrom('account_tokens')
          .selectAll()
          .where('token_hash', '=', tokenHash)
          .executeTakeFirst()) ?? null
      );
    },
    async findInvitation(id: string): Promise<AccountTokenRow | null> {
      return (
        (await db
          .selectFrom('account_tokens')
          .selectAll()
          .where('id', '=', id)
          .where('kind', '=', 'invitation')
          .executeTakeFirst()) ?? null
      );
    },
    /** Invitations neither accepted nor withdrawn (expired ones stay listed so they can be resent). */
    async listOpenInvitations(): Promise<AccountTokenRow[]> {
      return db
        .selectFrom('account_tokens')
        .selectAll()
        .where('kind', '=', 'invitation')
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .orderBy('created_at', 'desc')
        .execute();
    },
    /** Single use: true for exactly one caller, and only while the token is unused and not revoked. */
    async consume(id: string, now: number): Promise<boolean> {
      const r = await db
        .updateTable('account_tokens')
        .set({ used_at: now })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    /** A resend: the old link stops working, the new one gets a fresh expiry. */
    async rotate(id: string, tokenHash: string, expiresAt: number): Promise<void> {
      await db
        .updateTable('account_tokens')
        .set({ token_hash: tokenHash, expires_at: expiresAt })
        .where('id', '=', id)
        .execute();
    },
    async revoke(id: string, now: number): Promise<boolean> {
      const r = await db
        .updateTable('account_tokens')
        .set({ revoked_at: now })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    /** Ends every open link of one kind for an address (a new invitation or a completed reset). */
    async revokeOpen(kind: AccountTokenRow['kind'], email: string, now: number): Promise<void> {
      await db
        .updateTable('account_tokens')
        .set({ revoked_at: now })
        .where('kind', '=', kind)
        .where('email', '=', email)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .execute();
    },
  };
}
export type AccountTokensStore = ReturnType<typeof createAccountTokensStore>;
