import {
  advance,
  richTextFromPlain,
  type TPlaybookDocument,
  type TRunInput,
  type TRunOutput,
  type TRunStep,
} from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { Clock } from '../../lib/clock';
import type { PresenceService } from '../presence/index';
import type { VisitorsService } from '../visitors/index';
import { readVisitorContext } from '../visitors/index';
import { botAuthor, capturedColumns, interactionOf } from './bot-output';
import type { ConversationsService } from './conversations.service';
import type { ConversationRow, ConversationsStore } from './conversations.store';
import type { BotCrm, LiveChatAvailability, PlaybookSource } from './playbook-runner';
import { readStoredRun, writeStoredRun, type StoredRun } from './stored-run';

export const BOT_OUTPUT = { kind: 'bot_output' } as const;
const NOBODY = { by: null, people: new Map() };

export type RunStepsDeps = {
  conversations: ConversationsService;
  store: ConversationsStore;
  playbooks: PlaybookSource;
  presence: PresenceService;
  clock: Clock;
  crm: BotCrm;
  availability: LiveChatAvailability;
  visitors: VisitorsService;
  onError: (error: unknown, context: string) => void;
};

/** The routing columns a hand-off writes (issue 19): the card's team and routing, fixed order JSON. */
function routingColumns(doc: TPlaybookDocument, nodeId: string): Partial<ConversationRow> {
  const card = doc.flow.nodes.find((n) => n.id === nodeId);
  if (card?.type !== 'live_chat' || !card.routing) return {};
  const { mode, teamId, replyMinutes, whenOffline } = card.routing;
  return { team_id: teamId, routing: JSON.stringify({ mode, teamId, replyMinutes, whenOffline }) };
}

/** The run state after a step (the outcome of an end card is kept). */
export function storedAfter(row: ConversationRow, step: TRunStep): StoredRun {
  return {
    run: step.state,
    outcome: step.effect.kind === 'end' ? step.effect.outcome : readStoredRun(row.run_state).outcome,
  };
}

/**
 * `offline_due` after a step: when the server must take the run on by itself — at once for an
 * HTTP request card's call, when a wait card's pause ends — else null. The due sweep leases it
 * (`claimOfflineDue`), so a restart or a crash never loses the step.
 */
export function dueAfter(step: TRunStep, now: number): number | null {
  if (step.effect.kind === 'http_request') return now;
  if (step.effect.kind === 'wait') return now + step.effect.seconds * 1000;
  return null;
}

/** Stores what the bot said: a prompt and its buttons/input become one message. */
async function postOutputs(
  conversations: ConversationsService,
  row: ConversationRow,
  doc: TPlaybookDocument,
  outputs: TRunOutput[],
) {
  let current = row;
  const post = async (body: Parameters<typeof conversations.appendMessage>[2], meta = {}) => {
    current = (await conversations.appendMessage(current, botAuthor(doc), body, { meta, write: BOT_OUTPUT }))
      .conversation;
  };
  for (let i = 0; i < outputs.length; i += 1) {
    const output = outputs[i] as TRunOutput;
    if (output.kind === 'bot_message') {
      const next = outputs[i + 1];
      const interaction = next && next.nodeId === output.nodeId ? interactionOf(next) : null;
      if (interaction) i += 1;
      await post(output.content, interaction ? { interaction } : {});
    } else if (output.kind === 'validation_error') {
      await post(richTextFromPlain(output.message), { isError: true });
    } else {
      const interaction = interactionOf(output);
      await post({ type: 'doc', content: [] }, interaction ? { interaction } : {});
    }
  }
  return current;
}

/** The end card: CRM records (R17), then `bot_ended` (closing a chat the bot still holds). */
async function endCard(
  deps: Pick<RunStepsDeps, 'conversations' | 'store' | 'crm' | 'onError'>,
  row: ConversationRow,
  step: TRunStep,
  effect: Extract<TRunStep['effect'], { kind: 'end' }>,
) {
  const { conversations, store } = deps;
  // Another process may have closed the chat since the answer landed: its end card must not run.
  let current = (await store.findById(row.id)) ?? row;
  conversations.assertWritable(current, BOT_OUTPUT);
  try {
    const input = {
      conversationId: current.id,
      vars: step.state.vars,
      actions: effect.crm,
      outcome: effect.outcome,
    };
    await deps.crm.createFromBot(input);
  } catch (error) {
    deps.onError(error, 'crm.createFromBot');
  }
  current = (await store.findById(current.id)) ?? current;
  const ended = { type: 'bot_ended', outcome: effect.outcome } as const;
  if (current.status === 'bot')
    return conversations.applyTransition(current, { type: 'bot_ended' }, { ...NOBODY, before: [ended] });
  // The offline branch of a missed chat ended: no lifecycle step, the lists still show the row.
  current = await conversations.appendEvent(current, ended);
  await conversations.changed(current, current);
  return current;
}

