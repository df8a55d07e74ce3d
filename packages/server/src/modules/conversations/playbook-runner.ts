import {
  acceptsBotAnswer,
  advance,
  startRun,
  type TPlaybookDocument,
  type TResolvedCrmActions,
  type TRichText,
  type TRunInput,
  type TRunOutput,
  type TRunStep,
  type TVisitorAnswer,
  type TPlaybookOutcome,
  type TInteraction,
  richTextFromPlain,
} from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { Clock } from '../../lib/clock';
import type { DomainEvents } from '../../lib/domain-events';
import { newId } from '../../lib/ids';
import type { PresenceService } from '../presence/presence.service';
import type { VisitorsService } from '../visitors/visitors.service';
import type { Author, ConversationsService } from './conversations.service';
import type { ConversationRow, ConversationsStore } from './conversations.store';
import { readStoredRun, writeStoredRun, type StoredRun } from './stored-run';
import { lifecycleOf, searchTextOf } from './conversation-dto';
import type { TMessageDto, TVisitorConversationDto } from '@charla/protocol';

/** What the runner needs of the playbooks module. */
export type PlaybookSource = {
  getPublishedForStart(
    publicId: string,
  ): Promise<{ playbookId: string; revision: number; name: string; document: TPlaybookDocument } | null>;
  getRevision(playbookId: string, revision: number): Promise<TPlaybookDocument>;
  isEmbedded(playbookId: string): Promise<boolean>;
};

/** What the runner needs of the CRM module when the bot reaches an end card. */
export type BotCrm = {
  createFromBot(input: {
    conversationId: string;
    vars: Record<string, string>;
    actions: TResolvedCrmActions;
    outcome: TPlaybookOutcome;
  }): Promise<unknown>;
};

export type RunnerDeps = {
  conversations: ConversationsService;
  store: ConversationsStore;
  playbooks: PlaybookSource;
  presence: PresenceService;
  visitors: VisitorsService;
  events: DomainEvents;
  clock: Clock;
  crm: () => BotCrm | null;
  onError: (error: unknown, context: string) => void;
};

const OFFLINE_LEASE_MS = 30_000;
const BOT_OUTPUT = { kind: 'bot_output' } as const;
const BOT_ANSWER = { kind: 'bot_answer' } as const;

function botAuthor(doc: TPlaybookDocument): Author {
  return { kind: 'bot', id: null, name: doc.appearance.botName, avatarUrl: doc.appearance.avatarUrl ?? null };
}

function interactionOf(output: TRunOutput): TInteraction | null {
  if (output.kind === 'ask_buttons') return { kind: 'buttons', options: output.options };
  if (output.kind === 'ask_text') {
    return {
      kind: 'input',
      field: output.field === 'free_text' ? 'text' : output.field,
      placeholder: output.placeholder,
      skippable: !output.required,
    };
  }
  return null;
}

/** Visitor name/email columns follow what the bot captured, for lists and search. */
function capturedColumns(
  vars: Record<string, string>,
  visitorNumber: number,
  identity?: { name: string | null; email: string | null },
): Partial<ConversationRow> {
  const name = vars.visitor_name?.trim() || identity?.name || null;
  const email = vars.visitor_email?.trim().toLowerCase() || identity?.email || null;
  return {
    visitor_name: name,
    visitor_email: email,
    search_text: searchTextOf({ name, email, number: visitorNumber, company: vars.company_name }),
  };
}

/**
 * Runs playbooks over conversations: the pure runtime (protocol) decides each step; this file
 * stores the bot's messages, hands off to live chat (R7–R9, R11) and applies end cards.
 */
