import { timingSafeEqual } from 'node:crypto';
import type { TInboundMailResultDto } from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { Clock } from '../../lib/clock';
import type { ConversationRow, ConversationsStore, ConversationsService } from '../conversations/index';
import { linesToRichText } from '@charla/protocol';
import type { FollowUpStore } from './follow-up.store';
import type { InboundMail } from './inbound-parse';
import type { StartLinkedConversation } from './linked-conversation';
import type { MailKeys } from './mail-keys';
import { replyTokenIn, verifyReplyToken } from './signed-links';

export type InboundMailDeps = {
  store: Pick<ConversationsStore, 'findById'>;
  conversations: Pick<ConversationsService, 'visitorMessage'>;
  links: Pick<FollowUpStore, 'latestContinuation' | 'inboundSeen' | 'recordInbound'>;
  startLinked: StartLinkedConversation;
  keys: () => Promise<MailKeys>;
  clock: Clock;
  /** MAIL_REPLY_TO: without it no reply address was ever handed out, so nothing is routable. */
  replyTo: string | null;
};

/** Constant-time comparison of the secret the provider sent with the install's. */
export function secretMatches(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A visitor's email answer lands in their conversation as their message (R22 then notifies its
 * assignee). After close (R20) it starts a new conversation in Unassigned linked to the old one,
 * or lands in the one an earlier reply started while that is still open.
 */
export function createInboundMail(deps: InboundMailDeps) {
  async function target(old: ConversationRow): Promise<{ row: ConversationRow; linkedTo: string | null }> {
    if (old.status !== 'closed') return { row: old, linkedTo: null };
    const continued = await deps.links.latestContinuation(old.id);
    const existing = continued ? await deps.store.findById(continued) : null;
    if (existing && existing.status !== 'closed') return { row: existing, linkedTo: old.id };
    return { row: (await deps.startLinked(old, null)).row, linkedTo: old.id };
  }

  return {
    async verifySecret(given: string | undefined): Promise<void> {
      if (!secretMatches(given, (await deps.keys()).inboundSecret))
        throw new AppError('INBOUND_SECRET_INVALID');
    },

    async receive(mail: InboundMail): Promise<TInboundMailResultDto> {
      const { signingKey } = await deps.keys();
      const token = deps.replyTo ? replyTokenIn(deps.replyTo, mail.recipients) : null;
      const conversationId = token ? verifyReplyToken(signingKey, token) : null;
      const old = conversationId ? await deps.store.findById(conversationId) : null;
      // The signed address was only ever sent to the visitor's address: another sender is refused.
      if (!old || (old.visitor_email ?? '').toLowerCase() !== mail.from)
        throw new AppError('INBOUND_MAIL_UNROUTABLE');
      const seen = await deps.links.inboundSeen(mail.id);
      if (seen) return { conversationId: seen, linkedTo: old.id === seen ? null : old.id };
      const { row, linkedTo } = await target(old);
      await deps.conversations.visitorMessage(
        row.visitor_id,
        row,
        `mail-${mail.id.slice(0, 40)}`,
        linesToRichText(mail.text),
      );
      await deps.links.recordInbound(mail.id, row.id, deps.clock.now());
      return { conversationId: row.id, linkedTo };
    },
  };
}
export type InboundMailService = ReturnType<typeof createInboundMail>;
