import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../packages/server/src/db/database';
import { migrateToLatest } from '../../packages/server/src/db/migrate';
import { createReportsModule } from '../../packages/server/src/modules/reports/index';
import type { AuthUser } from '../../packages/server/src/modules/auth/auth.service';
import { copyToPostgres } from './copy-to-postgres';
import { seedReports } from './seed-reports';

// npx tsx bench/reports/reports-bench.ts [--db=sqlite|postgres] [--conversations=100000] [--messages=2000000] [--runs=20]
// Seeds a year of data (SQLite, then copied to a fresh PostgreSQL schema with --db=postgres),
// builds the precomputed report rows once (timed), then prints each report's p50/p95.

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const dialect = arg('db', 'sqlite');
const conversations = Number(arg('conversations', '100000'));
const messages = Number(arg('messages', '2000000'));
const runs = Number(arg('runs', '20'));
const PG_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

const dir = mkdtempSync(join(tmpdir(), 'charla-reports-bench-'));
const file = join(dir, 'bench.db');
const users = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8'];

async function addUsers(handle: DatabaseHandle): Promise<void> {
  for (const id of users)
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

const sqliteHandle = await openDatabase(`sqlite:${file}`);
await migrateToLatest(sqliteHandle.db);
await addUsers(sqliteHandle);
await sqliteHandle.close();
let t = performance.now();
const seeded = seedReports(file, { conversations, messages, users });
console.log(
  `seeded ${seeded.conversations} conversations and ${seeded.messages} messages in ${seconds(t)} s`,
);

const schema = `bench_reports_${process.pid}`;
async function pgAdmin(statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  await c.query(statement);
  await c.end();
}
let handle: DatabaseHandle;
if (dialect === 'postgres') {
  await pgAdmin(`create schema ${schema}`);
  handle = await openDatabase(PG_URL, { schema, poolSize: 5 });
  await migrateToLatest(handle.db);
  t = performance.now();
  await copyToPostgres(file, handle.db);
  await pgAdmin(`analyze ${schema}.messages; analyze ${schema}.conversations`);
  console.log(`copied to PostgreSQL schema ${schema} in ${seconds(t)} s`);
} else handle = await openDatabase(`sqlite:${file}`);

const reports = createReportsModule({ db: handle.db });
t = performance.now();
const built = await reports.facts.catchUp();
console.log(`built report rows for ${built} conversations in ${seconds(t)} s (once; then incremental)`);
if (dialect === 'postgres')
  await pgAdmin(`analyze ${schema}.report_facts; analyze ${schema}.report_fact_users`);
else await sql`analyze`.execute(handle.db);

const admin: AuthUser = {
  id: 'admin',
  email: 'a@bench.test',
  name: 'Admin',
  role: 'admin',
  language: 'en',
  avatarUrl: null,
  sessionId: 'bench',
};
const regular: AuthUser = { ...admin, id: 'u1', role: 'regular' };
type Query = { from: string; to: string; timeZone: string };
const ranges = [
  { label: '7 days', from: '2025-11-24', to: '2025-11-30' },
  { label: '30 days', from: '2025-11-01', to: '2025-11-30' },
  { label: '365 days', from: '2025-01-01', to: '2025-12-31' },
];
const cases = [
  ['volume', (q: Query, u: AuthUser) => reports.volume(q, u)],
  ['speed', (q: Query, u: AuthUser) => reports.speed(q, u)],
  ['outcomes', (q: Query, u: AuthUser) => reports.outcomes(q, u)],
  ['conversations (missed)', (q: Query, u: AuthUser) => reports.conversations({ ...q, figure: 'missed' }, u)],
] as const;

const pct = (sorted: number[], p: number) =>
  sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
console.log(`database: ${dialect}`);
console.log('report                   range      viewer   p50 ms   p95 ms');
for (const range of ranges) {
  const query = { from: range.from, to: range.to, timeZone: 'Europe/Madrid' };
  for (const [name, run] of cases)
    for (const [who, viewer] of [
      ['admin', admin],
      ['agent', regular],
    ] as const) {
      await run(query, viewer);
      const times: number[] = [];
      for (let i = 0; i < runs; i += 1) {
        t = performance.now();
        await run(query, viewer);
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      console.log(
        `${name.padEnd(24)} ${range.label.padEnd(10)} ${who.padEnd(8)} ${pct(times, 50).toFixed(1).padStart(7)} ${pct(times, 95).toFixed(1).padStart(8)}`,
      );
    }
}
await handle.close();
if (dialect === 'postgres') await pgAdmin(`drop schema ${schema} cascade`);
rmSync(dir, { recursive: true, force: true });
