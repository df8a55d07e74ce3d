import {
  attributeVars,
  visitorAttributeRunVars,
  startRun,
  type TPlaybookDocument,
  type TVisitorConversationDto,
} from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { Clock } from '../../lib/clock';
import { domainEvent, type DomainEvents } from '../../lib/domain-events';
import { newId } from '../../lib/ids';
import type { VisitorsService } from '../visitors/index';
import { searchTextOf } from './conversation-dto';
import type { ConversationsService } from './conversations.service';
import type { ConversationRow, ConversationsStore } from './conversations.store';
import type { BotCrm, PlaybookSource } from './playbook-runner';
import type { RunSteps } from './run-steps';
import { writeStoredRun } from './stored-run';

export type StartInput = {
  playbookPublicId: string;
  startKey: string;
  context: Record<string, string | null | undefined>;
  userAgent: string | null;
  /**
   * Called once before a new conversation is created, never for a retry of a start key that
   * already has one (e.g. the caller's rate limit: a retry is not a new start). Throws to refuse.
   */
  admit?: () => Promise<void>;
};

/** How far back a returning visitor's conversations are searched for their CRM person. */
const EARLIER_CONVERSATIONS = 20;

type Context = Awaited<ReturnType<ConversationsService['recordContext']>>;
type Published = { playbookId: string; revision: number; document: TPlaybookDocument };

function newConversationRow(
  visitorId: string,
  input: StartInput,
  published: Published,
  context: Context,
  number: number,
  now: number,
): ConversationRow {
  const run = startRun(published.document, {
    page_url: context?.pageUrl ?? '',
    referrer: context?.referrer ?? '',
    locale: context?.language ?? published.document.appearance.language,
  });
  // Custom attributes from Charla.identify() fill the custom variables of the same key (issue 24),
  // and every attribute is `visitor.<key>` for condition cards (issue 18).
  const attributes = context?.identity?.attributes;
  Object.assign(run.vars, attributeVars(published.document, attributes), visitorAttributeRunVars(attributes));
  const name = context?.identity?.name ?? null;
  const email = context?.identity?.email ?? null;
  return {
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
    visitor_name: name,
    visitor_email: email,
    search_text: searchTextOf({ name, email, number }),
    offline_due: null,
    team_id: null,
    routing: null,
    watchdog_deadline: null,
    visitor_read_seq: 0,
    user_read_seq: 0,
    readers_rev: 0,
    labels_rev: 0,
  };
}

/**
 * Starts (or, for the same start key, returns) a visitor's conversation on the published revision
 * of a playbook: the insert and its `conversation.created` are one transaction; then the bot speaks.
 */
export function createConversationStart(deps: {
  conversations: ConversationsService;
  store: ConversationsStore;
  playbooks: PlaybookSource;
  visitors: VisitorsService;
  events: DomainEvents;
  clock: Clock;
  steps: RunSteps;
  crm: Pick<BotCrm, 'linkReturningVisitor'>;
  onError: (error: unknown, context: string) => void;
}) {
  const { conversations, store, playbooks, visitors, events, clock, steps } = deps;

  /** A visitor the CRM already knows starts as that person (before any user sees the chat). */
  async function linkKnownPerson(row: ConversationRow): Promise<void> {
    try {
      const earlier = await store.listForVisitor(row.visitor_id, EARLIER_CONVERSATIONS);
      const ids = earlier.filter((c) => c.id !== row.id).map((c) => c.id);
      if (ids.length > 0) await deps.crm.linkReturningVisitor(row.id, ids);
    } catch (error) {
      // The chat starts anyway: the user can still link the person from the side panel.
      deps.onError(error, 'crm.linkReturningVisitor');
    }
  }

  return async function start(visitorId: string, input: StartInput): Promise<TVisitorConversationDto> {
    const existing = await store.findByStartKey(visitorId, input.startKey);
    if (existing) return conversations.getForVisitor(visitorId, existing.id);
    await input.admit?.();
    const published = await playbooks.getPublishedForStart(input.playbookPublicId);
    if (!published) throw new AppError('PLAYBOOK_NOT_FOUND');
    const context = await conversations.recordContext(visitorId, {
      ...input.context,
      userAgent: input.userAgent,
    });
    const number = (await visitors.findById(visitorId))?.number ?? 0;
    const row = newConversationRow(visitorId, input, published, context, number, clock.now());
    const build = await conversations.views.prepare(row, [null]);
    const created = domainEvent('conversation.created', {
      conversation: build(row),
      previous: { status: 'bot', assigneeId: null },
    });
    try {
      await store.insert(row, (tx) => events.record(tx, [created]));
    } catch (error) {
      // Two tabs started with the same key at once: the unique index kept one conversation.
      const winner = await store.findByStartKey(visitorId, input.startKey);
      if (winner) return conversations.getForVisitor(visitorId, winner.id);
      throw error;
    }
    events.publish([created]);
    await linkKnownPerson(row);
    await conversations.withLock(row.id, () =>
      steps.continueRun(row, published.document, { kind: 'start' }, number),
    );
    return conversations.getForVisitor(visitorId, row.id);
  };
}
