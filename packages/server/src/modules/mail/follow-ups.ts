import type { TConversationDto, TFollowUpExchangeDto, TMessageDto } from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { Clock } from '../../lib/clock';
import { hashToken, newSecretToken } from '../../lib/ids';
import type { SettingsStore } from '../settings/index';
import type { ConversationSource } from './conversation-source';
import type { FollowUpStore } from './follow-up.store';
import type { VisitorLinksStore } from '../visitors/index';
import type { MailKeys } from './mail-keys';
import type { MailService } from './mail.service';
import { isSingleAddress } from './one-line';
import { replyAddress, signChatLink, signReplyToken, verifyChatLink } from './signed-links';
import { safeTimeZone, transcriptBlocks } from './transcript-blocks';

export const FOLLOW_UP_SETTINGS_KEY = 'mail.follow-up';
export const FOLLOW_UP_LINK_DAYS = 7;
const FOLLOW_UP_LEASE_MS = 120_000;
const BATCH = 20;

/** Settings → Email: whether replies are emailed to a visitor who is gone, and after how long. */
export type FollowUpSettings = { enabled: boolean; afterMinutes: number };
export const defaultFollowUpSettings: FollowUpSettings = { enabled: true, afterMinutes: 5 };

export type FollowUpsDeps = {
  mail: MailService;
  source: ConversationSource;
  store: FollowUpStore;
  /** The visitors module's extra tokens: a follow-up link opens the chat as the same visitor. */
  visitorLinks: Pick<VisitorLinksStore, 'addVisitorToken'>;
  settings: SettingsStore;
  keys: () => Promise<MailKeys>;
  clock: Clock;
  publicUrl: string;
  /** MAIL_REPLY_TO: the inbound address whose plus-addresses route answers back; null = link only. */
  replyTo: string | null;
};

/** The user's replies the visitor has not read: what a follow-up mail carries. */
export function unreadReplies(messages: readonly TMessageDto[], visitorReadSeq: number): TMessageDto[] {
  return messages.filter((m) => m.author.kind === 'user' && !m.event && m.seq > visitorReadSeq);
}

/**
 * Follow-up by email (issue 20). A user's reply schedules one durable check per conversation;
 * when it comes due and the visitor still has not read the replies, they are emailed with a
 * signed, expiring link that reopens the chat as the same visitor, and a signed reply address.
 */
export function createFollowUps(deps: FollowUpsDeps) {
  const { store, clock } = deps;

  async function readSettings(): Promise<FollowUpSettings> {
    return {
      ...defaultFollowUpSettings,
      ...(await deps.settings.get<Partial<FollowUpSettings>>(FOLLOW_UP_SETTINGS_KEY, {})),
    };
  }

  async function sendMail(conversation: TConversationDto, unread: TMessageDto[]): Promise<void> {
    const email = conversation.visitor.email?.trim().toLowerCase();
    if (!email || !isSingleAddress(email)) return;
    const { signingKey } = await deps.keys();
    const now = clock.now();
    const expiresAt = now + FOLLOW_UP_LINK_DAYS * 86_400_000;
    const link = signChatLink(signingKey, {
      conversationId: conversation.id,
      visitorId: conversation.visitor.id,
      expiresAt,
    });
    const zone = safeTimeZone(conversation.visitor.context.timeZone);
    await deps.mail.enqueue('follow-up', {
      to: email,
      language: conversation.language,
      sensitive: true,
      ...(deps.replyTo
        ? { replyTo: replyAddress(deps.replyTo, signReplyToken(signingKey, conversation.id)) }
        : {}),
      params: {
        agentName: unread.at(-1)?.author.name ?? conversation.assignee?.name ?? '',
        blocks: transcriptBlocks(unread, conversation.language, zone),
        url: `${deps.publicUrl}/chat?lang=${conversation.language}&link=${encodeURIComponent(link)}`,
        expiresInDays: FOLLOW_UP_LINK_DAYS,
        canReply: deps.replyTo !== null,
      },
    });
  }

  /** One due check: mail the unread replies, or nothing when the visitor read them meanwhile. */
  async function check(conversationId: string): Promise<void> {
    const conversation = await deps.source.find(conversationId);
    if (!conversation?.visitor.email) return;
    const unread = unreadReplies(await deps.source.messages(conversationId), conversation.visitorReadSeq);
    if (unread.length > 0) await sendMail(conversation, unread);
  }

  return {
    readSettings,
    async saveSettings(next: FollowUpSettings): Promise<FollowUpSettings> {
      await deps.settings.set(FOLLOW_UP_SETTINGS_KEY, next, clock.now());
      return next;
    },

    /** The listener's half: a user's reply to a visitor who gave an address schedules a check. */
    async onMessage(conversation: TConversationDto, message: TMessageDto): Promise<void> {
      if (message.author.kind !== 'user' || message.event || !conversation.visitor.email) return;
      const settings = await readSettings();
      if (!settings.enabled) return;
      const now = clock.now();
      await store.schedule(conversation.id, now + settings.afterMinutes * 60_000, now);
    },

    /** Now, without waiting (a user's follow-up of a missed chat: the visitor is gone for sure). */
    async scheduleNow(conversationId: string): Promise<void> {
      await store.schedule(conversationId, clock.now(), clock.now());
    },

    /** The background job: every process claims due checks with a lease; each is done once. */
    async sweepDue(): Promise<number> {
      const now = clock.now();
      const rows = await store.claimDue(now, now + FOLLOW_UP_LEASE_MS, BATCH);
      for (const row of rows) {
        await check(row.conversation_id);
        await store.finish(row.conversation_id, row.claimed_until ?? 0);
      }
      return rows.length;
    },

    /** The widget opens a follow-up link: a fresh token of the same visitor, and where to continue. */
    exchange: (link: string) => exchangeChatLink(deps, link),
  };
}
export type FollowUps = ReturnType<typeof createFollowUps>;

/** Verifies a chat link and issues a new token of its visitor (R20: a continued chat wins). */
async function exchangeChatLink(deps: FollowUpsDeps, link: string): Promise<TFollowUpExchangeDto> {
  const { store, clock } = deps;
  const { signingKey } = await deps.keys();
  const verdict = verifyChatLink(signingKey, link, clock.now());
  if (!verdict.ok)
    throw new AppError(verdict.reason === 'expired' ? 'FOLLOW_UP_LINK_EXPIRED' : 'FOLLOW_UP_LINK_INVALID');
  const { conversationId, visitorId } = verdict.value;
  const conversation = await deps.source.find(conversationId);
  if (!conversation || conversation.visitor.id !== visitorId) throw new AppError('FOLLOW_UP_LINK_INVALID');
  // A reply by email may have continued it in a new conversation already (R20).
  const latest = conversation.status === 'closed' ? await store.latestContinuation(conversationId) : null;
  const token = newSecretToken();
  await deps.visitorLinks.addVisitorToken(hashToken(token), visitorId, clock.now());
  return {
    visitorToken: token,
    visitorId,
    conversationId: latest ?? conversationId,
    playbookPublicId: await deps.source.playbookPublicId(conversationId),
  };
}
