import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../packages/server/src/db/database';
import { migrateToLatest } from '../../packages/server/src/db/migrate';
import { createReportsModule } from '../../packages/server/src/modules/reports/index';
import type { AuthUser } from '../../packages/server/src/modules/auth/auth.service';
import { seedReports } from './seed-reports';

// npx tsx bench/reports/reports-bench.ts [--conversations=100000] [--messages=2000000] [--runs=20]
// Seeds a fresh SQLite database with a year of data and prints each report's p50/p95.

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const conversations = arg('conversations', 100_000);
const messages = arg('messages', 2_000_000);
const runs = arg('runs', 20);

const dir = mkdtempSync(join(tmpdir(), 'charla-reports-bench-'));
const file = join(dir, 'bench.db');
const handle = await openDatabase(`sqlite:${file}`);
await migrateToLatest(handle.db);
const users = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8'];
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
await handle.close();

let t = performance.now();
const seeded = seedReports(file, { conversations, messages, users });
console.log(
  `seeded ${seeded.conversations} conversations and ${seeded.messages} messages in ${((performance.now() - t) / 1000).toFixed(1)} s`,
);

const db = await openDatabase(`sqlite:${file}`);
const reports = createReportsModule({ db: db.db });
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

const ranges = [
  { label: '30 days', from: '2025-11-01', to: '2025-11-30' },
  { label: '7 days', from: '2025-11-24', to: '2025-11-30' },
  { label: '365 days', from: '2025-01-01', to: '2025-12-31' },
];
const cases = [
  ['volume', (q: typeof query, u: AuthUser) => reports.volume(q, u)],
  ['speed', (q: typeof query, u: AuthUser) => reports.speed(q, u)],
  ['outcomes', (q: typeof query, u: AuthUser) => reports.outcomes(q, u)],
  [
    'conversations (missed)',
    (q: typeof query, u: AuthUser) => reports.conversations({ ...q, figure: 'missed' }, u),
  ],
] as const;
let query = { from: '', to: '', timeZone: 'Europe/Madrid' };

const pct = (sorted: number[], p: number) =>
  sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
console.log('report                   range      viewer   p50 ms   p95 ms');
for (const range of ranges) {
  query = { from: range.from, to: range.to, timeZone: 'Europe/Madrid' };
  for (const [name, run] of cases)
    for (const [who, viewer] of [
      ['admin', admin],
      ['agent', regular],
    ] as const) {
      if (range.label === '365 days' && who === 'agent') continue;
      const n = range.label === '365 days' ? Math.min(runs, 3) : runs;
      await run(query, viewer);
      const times: number[] = [];
      for (let i = 0; i < n; i += 1) {
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
await db.close();
rmSync(dir, { recursive: true, force: true });
