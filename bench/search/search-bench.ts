import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../packages/server/src/db/database';
import { migrateToLatest } from '../../packages/server/src/db/migrate';
import type { AuthUser } from '../../packages/server/src/modules/auth/auth.service';
import { createSharedCaches } from '../../packages/server/src/lib/shared-caches';
import { createConversationViews } from '../../packages/server/src/modules/conversations/conversation-views';
import {
  createSearchModule,
  findConversationIdentities,
} from '../../packages/server/src/modules/search/index';
import { createUsersStore } from '../../packages/server/src/modules/users/users.store';
import { createVisitorsService } from '../../packages/server/src/modules/visitors/visitors.service';
import { createVisitorsStore } from '../../packages/server/src/modules/visitors/visitors.store';
import { benchQueries, createSearchData } from './search-data';
import { seedPostgres, seedSqlite, type SeedSize } from './seed-search';

// npx tsx bench/search/search-bench.ts [--db=sqlite|postgres|both] [--conversations=10000]
//   [--messages=1000000] [--runs=30]
// Seeds a fresh database (SQLite file, or a new PostgreSQL schema on TEST_POSTGRES_URL) and
// prints the inbox search's p50/p95 per kind of query, through the search service (SQL, R14
// filter, DTOs and highlighting; no HTTP).

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const size: SeedSize = {
  conversations: Number(arg('conversations', '10000')),
  messages: Number(arg('messages', '1000000')),
  users: ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8'],
};
const runs = Number(arg('runs', '30'));
const which = arg('db', 'both');
const PG_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function insertUsers(handle: DatabaseHandle): Promise<void> {
  for (const id of size.users)
    await handle.db
      .insertInto('users')
      .values({
        id,
        email: `${id}@bench.test`,
        name: `User ${id}`,
        password_hash: 'x',
        role: 'regular',
        active: 1,
        avatar_url: null,
        language: 'en',
        online_switch: 0,
        created_at: 0,
        updated_at: 0,
      })
      .execute();
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

async function measure(label: string, handle: DatabaseHandle): Promise<void> {
  const db = handle.db;
  const caches = createSharedCaches('search-bench');
  const views = createConversationViews({
    caches,
    visitors: createVisitorsService({ store: createVisitorsStore(db), clock: { now: () => Date.now() } }),
    users: createUsersStore(db, caches),
    playbookNames: { nameOf: async () => null },
    identities: (ids) => findConversationIdentities(db, ids),
  });
  const search = createSearchModule({ db, views });
  const viewer: AuthUser = {
    id: 'u1',
    email: 'u1@bench.test',
    name: 'User u1',
    role: 'regular',
    language: 'en',
    avatarUrl: null,
    sessionId: 'bench',
  };
  const all: number[] = [];
  console.log(`\n${label}: kind                        p50 ms   p95 ms   hits (avg)`);
  for (const [kind, queries] of benchQueries(createSearchData(), runs)) {
    await search.conversations({ q: queries[0] as string, limit: 20 }, viewer); // warm
    const times: number[] = [];
    let hits = 0;
    for (const q of queries) {
      const t = performance.now();
      hits += (await search.conversations({ q, limit: 20 }, viewer)).items.length;
      times.push(performance.now() - t);
    }
    if (!kind.includes('worst')) all.push(...times);
    times.sort((a, b) => a - b);
    console.log(
      `${label}: ${kind.padEnd(28)} ${pct(times, 50).toFixed(1).padStart(6)} ${pct(times, 95).toFixed(1).padStart(8)} ${(hits / queries.length).toFixed(1).padStart(8)}`,
    );
  }
  all.sort((a, b) => a - b);
  console.log(
    `${label}: ALL TYPICAL (${all.length} searches)  p50 ${pct(all, 50).toFixed(1)} ms, p95 ${pct(all, 95).toFixed(1)} ms`,
  );
}

async function runSqlite(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'charla-search-bench-'));
  const file = join(dir, 'bench.db');
  const handle = await openDatabase(`sqlite:${file}`);
  await migrateToLatest(handle.db);
  await insertUsers(handle);
  await handle.close();
  const t = performance.now();
  seedSqlite(file, size, createSearchData());
  console.log(
    `sqlite: seeded ${size.conversations} conversations, ${size.messages} messages in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  const db = await openDatabase(`sqlite:${file}`);
  await measure('sqlite', db);
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}

async function runPostgres(): Promise<void> {
  const schema = `bench_search_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  try {
    const handle = await openDatabase(PG_URL, { schema, poolSize: 4 });
    await migrateToLatest(handle.db);
    await insertUsers(handle);
    const t = performance.now();
    await seedPostgres(PG_URL, schema, size, createSearchData());
    console.log(
      `postgres: seeded ${size.conversations} conversations, ${size.messages} messages in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    await measure('postgres', handle);
    await handle.close();
  } finally {
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}

if (which === 'sqlite' || which === 'both') await runSqlite();
if (which === 'postgres' || which === 'both') await runPostgres();
