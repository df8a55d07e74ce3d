import type { Db } from '../../db/database';
import { fromJsonColumn, toJsonColumn } from '../../lib/json';

/** Key/value settings stored as JSON (company profile, VAPID keys, setup token, …). */
export function createSettingsStore(db: Db) {
  async function get<T>(key: string, fallback: T): Promise<T> {
    const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
    return fromJsonColumn(row?.value, fallback);
  }
  return {
    get,
    async set(key: string, value: unknown, now: number): Promise<void> {
      await db
        .insertInto('settings')
        .values({ key, value: toJsonColumn(value), updated_at: now })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: toJsonColumn(value), updated_at: now }))
        .execute();
    },
    /** Sets the key only if absent; returns the value that is stored afterwards. */
    async setIfAbsent<T>(key: string, value: T, now: number): Promise<T> {
      await db
        .insertInto('settings')
        .values({ key, value: toJsonColumn(value), updated_at: now })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      return get(key, value);
    },
    async delete(key: string): Promise<void> {
      await db.deleteFrom('settings').where('key', '=', key).execute();
    },
  };
}
export type SettingsStore = ReturnType<typeof createSettingsStore>;
