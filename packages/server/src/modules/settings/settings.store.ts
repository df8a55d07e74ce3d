import type { Db } from '../../db/database';
import { fromJsonColumn, toJsonColumn } from '../../lib/json';
import type { SharedCaches } from '../../lib/shared-caches';

/** Key/value settings stored as JSON (company profile, VAPID keys, setup token, …). */
export function createSettingsStore(db: Db, caches: SharedCaches) {
  const load = async (key: string): Promise<string | null> =>
    (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value ??
    null;
  // Settings read for every message (the company's notification defaults, each user's email-digest
  // choices) come from memory; a change made through this store shows at once on every process.
  const recentRaw = caches.cached('settings', load, { max: 5_000 });

  async function get<T>(key: string, fallback: T): Promise<T> {
    return fromJsonColumn(await load(key), fallback);
  }
  return {
    get,
    /** `get` from memory (shared-caches.ts): for reads on every message. */
    async recent<T>(key: string, fallback: T): Promise<T> {
      return fromJsonColumn(await recentRaw(key), fallback);
    },
    async set(key: string, value: unknown, now: number): Promise<void> {
      await db
        .insertInto('settings')
        .values({ key, value: toJsonColumn(value), updated_at: now })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: toJsonColumn(value), updated_at: now }))
        .execute();
      recentRaw.forget(key);
    },
    /** Sets the key only if absent; returns the value that is stored afterwards. */
    async setIfAbsent<T>(key: string, value: T, now: number): Promise<T> {
      await db
        .insertInto('settings')
        .values({ key, value: toJsonColumn(value), updated_at: now })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      recentRaw.forget(key);
      return get(key, value);
    },
    async delete(key: string): Promise<void> {
      await db.deleteFrom('settings').where('key', '=', key).execute();
      recentRaw.forget(key);
    },
  };
}
export type SettingsStore = ReturnType<typeof createSettingsStore>;