export function createPlaybookRunner(deps: RunnerDeps) {
  const { conversations, store, playbooks, presence, clock, events } = deps;

  async function docFor(row: ConversationRow): Promise<TPlaybookDocument> {
    if (!row.playbook_id || row.playbook_revision === null) throw new AppError('PLAYBOOK_NOT_FOUND');
    return playbooks.getRevision(row.playbook_id, row.playbook_revision);
  }

  /** Stores what the bot said: a prompt and its buttons/input become one message. */
  async function postOutputs(
    row: ConversationRow,
    doc: TPlaybookDocument,
    outputs: TRunOutput[],
  ): Promise<ConversationRow> {
    let current = row;
    for (let i = 0; i < outputs.length; i += 1) {
      const output = outputs[i] as TRunOutput;
      if (output.kind === 'bot_message') {
        const next = outputs[i + 1];
        const interaction = next && next.nodeId === output.nodeId ? interactionOf(next) : null;
        if (interaction) i += 1;
        current = (
          await conversations.appendMessage(current, botAuthor(doc), output.content, {
            meta: interaction ? { interaction } : {},
            write: BOT_OUTPUT,
          })
        ).conversation;
      } else if (output.kind === 'validation_error') {
        current = (
          await conversations.appendMessage(current, botAuthor(doc), richTextFromPlain(output.message), {
            meta: { isError: true },
            write: BOT_OUTPUT,
          })
        ).conversation;
      } else {
        const interaction = interactionOf(output);
        current = (
          await conversations.appendMessage(
            current,
            botAuthor(doc),
            { type: 'doc', content: [] },
            { meta: interaction ? { interaction } : {}, write: BOT_OUTPUT },
          )
        ).conversation;
      }
    }
    return current;
  }

  async function saveRun(
    row: ConversationRow,
    stored: StoredRun,
    visitorNumber: number,
  ): Promise<ConversationRow> {
    const run_state = writeStoredRun(stored);
    const patch = {
      run_state,
      ...capturedColumns(stored.run?.vars ?? {}, visitorNumber, {
        name: row.visitor_name,
        email: row.visitor_email,
      }),
      updated_at: clock.now(),
    };
    const ok = await store.updateRunState(row.id, row.run_state, patch);
    if (!ok) throw new AppError('CONFLICT');
    return { ...row, ...patch };
  }

  /** Applies one runtime step: bot messages, then the step's effect (live chat hand-off or end). */
  function storedAfter(row: ConversationRow, step: TRunStep): StoredRun {
    return {
      run: step.state,
      outcome: step.effect.kind === 'end' ? step.effect.outcome : readStoredRun(row.run_state).outcome,
    };
  }

  async function applyStep(
    row: ConversationRow,
    doc: TPlaybookDocument,
    step: TRunStep,
    visitorNumber: number,
    depth = 0,
    alreadySaved = false,
  ): Promise<ConversationRow> {
    let current = alreadySaved ? row : await saveRun(row, storedAfter(row, step), visitorNumber);
    current = await postOutputs(current, doc, step.outputs);
    const effect = step.effect;
    if (effect.kind === 'enter_live_chat') {
      const online =
        (await presence.isAnyoneOnline()) &&
        row.playbook_id !== null &&
        (await playbooks.isEmbedded(row.playbook_id));
      if (online && current.status === 'bot') {
        current = (await conversations.appendMessage(current, botAuthor(doc), effect.onlineMessage))
          .conversation;
        current = await conversations.applyTransition(current, {
          type: 'live_chat_requested',
          waitMs: effect.waitSeconds * 1000,
        });
        current = await conversations.appendEvent(current, { type: 'live_chat_requested' });
        const dto = await conversations.publishConversation(current, { status: 'bot', assignee_id: null });
        events.emit('conversation.live_chat_requested', { conversation: dto });
        events.emit('conversation.created', { conversation: dto });
        return current;
      }
      // R9: nobody online (or not embedded): the runtime says the offline message and takes the offline branch.
      // The `offline` timeline row is what reports count as the funnel's "offline" outcome (issue 21).
      if (!online) current = await conversations.appendEvent(current, { type: 'offline' });
      return continueRun(current, doc, { kind: 'live_chat_offline' }, visitorNumber, depth + 1);
    }
    if (effect.kind === 'end') {
      // Another process may have closed the chat since the answer landed: its end card must not run.
      current = (await store.findById(current.id)) ?? current;
      conversations.assertWritable(current, BOT_OUTPUT);
      const crm = deps.crm();
      if (crm) {
        try {
          await crm.createFromBot({
            conversationId: current.id,
            vars: step.state.vars,
            actions: effect.crm,
            outcome: effect.outcome,
          });
        } catch (error) {
          deps.onError(error, 'crm.createFromBot');
        }
        current = (await store.findById(current.id)) ?? current;
      }
      current = await conversations.appendEvent(current, { type: 'bot_ended', outcome: effect.outcome });
      if (current.status === 'bot') {
        const before = current;
        current = await conversations.applyTransition(current, { type: 'bot_ended' });
        const dto = await conversations.publishConversation(current, before);
        events.emit('conversation.closed', { conversation: dto });
      } else {
        await conversations.publishConversation(current, current);
      }
      return current;
    }
    // The bot moved on (a new question, or the offline branch of a missed chat asking for a
    // name): the widget must know at once whether it may answer (R9, R13).
    await conversations.publishVisitorState(current);
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

  return {
    /**
     * Starts (or, for the same start key, returns) a visitor's conversation on the published
     * revision of a playbook, and lets the bot speak first.
     */
    async start(
      visitorId: string,
      input: {
        playbookPublicId: string;
        startKey: string;
        context: Record<string, string | null | undefined>;
        userAgent: string | null;
      },
    ): Promise<TVisitorConversationDto> {
      const existing = await store.findByStartKey(visitorId, input.startKey);
      if (existing) return conversations.getForVisitor(visitorId, existing.id);
      const published = await playbooks.getPublishedForStart(input.playbookPublicId);
      if (!published) throw new AppError('PLAYBOOK_NOT_FOUND');
      const context = await conversations.recordContext(visitorId, {
        ...input.context,
        userAgent: input.userAgent,
      });
      const visitor = await deps.visitors.findById(visitorId);
      const number = visitor?.number ?? 0;
      const now = clock.now();
      const run = startRun(published.document, {
        page_url: context?.pageUrl ?? '',
        referrer: context?.referrer ?? '',
        locale: context?.language ?? published.document.appearance.language,
      });
      const row: ConversationRow = {
        id: newId(),
        visitor_id: visitorId,
        playbook_id: published.playbookId,
        playbook_revision: published.revision,
        status: 'bot',
        close_reason: null,
        assignee_id: null,
        last_seq: 0,
        waiting_deadline: null,
        run_state: writeStoredRun({ run, outcome: null }),
        language: published.document.appearance.language,
        start_key: input.startKey,
        created_at: now,
        updated_at: now,
        waiting_since: null,
        assigned_at: null,
        closed_at: null,
        closed_by: null,
        last_message_at: now,
        last_message_preview: '',
        visitor_name: context?.identity?.name ?? null,
        visitor_email: context?.identity?.email ?? null,
        search_text: searchTextOf({
          name: context?.identity?.name ?? null,
          email: context?.identity?.email ?? null,
          number,
        }),
        offline_due: null,
        visitor_read_seq: 0,
        user_read_seq: 0,
      };
      try {
        await store.insert(row);
      } catch (error) {
        // Two tabs started with the same key at once: the unique index kept one conversation.
        const winner = await store.findByStartKey(visitorId, input.startKey);
        if (winner) return conversations.getForVisitor(visitorId, winner.id);
        throw error;
      }
      await conversations.withLock(row.id, () =>
        continueRun(row, published.document, { kind: 'start' }, number),
      );
      return conversations.getForVisitor(visitorId, row.id);
    },

    /** A visitor's answer to the bot (button, text, skip), stored as their message exactly once. */
    async answer(
      visitorId: string,
      conversationId: string,
      clientMsgId: string,
      answer: TVisitorAnswer,
    ): Promise<TMessageDto> {
      return conversations.withLock(conversationId, async () => {
        const row = await conversations.getVisitorRow(conversationId, visitorId);
        const existing = await store.findByClientMsgId(row.id, clientMsgId);
        if (existing) return conversations.views.message(existing);
        // R20: closed stays closed, except the offline branch of a missed chat.
        conversations.assertWritable(row, BOT_ANSWER);
        const stored = readStoredRun(row.run_state);
        if (stored.run?.status !== 'awaiting_input') throw new AppError('ANSWER_NOT_EXPECTED');
        const doc = await docFor(row);
        const input: TRunInput =
          answer.kind === 'button'
            ? { kind: 'button', optionId: answer.optionId }
            : answer.kind === 'text'
              ? { kind: 'text', text: answer.text }
              : { kind: 'skip' };
        const step = advance(doc, stored.run, input);
        if ('error' in step) throw new AppError('ANSWER_NOT_EXPECTED');
        const text = answerText(doc, stored.run.nodeId, answer);
        const visitor = await deps.visitors.findById(visitorId);
        const number = visitor?.number ?? 0;
        const name = step.state.vars.visitor_name?.trim() || row.visitor_name || `Visitor #${number}`;
        // The answer and the run state move together: a retry finds the message and changes nothing.
        const patch = {
          run_state: writeStoredRun(storedAfter(row, step)),
          ...capturedColumns(step.state.vars, number, { name: row.visitor_name, email: row.visitor_email }),
        };
        const appended = await conversations.appendMessage(
          row,
          { kind: 'visitor', id: visitorId, name, avatarUrl: null },
          richTextFromPlain(text),
          { clientMsgId, patch, write: BOT_ANSWER },
        );
        if (appended.duplicate) return appended.message;
        await applyStep(appended.conversation, doc, step, number, 0, true);
        return appended.message;
      });
    },

    /** Visitor text: an answer while the bot waits for text, otherwise a message to the team. */
    async visitorText(
      visitorId: string,
      conversationId: string,
      clientMsgId: string,
      body: TRichText,
      plain: string,
    ): Promise<TMessageDto> {
      const row = await conversations.getVisitorRow(conversationId, visitorId);
      const run = readStoredRun(row.run_state).run;
      // Text goes to the bot only where an answer would be taken (never on a chat closed for good).
      const botWaitsForText = acceptsBotAnswer(lifecycleOf(row), run?.status === 'awaiting_input');
      if (botWaitsForText && plain.trim() !== '')
        return this.answer(visitorId, conversationId, clientMsgId, {
          kind: 'text',
          text: plain.slice(0, 2000),
        });
      return conversations.visitorMessage(visitorId, row, clientMsgId, body);
    },

    /** R13: every process sweeps; the conditional UPDATE makes each deadline fire exactly once. */
    async sweepWaiting(): Promise<number> {
      const now = clock.now();
      const missed = await store.claimExpiredWaiting(now, 100);
      for (const row of missed) {
        const withEvent = await conversations.appendEvent(row, { type: 'missed' });
        const dto = await conversations.publishConversation(withEvent, {
          status: 'waiting',
          assignee_id: null,
        });
        events.emit('conversation.closed', { conversation: dto });
      }
      await this.continueOfflineDue();
      return missed.length;
    },

    /** Continues the offline branch of missed conversations (leased, so a crash retries it). */
    async continueOfflineDue(): Promise<void> {
      const due = await store.claimOfflineDue(clock.now(), OFFLINE_LEASE_MS, 50);
      for (const row of due) {
        try {
          await conversations.withLock(row.id, async () => {
            const doc = await docFor(row);
            const stored = readStoredRun(row.run_state);
            if (stored.run?.status === 'live_chat') {
              const visitor = await deps.visitors.findById(row.visitor_id);
              await continueRun(row, doc, { kind: 'live_chat_offline' }, visitor?.number ?? 0);
            }
            await store.update(row.id, { offline_due: null });
          });
        } catch (error) {
          deps.onError(error, 'offline continuation');
        }
      }
    },
  };
}
export type PlaybookRunner = ReturnType<typeof createPlaybookRunner>;

function answerText(doc: TPlaybookDocument, nodeId: string | null, answer: TVisitorAnswer): string {
  if (answer.kind === 'text') return answer.text;
  if (answer.kind === 'skip') return doc.appearance.language === 'es' ? 'Omitir' : 'Skip';
  const node = doc.flow.nodes.find((n) => n.id === nodeId);
  if (node?.type === 'question' && node.answer.kind === 'buttons') {
    return node.answer.options.find((o) => o.id === answer.optionId)?.label ?? answer.optionId;
  }
  return answer.optionId;
}

export type { TRichText };
