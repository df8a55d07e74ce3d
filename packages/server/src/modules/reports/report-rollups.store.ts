import { sql, type Transaction } from 'kysely';
import { PostgresAdapter } from 'kysely';
import type { Database } from '../../db/schema';
import type { ReportFactsTable, ReportFactUsersTable } from '../../db/schema.reports';
import { rollupDeltas, type RollupDeltas, type RollupInput } from './rollup-deltas';

type Trx = Transaction<Database>;
const CHUNK = 400;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/** Adds each column of the new row to the stored one (counts are deltas). */
function additive(table: string, columns: readonly string[]) {
  return Object.fromEntries(
    columns.map((c) => [c, sql`${sql.ref(`${table}.${c}`)} + excluded.${sql.ref(c)}`]),
  );
}

/**
 * Writes the facts and moves the rollups by (new − old) in the same transaction. On PostgreSQL
 * the writers take one transaction-level advisory lock, so two processes catching up the same
 * conversation never both subtract the same old row (SQLite has a single writer anyway).
 */
export async function saveWithRollups(
  trx: Trx,
  facts: ReportFactsTable[],
  users: ReportFactUsersTable[],
  upsertFacts: () => Promise<void>,
): Promise<void> {
  if (trx.getExecutor().adapter instanceof PostgresAdapter)
    await sql`select pg_advisory_xact_lock(hashtext('charla_report_rollups'))`.execute(trx);
  const ids = facts.map((f) => f.conversation_id);
  const [oldFacts, oldUsers] = await Promise.all([
    trx.selectFrom('report_facts').selectAll().where('conversation_id', 'in', ids).execute(),
    trx
      .selectFrom('report_fact_users')
      .select(['conversation_id', 'user_id'])
      .where('conversation_id', 'in', ids)
      .execute(),
  ]);
  await upsertFacts();
  const before = new Map<string, RollupInput>(
    oldFacts.map((f) => [f.conversation_id, { fact: f, users: [] }]),
  );
  const had = new Map<string, Set<string>>();
  for (const u of oldUsers) {
    (before.get(u.conversation_id)?.users as string[] | undefined)?.push(u.user_id);
    had.set(u.conversation_id, (had.get(u.conversation_id) ?? new Set()).add(u.user_id));
  }
  for (const u of users) had.set(u.conversation_id, (had.get(u.conversation_id) ?? new Set()).add(u.user_id));
  const deltas = rollupDeltas(
    facts.map((f) => ({
      before: before.get(f.conversation_id) ?? null,
      after: { fact: f, users: [...(had.get(f.conversation_id) ?? [])] },
    })),
  );
  await applyDeltas(trx, deltas);
}

/**
 * Before conversations are deleted (privacy erasure, retention): takes their rows out of the
 * rollups and deletes them, in the caller's transaction (the cascade would leave the rollups behind).
 */
export async function forgetReportFacts(trx: Trx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  if (trx.getExecutor().adapter instanceof PostgresAdapter)
    await sql`select pg_advisory_xact_lock(hashtext('charla_report_rollups'))`.execute(trx);
  const [facts, users] = await Promise.all([
    trx.selectFrom('report_facts').selectAll().where('conversation_id', 'in', ids).execute(),
    trx
      .selectFrom('report_fact_users')
      .select(['conversation_id', 'user_id'])
      .where('conversation_id', 'in', ids)
      .execute(),
  ]);
  const deltas = rollupDeltas(
    facts.map((f) => ({
      before: {
        fact: f,
        users: users.filter((u) => u.conversation_id === f.conversation_id).map((u) => u.user_id),
      },
      after: null,
    })),
  );
  await applyDeltas(trx, deltas);
  await trx.deleteFrom('report_fact_users').where('conversation_id', 'in', ids).execute();
  await trx.deleteFrom('report_facts').where('conversation_id', 'in', ids).execute();
}

async function applyDeltas(trx: Trx, deltas: RollupDeltas): Promise<void> {
  const flags = ['started', 'bot_only', 'requested', 'reached', 'assigned', 'missed', 'offline', 'closed'];
  for (const rows of chunks(deltas.volume))
    await trx
      .insertInto('report_rollups')
      .values(rows)
      .onConflict((oc) =>
        oc
          .columns(['user_id', 'hour', 'playbook_id', 'team_id'])
          .doUpdateSet(additive('report_rollups', flags)),
      )
      .execute();
  for (const rows of chunks(deltas.requests))
    await trx
      .insertInto('report_request_rollups')
      .values(rows)
      .onConflict((oc) =>
        oc
          .columns(['user_id', 'hour', 'request_hour', 'playbook_id', 'team_id'])
          .doUpdateSet(additive('report_request_rollups', ['n'])),
      )
      .execute();
  for (const rows of chunks(deltas.durations))
    await trx
      .insertInto('report_duration_rollups')
      .values(rows)
      .onConflict((oc) =>
        oc
          .columns(['owner_id', 'metric', 'period', 'bin', 'playbook_id', 'team_id'])
          .doUpdateSet(additive('report_duration_rollups', ['n'])),
      )
      .execute();
}
