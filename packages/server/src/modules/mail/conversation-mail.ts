import type { TConversationDto, TRichText } from '@charla/protocol';
import type { Db } from '../../db/database';
import { AppError } from '../../lib/app-error';
import type { Clock } from '../../lib/clock';
import type { DomainEvents } from '../../lib/domain-events';
import type { Limits } from '../../lib/shared-limits';
import type { Bus } from '../../realtime/bus';
import type { AuthUser } from '../auth/index';
import type { ConversationViews, ConversationsService, ConversationsStore } from '../conversations/index';
import type { SettingsStore } from '../settings/index';
import type { UsersStore } from '../users/index';
import type { ConversationSource } from './conversation-source';
import { createDigestStore } from './digest.store';
import { createDigests } from './digests';
import { createFollowUpStore } from './follow-up.store';
import { createVisitorLinksStore } from '../visitors/index';
import { createFollowUps } from './follow-ups';
import { createInboundMail } from './inbound-mail';
import { createLinkedConversations } from './linked-conversation';
import { createMailKeySource } from './mail-keys';
import type { MailService } from './mail.service';
import { createTranscripts } from './transcripts';

export type ConversationMailDeps = {
  db: Db;
  mail: MailService;
  source: ConversationSource;
  conversations: ConversationsService;
  conversationsStore: ConversationsStore;
  views: ConversationViews;
  settings: SettingsStore;
  users: UsersStore;
  events: DomainEvents;
  bus: Bus;
  limits: Limits;
  clock: Clock;
  node: string;
  publicUrl: string;
  replyTo: string | null;
  onError: (error: unknown, context: string) => void;
};

/**
 * Mail about conversations (issue 20) as listeners of the domain events: nothing in the
 * conversations module calls it. `conversation.closed` → the transcript when the playbook asks;
 * `message.created` by a user → a follow-up check for a visitor who gave an address;
 * `notification.delivered` with no device reached → a digest for users who opted in.
 */
export function createConversationMail(deps: ConversationMailDeps) {
  const { source, clock } = deps;
  const store = createFollowUpStore(deps.db);
  const keys = createMailKeySource(deps.settings, clock);
  const transcripts = createTranscripts({ mail: deps.mail, source });
  const transcriptLimiter = deps.limits.limiter('mail-transcripts', { limit: 5, windowMs: 10 * 60_000 });
  const visitorLinks = createVisitorLinksStore(deps.db);
  const followUps = createFollowUps({ ...deps, store, keys, visitorLinks });
  const startLinked = createLinkedConversations({
    store: deps.conversationsStore,
    views: deps.views,
    links: store,
    events: deps.events,
    clock,
  });
  const inbound = createInboundMail({
    store: deps.conversationsStore,
    conversations: deps.conversations,
    links: store,
    startLinked,
    keys,
    clock,
    replyTo: deps.replyTo,
  });

  const guarded = async (context: string, run: () => Promise<unknown>): Promise<void> => {
    try {
      await run();
    } catch (error) {
      deps.onError(error, context);
    }
  };
  deps.events.on('conversation.closed', ({ conversation }) =>
    guarded('transcript on close', () => transcripts.sendOnClose(conversation)),
  );
  const digests = createDigests({
    mail: deps.mail,
    store: createDigestStore(deps.db),
    settings: deps.settings,
    users: deps.users,
    conversations: deps.conversationsStore,
    views: deps.views,
    clock,
    publicUrl: deps.publicUrl,
  });
  deps.events.on('notification.delivered', (payload) =>
    guarded('digest', () => digests.onDelivered(payload)),
  );
  deps.events.on('message.created', ({ conversation, message }) =>
    guarded('follow-up', () => followUps.onMessage(conversation, message)),
  );

  /** A user follows up a closed chat (a missed one): R20 keeps it closed, a linked one continues. */
  async function followUpClosed(
    user: AuthUser,
    conversationId: string,
    clientMsgId: string,
    body: TRichText,
  ): Promise<TConversationDto> {
    const old = await deps.conversations.getVisibleRow(conversationId, user);
    if (old.status !== 'closed') throw new AppError('INVALID_TRANSITION');
    if (!old.visitor_email) throw new AppError('VISITOR_NO_EMAIL');
    const continued = await store.latestContinuation(old.id);
    const open = continued ? await deps.conversationsStore.findById(continued) : null;
    const target = open && open.status !== 'closed' ? open : (await startLinked(old, user.id)).row;
    await deps.conversations.userMessage(user, target.id, clientMsgId, body);
    await followUps.scheduleNow(target.id);
    return deps.conversations.getDtoForUser(user, target.id);
  }

  return { transcripts, transcriptLimiter, followUps, inbound, followUpClosed, keys, store, digests };
}
export type ConversationMail = ReturnType<typeof createConversationMail>;
