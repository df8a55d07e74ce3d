import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { DURATION_PERIOD_MS, durationBinSql, ROLLUP_HOUR_MS } from '../report-duration-bins';

// Issue 21, reports over a year in milliseconds: rollups of report_facts kept by the reports
// store in the transaction that writes the facts (deltas of old → new rows), and backfilled here.
// - report_rollups: the volume flags per UTC hour a conversation started, playbook, team and
//   viewer ('' = everyone, else each user who had the conversation). Any zone whose offsets are
//   whole hours sums them into its local days exactly.
// - report_request_rollups: live chat requests per (hour started, hour asked), for the heatmap.
// - report_duration_rollups: histograms of the three durations per 28-day period, playbook, team
//   and owner ('' = everyone, else who took / answered / closed the chat).
// report_facts gains the conversation's team (the team filter) and indexes on each duration.
const KEY = ['playbook_id', 'team_id'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('report_facts').addColumn('team_id', 'text').execute();
  await sql`update report_facts set team_id = (select c.team_id from conversations c where c.id = report_facts.conversation_id)`.execute(
    db,
  );
  for (const [metric, owner] of [
    ['assign_ms', 'first_assignee_id'],
    ['response_ms', 'first_responder_id'],
    ['resolution_ms', 'last_assignee_id'],
  ] as const) {
    await db.schema
      .createIndex(`report_facts_${metric}`)
      .on('report_facts')
      .columns([metric, 'created_at'])
      .execute();
    await db.schema
      .createIndex(`report_facts_${owner}_${metric}`)
      .on('report_facts')
      .columns([owner, metric, 'created_at'])
      .execute();
  }
  await createTables(db);
  await backfill(db);
}

async function createTables(db: Kysely<unknown>): Promise<void> {
  // On SQLite the rows live in their primary key's b-tree (a range of hours is one contiguous read).
  const clustered = db.getExecutor().adapter instanceof PostgresAdapter ? sql`` : sql`without rowid`;
  const flags = ['started', 'bot_only', 'requested', 'reached', 'assigned', 'missed', 'offline', 'closed'];
  let rollups = db.schema
    .createTable('report_rollups')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('hour', 'bigint', (c) => c.notNull())
    .addColumn('playbook_id', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.notNull());
  for (const f of flags) rollups = rollups.addColumn(f, 'integer', (c) => c.notNull());
  await rollups
    .addPrimaryKeyConstraint('report_rollups_pk', ['user_id', 'hour', ...KEY])
    .modifyEnd(clustered)
    .execute();
  await db.schema
    .createTable('report_request_rollups')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('hour', 'bigint', (c) => c.notNull())
    .addColumn('request_hour', 'bigint', (c) => c.notNull())
    .addColumn('playbook_id', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_request_rollups_pk', ['user_id', 'hour', 'request_hour', ...KEY])
    .modifyEnd(clustered)
    .execute();
  await db.schema
    .createTable('report_duration_rollups')
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('period', 'bigint', (c) => c.notNull())
    .addColumn('bin', 'integer', (c) => c.notNull())
    .addColumn('playbook_id', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_duration_rollups_pk', ['owner_id', 'metric', 'period', 'bin', ...KEY])
    .modifyEnd(clustered)
    .execute();
}

/** The rollups as a GROUP BY of report_facts (exported for the test that they match the stores' upkeep). */
export async function backfill(db: Kysely<unknown>): Promise<void> {
  const hour = sql.raw(`f.created_at / ${ROLLUP_HOUR_MS}`);
  const keys = sql.raw(`coalesce(f.playbook_id, ''), coalesce(f.team_id, '')`);
  const sums = sql.raw(
    'count(*), sum(f.bot_only), sum(f.requested), sum(f.reached), sum(f.assigned), sum(f.missed), sum(f.offline), sum(f.closed)',
  );
  const cols = sql.raw(
    'user_id, hour, playbook_id, team_id, started, bot_only, requested, reached, assigned, missed, offline, closed',
  );
  await sql`insert into report_rollups (${cols}) select '', ${hour}, ${keys}, ${sums}
    from report_facts f group by ${hour}, ${keys}`.execute(db);
  await sql`insert into report_rollups (${cols}) select u.user_id, ${hour}, ${keys}, ${sums}
    from report_facts f join report_fact_users u on u.conversation_id = f.conversation_id
    group by u.user_id, ${hour}, ${keys}`.execute(db);
  const asked = sql.raw(`f.requested_at / ${ROLLUP_HOUR_MS}`);
  const reqCols = sql.raw('user_id, hour, request_hour, playbook_id, team_id, n');
  await sql`insert into report_request_rollups (${reqCols}) select '', ${hour}, ${asked}, ${keys}, count(*)
    from report_facts f where f.requested_at is not null group by ${hour}, ${asked}, ${keys}`.execute(db);
  await sql`insert into report_request_rollups (${reqCols}) select u.user_id, ${hour}, ${asked}, ${keys}, count(*)
    from report_facts f join report_fact_users u on u.conversation_id = f.conversation_id
    where f.requested_at is not null group by u.user_id, ${hour}, ${asked}, ${keys}`.execute(db);
  const period = sql.raw(`f.created_at / ${DURATION_PERIOD_MS}`);
  const durCols = sql.raw('owner_id, metric, period, bin, playbook_id, team_id, n');
  for (const [metric, owner] of [
    ['assign_ms', 'first_assignee_id'],
    ['response_ms', 'first_responder_id'],
    ['resolution_ms', 'last_assignee_id'],
  ] as const) {
    const ms = sql.raw(`f.${metric}`);
    const bin = durationBinSql(ms);
    const who = sql.raw(`f.${owner}`);
    await sql`insert into report_duration_rollups (${durCols}) select '', ${sql.lit(metric)}, ${period}, ${bin}, ${keys}, count(*)
      from report_facts f where ${ms} is not null group by ${period}, ${bin}, ${keys}`.execute(db);
    await sql`insert into report_duration_rollups (${durCols}) select ${who}, ${sql.lit(metric)}, ${period}, ${bin}, ${keys}, count(*)
      from report_facts f where ${ms} is not null and ${who} is not null group by ${who}, ${period}, ${bin}, ${keys}`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('report_duration_rollups').execute();
  await db.schema.dropTable('report_request_rollups').execute();
  await db.schema.dropTable('report_rollups').execute();
  for (const [metric, owner] of [
    ['assign_ms', 'first_assignee_id'],
    ['response_ms', 'first_responder_id'],
    ['resolution_ms', 'last_assignee_id'],
  ] as const) {
    await db.schema.dropIndex(`report_facts_${owner}_${metric}`).execute();
    await db.schema.dropIndex(`report_facts_${metric}`).execute();
  }
  await db.schema.alterTable('report_facts').dropColumn('team_id').execute();
}
