import type { TLanguage, TPlaybookDocument, TPlaybookOutcome, TResolvedCrmActions } from '@charla/protocol';
import type { Clock } from '../../lib/clock';
import type { DomainEvents } from '../../lib/domain-events';
import type { PresenceService } from '../presence/index';
import type { VisitorsService } from '../visitors/index';
import { createBotAnswers } from './bot-answers';
import { createConversationStart } from './conversation-start';
import type { ConversationsService } from './conversations.service';
import type { ConversationRow, ConversationsStore } from './conversations.store';
import type { HttpCardCaller } from './http-card-call';
import { createRunSteps } from './run-steps';
import { createWaitingSweep } from './waiting-sweep';

/** What the runner needs of the playbooks module. */
export type PlaybookSource = {
  getPublishedForStart(
    publicId: string,
  ): Promise<{ playbookId: string; revision: number; name: string; document: TPlaybookDocument } | null>;
  getRevision(playbookId: string, revision: number): Promise<TPlaybookDocument>;
  isEmbedded(playbookId: string): Promise<boolean>;
};

/** What the runner needs of the CRM module: a new conversation's person, and the bot's end cards. */
export type BotCrm = {
  createFromBot(input: {
    conversationId: string;
    vars: Record<string, string>;
    actions: TResolvedCrmActions;
    outcome: TPlaybookOutcome;
  }): Promise<unknown>;
  /** Links a new conversation to the CRM person of the visitor's latest earlier one (newest first). */
  linkReturningVisitor(conversationId: string, earlierConversationIds: string[]): Promise<unknown>;
};

/** What the runner needs of availability (issue 19): business hours and automatic assignment. */
export type LiveChatAvailability = {
  /** Null within business hours; outside them, `{{back_at}}` in this language and time zone. */
  closedUntil(
    playbookId: string | null,
    language: TLanguage,
    visitorTimeZone: string | null,
  ): Promise<string | null>;
  /** A waiting chat of an automatic card goes to the best user with room; null: it waits. */
  autoAssign(row: ConversationRow): Promise<ConversationRow | null>;
};

export type RunnerDeps = {
  conversations: ConversationsService;
  store: ConversationsStore;
  playbooks: PlaybookSource;
  presence: PresenceService;
  visitors: VisitorsService;
  events: DomainEvents;
  clock: Clock;
  crm: BotCrm;
  availability: LiveChatAvailability;
  /** HTTP request cards' calls, through the webhooks' SSRF guard and private-targets setting. */
  callHttp: HttpCardCaller;
  onError: (error: unknown, context: string) => void;
};

/**
 * Runs playbooks over conversations: the pure runtime (protocol) decides each step; the parts
 * start conversations, take the visitor's answers, apply steps, sweep waiting deadlines and take
 * due steps on (offline branches, wait cards, HTTP request cards).
 */
export function createPlaybookRunner(deps: RunnerDeps) {
  const { conversations, store, playbooks, presence, visitors, events, clock, crm, onError } = deps;
  const { availability } = deps;
  const steps = createRunSteps({
    ...{ conversations, store, playbooks, presence, clock, crm, onError },
    ...{ availability, visitors },
  });
  const start = createConversationStart({
    ...{ conversations, store, playbooks, visitors, events, clock, steps, crm, onError },
  });
  const answers = createBotAnswers({ conversations, store, visitors, steps });
  const sweep = createWaitingSweep({
    ...{ conversations, store, visitors, clock, steps, onError },
    callHttp: deps.callHttp,
  });
  return { start, ...answers, ...sweep };
}
export type PlaybookRunner = ReturnType<typeof createPlaybookRunner>;