/**
 * Applies the pure runtime's steps (protocol): stores the bot's messages, hands off to live chat
 * (R7–R9, R11) and applies end cards, each lifecycle step through the conversations' one path.
 */
export function createRunSteps(deps: RunStepsDeps) {
  const { conversations, store, playbooks, presence, clock } = deps;

  async function saveRun(row: ConversationRow, step: TRunStep, visitorNumber: number) {
    const identity = { name: row.visitor_name, email: row.visitor_email };
    const stored = storedAfter(row, step);
    const patch = {
      run_state: writeStoredRun(stored),
      offline_due: dueAfter(step, clock.now()),
      ...capturedColumns(stored.run?.vars ?? {}, visitorNumber, identity),
      updated_at: clock.now(),
    };
    if (!(await store.updateRunState(row.id, row.run_state, patch))) throw new AppError('CONFLICT');
    return { ...row, ...patch };
  }

  /** R7/R8: someone is online on an embedded playbook: the chat waits in Unassigned. */
  async function handOff(
    row: ConversationRow,
    doc: TPlaybookDocument,
    effect: Extract<TRunStep['effect'], { kind: 'enter_live_chat' }>,
  ) {
    const patch = routingColumns(doc, effect.nodeId);
    const current = (await conversations.appendMessage(row, botAuthor(doc), effect.onlineMessage, { patch }))
      .conversation;
    const event = { type: 'live_chat_requested', waitMs: effect.waitSeconds * 1000 } as const;
    const waiting = await conversations.applyTransition(current, event, NOBODY);
    // Automatic assignment (issue 19): straight to the best user with room, else it waits (R11).
    return (await deps.availability.autoAssign(waiting)) ?? waiting;
  }

  /** Issue 19: null within business hours; outside them what `{{back_at}}` says. */
  async function closedUntil(row: ConversationRow): Promise<string | null> {
    const visitor = await deps.visitors.findById(row.visitor_id);
    const timeZone = visitor ? readVisitorContext(visitor).timeZone : null;
    return deps.availability.closedUntil(row.playbook_id, row.language, timeZone);
  }

  async function applyStep(
    row: ConversationRow,
    doc: TPlaybookDocument,
    step: TRunStep,
    visitorNumber: number,
    depth = 0,
    alreadySaved = false,
  ): Promise<ConversationRow> {
    let current = alreadySaved ? row : await saveRun(row, step, visitorNumber);
    current = await postOutputs(conversations, current, doc, step.outputs);
    const effect = step.effect;
    if (effect.kind === 'enter_live_chat') {
      // Outside business hours the card goes offline at once, even with users online (R9).
      const backAt = await closedUntil(row);
      const online =
        backAt === null &&
        (await presence.isAnyoneOnline()) &&
        row.playbook_id !== null &&
        (await playbooks.isEmbedded(row.playbook_id));
      if (online && current.status === 'bot') return handOff(current, doc, effect);
      // R9: nobody online (or not embedded): the runtime says the offline message and takes the offline branch.
      // The `offline` timeline row is what reports count as the funnel's "offline" outcome (issue 21).
      current = await conversations.appendEvent(current, { type: 'offline' });
      const input = { kind: 'live_chat_offline', ...(backAt ? { backAt } : {}) } as const;
      return continueRun(current, doc, input, visitorNumber, depth + 1);
    }
    if (effect.kind === 'end') return endCard(deps, current, step, effect);
    // The bot moved on (a new question, the offline branch of a missed chat asking for a name,
    // or a wait or HTTP request card the due sweep takes on): the widget must know at once
    // whether it may answer (R9, R13).
    conversations.visitorStateChanged(current);
    return current;
  }

  async function continueRun(
    row: ConversationRow,
    doc: TPlaybookDocument,
    input: TRunInput,
    visitorNumber: number,
    depth = 0,
  ): Promise<ConversationRow> {
    if (depth > 5) return row;
    const run = readStoredRun(row.run_state).run;
    if (!run) return row;
    const step = advance(doc, run, input);
    if ('error' in step) throw new AppError('ANSWER_NOT_EXPECTED');
    return applyStep(row, doc, step, visitorNumber, depth);
  }

  async function docFor(row: ConversationRow): Promise<TPlaybookDocument> {
    if (!row.playbook_id || row.playbook_revision === null) throw new AppError('PLAYBOOK_NOT_FOUND');
    return playbooks.getRevision(row.playbook_id, row.playbook_revision);
  }

  return { applyStep, continueRun, docFor, dueAfter: (step: TRunStep) => dueAfter(step, clock.now()) };
}
export type RunSteps = ReturnType<typeof createRunSteps>;
