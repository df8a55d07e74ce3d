import { ZRunState, type TPlaybookOutcome, type TRunState } from '@charla/protocol';
import { fromJsonColumn } from '../../lib/json';

/** What a conversation keeps of its playbook run (the `run_state` column). */
export type StoredRun = { run: TRunState | null; outcome: TPlaybookOutcome | null };

export function readStoredRun(json: string): StoredRun {
  const raw = fromJsonColumn<{ run?: unknown; outcome?: TPlaybookOutcome | null }>(json, {});
  const parsed = ZRunState.safeParse(raw.run);
  return { run: parsed.success ? parsed.data : null, outcome: raw.outcome ?? null };
}

export function writeStoredRun(run: StoredRun): string {
  return JSON.stringify(run);
}

/** True while the bot waits for the visitor (buttons or an input). */
export function isBotAwaitingInput(json: string): boolean {
  return readStoredRun(json).run?.status === 'awaiting_input';
}

/** True while the server works on a card before the bot goes on (wait, HTTP request). */
export function isBotWorking(json: string): boolean {
  return readStoredRun(json).run?.status === 'server_step';
}
