import type { Db } from '../../db/database';
import { fromJsonColumn, toJsonColumn } from '../../lib/json';
import { cached } from '../../lib/ttl-cache';

/**
 * How long `recent` may answer from memory. Settings read for every message (the company's
 * notification defaults, each user's email-digest choices) cost a query each otherwise; a change
 * made through another process shows within this time, one made here at once.
 */
export const RECENT_SETTING_MS = 5_000;

/** Key/value settings stored as JSON (company profile, VAPID keys, setup token, …). */
export function createSettingsStore(db: Db) {
  const load = async (key: string): Promise<string | null> =>
    (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value ??
    null;
  const recentRaw = cached(load, { ttlMs: RECENT_SETTING_MS, max: 5_000 });

  async function get<T>(key: string, fallback: T): Promise<T> {
    return fromJsonColumn(await load(key), fallback);
  }
  return {
    get,
    /** `get` that may answer from the last RECENT_SETTING_MS: for reads on every message. */
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
