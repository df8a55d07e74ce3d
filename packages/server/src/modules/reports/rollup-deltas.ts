import { DURATION_PERIOD_MS, durationBin, ROLLUP_HOUR_MS } from '../../db/report-duration-bins';
import type {
  ReportDurationRollupsTable,
  ReportFactsTable,
  ReportRequestRollupsTable,
  ReportRollupsTable,
} from '../../db/schema.reports';

// What one conversation's stored row adds to the rollups (migration 0024). The store subtracts the
// old row's part and adds the new one's in the transaction that writes the row, so the rollups
// always equal the GROUP BY of report_facts the migration backfilled them with.

export type RollupFact = Pick<
  ReportFactsTable,
  | 'created_at'
  | 'requested_at'
  | 'playbook_id'
  | 'team_id'
  | 'bot_only'
  | 'requested'
  | 'reached'
  | 'assigned'
  | 'missed'
  | 'offline'
  | 'closed'
  | 'assign_ms'
  | 'response_ms'
  | 'resolution_ms'
  | 'first_assignee_id'
  | 'first_responder_id'
  | 'last_assignee_id'
>;
/** A conversation's row and everybody it was ever assigned to. */
export type RollupInput = { fact: RollupFact; users: readonly string[] };

export type RollupDeltas = {
  volume: ReportRollupsTable[];
  requests: ReportRequestRollupsTable[];
  durations: ReportDurationRollupsTable[];
};

const FLAGS = ['bot_only', 'requested', 'reached', 'assigned', 'missed', 'offline', 'closed'] as const;
export const DURATIONS = [
  ['assign_ms', 'first_assignee_id'],
  ['response_ms', 'first_responder_id'],
  ['resolution_ms', 'last_assignee_id'],
] as const;

function bump<T extends object>(map: Map<string, T>, key: string, make: () => T, add: (row: T) => void) {
  let row = map.get(key);
  if (!row) map.set(key, (row = make()));
  add(row);
}

function addFact(out: Maps, { fact: f, users }: RollupInput, sign: 1 | -1): void {
  const playbook = f.playbook_id ?? '';
  const team = f.team_id ?? '';
  const hour = Math.floor(Number(f.created_at) / ROLLUP_HOUR_MS);
  for (const user of ['', ...users]) {
    bump(
      out.volume,
      `${user}|${hour}|${playbook}|${team}`,
      () => ({ user_id: user, hour, playbook_id: playbook, team_id: team, started: 0, ...zeroFlags() }),
      (row) => {
        row.started += sign;
        for (const flag of FLAGS) row[flag] += sign * Number(f[flag]);
      },
    );
    if (f.requested_at !== null) {
      const asked = Math.floor(Number(f.requested_at) / ROLLUP_HOUR_MS);
      bump(
        out.requests,
        `${user}|${hour}|${asked}|${playbook}|${team}`,
        () => ({ user_id: user, hour, request_hour: asked, playbook_id: playbook, team_id: team, n: 0 }),
        (row) => (row.n += sign),
      );
    }
  }
  const period = Math.floor(Number(f.created_at) / DURATION_PERIOD_MS);
  for (const [metric, ownerColumn] of DURATIONS) {
    const ms = f[metric];
    if (ms === null) continue;
    const bin = durationBin(Number(ms));
    const owner = f[ownerColumn];
    for (const who of owner === null ? [''] : ['', owner])
      bump(
        out.durations,
        `${who}|${metric}|${period}|${bin}|${playbook}|${team}`,
        () => ({ owner_id: who, metric, period, bin, playbook_id: playbook, team_id: team, n: 0 }),
        (row) => (row.n += sign),
      );
  }
}

type Maps = {
  volume: Map<string, ReportRollupsTable>;
  requests: Map<string, ReportRequestRollupsTable>;
  durations: Map<string, ReportDurationRollupsTable>;
};
const zeroFlags = () => ({
  bot_only: 0,
  requested: 0,
  reached: 0,
  assigned: 0,
  missed: 0,
  offline: 0,
  closed: 0,
});

/** The rollup rows to add (negative counts subtract) for rows changing from `before` to `after`. */
export function rollupDeltas(
  changes: ReadonlyArray<{ before: RollupInput | null; after: RollupInput | null }>,
): RollupDeltas {
  const out: Maps = { volume: new Map(), requests: new Map(), durations: new Map() };
  for (const { before, after } of changes) {
    if (before) addFact(out, before, -1);
    if (after) addFact(out, after, 1);
  }
  return {
    volume: [...out.volume.values()].filter((r) => r.started !== 0 || FLAGS.some((flag) => r[flag] !== 0)),
    requests: [...out.requests.values()].filter((r) => r.n !== 0),
    durations: [...out.durations.values()].filter((r) => r.n !== 0),
  };
}
