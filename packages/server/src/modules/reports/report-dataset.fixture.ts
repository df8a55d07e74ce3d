import type { TTimelineEvent } from '@charla/protocol';
import type {
  ReportConversationRow,
  ReportCrmRow,
  ReportEventRow,
  ReportRatingRow,
  ReportReplyRow,
} from './conversation-facts';

// A hand-built month in Europe/Madrid with known answers (shared by the unit test of the figures
// and the SQLite/PostgreSQL integration test, which stores the same rows and expects the same figures).

const S = 1000;
export const T = {
  /** Tue 10 Mar 2026, 11:00 Madrid (UTC+1). */
  botOnly: Date.UTC(2026, 2, 10, 10, 0),
  reassigned: Date.UTC(2026, 2, 10, 12, 0),
  missed: Date.UTC(2026, 2, 11, 9, 0),
  /** 23:50 Madrid on Tue 10 Mar; taken at 00:10 on Wed 11 Mar. */
  midnight: Date.UTC(2026, 2, 10, 22, 50),
  /** 00:30 CET on Sun 29 Mar (the spring DST day, 23 h long); asks at 03:30 CEST. */
  dst: Date.UTC(2026, 2, 28, 23, 30),
  /** 00:30 CEST on Mon 30 Mar: after the 23-hour day, so it belongs to the 30th. */
  afterDst: Date.UTC(2026, 2, 29, 22, 30),
};

export type Dataset = {
  conversations: ReportConversationRow[];
  events: ReportEventRow[];
  replies: ReportReplyRow[];
  crm: ReportCrmRow[];
  ratings: ReportRatingRow[];
};

export function buildDataset(users: { alice: string; bob: string; carol: string; dave: string }): Dataset {
  const events: ReportEventRow[] = [];
  const ev = (conversation_id: string, at: number, event: TTimelineEvent) =>
    events.push({ conversation_id, created_at: at, meta: JSON.stringify({ event }) });
  const conv = (
    id: string,
    created_at: number,
    rest: Partial<ReportConversationRow> = {},
  ): ReportConversationRow => ({
    id,
    playbook_id: 'pb-sales',
    status: 'closed',
    close_reason: 'closed_by_user',
    assignee_id: null,
    created_at,
    closed_at: created_at + 600 * S,
    ...rest,
  });
  const joined = (userId: string) => ({ type: 'joined' as const, userId, userName: userId, avatarUrl: null });
  const moved = (from: string, to: string) => ({
    type: 'reassigned' as const,
    byUserId: from,
    byName: from,
    toUserId: to,
    toName: to,
  });

  const conversations = [
    conv('c-bot', T.botOnly, { playbook_id: 'pb-support', close_reason: 'bot_ended' }),
    conv('c-reassigned', T.reassigned, { assignee_id: users.dave, closed_at: T.reassigned + 630 * S }),
    conv('c-missed', T.missed, { close_reason: 'missed', closed_at: T.missed + 150 * S }),
    conv('c-midnight', T.midnight, { assignee_id: users.bob, closed_at: T.midnight + 40 * 60 * S }),
    conv('c-dst', T.dst, {
      status: 'assigned',
      close_reason: null,
      closed_at: null,
      assignee_id: users.alice,
    }),
    conv('c-after-dst', T.afterDst, {
      playbook_id: 'pb-support',
      status: 'bot',
      close_reason: null,
      closed_at: null,
    }),
  ];
  // Asked at +30 s; Alice takes it at +90 s; reassigned three times; Dave closes it.
  ev('c-reassigned', T.reassigned + 30 * S, { type: 'live_chat_requested' });
  ev('c-reassigned', T.reassigned + 90 * S, joined(users.alice));
  ev('c-reassigned', T.reassigned + 200 * S, moved(users.alice, users.bob));
  ev('c-reassigned', T.reassigned + 300 * S, moved(users.bob, users.carol));
  ev('c-reassigned', T.reassigned + 400 * S, moved(users.carol, users.dave));
  // Missed after 120 s of waiting, then Alice follows up an hour later (not a response).
  ev('c-missed', T.missed + 30 * S, { type: 'live_chat_requested' });
  ev('c-missed', T.missed + 150 * S, { type: 'missed' });
  ev('c-midnight', T.midnight + 5 * 60 * S, { type: 'live_chat_requested' });
  ev('c-midnight', T.midnight + 20 * 60 * S, joined(users.bob));
  ev('c-dst', T.dst + 2 * 3600 * S, { type: 'live_chat_requested' });
  ev('c-dst', T.dst + 2 * 3600 * S + 45 * S, joined(users.alice));
  ev('c-after-dst', T.afterDst + 60 * S, { type: 'offline' });
  const replies: ReportReplyRow[] = [
    { conversation_id: 'c-reassigned', author_id: users.alice, first_at: T.reassigned + 150 * S },
    { conversation_id: 'c-reassigned', author_id: users.carol, first_at: T.reassigned + 350 * S },
    { conversation_id: 'c-missed', author_id: users.alice, first_at: T.missed + 3600 * S },
    { conversation_id: 'c-midnight', author_id: users.bob, first_at: T.midnight + 25 * 60 * S },
  ];
  const crm: ReportCrmRow[] = [
    { conversation_id: 'c-reassigned', entity_type: 'lead', value_minor: null, currency: null },
    { conversation_id: 'c-reassigned', entity_type: 'deal', value_minor: 150_000, currency: 'EUR' },
    { conversation_id: 'c-midnight', entity_type: 'deal', value_minor: 2_500, currency: 'EUR' },
    { conversation_id: 'c-after-dst', entity_type: 'lead', value_minor: null, currency: null },
  ];
  const ratings: ReportRatingRow[] = [
    {
      conversation_id: 'c-reassigned',
      score: 5,
      comment: 'Dave sorted it',
      updated_at: T.reassigned + 700 * S,
    },
    { conversation_id: 'c-missed', score: 1, comment: null, updated_at: T.missed + 200 * S },
    { conversation_id: 'c-midnight', score: 4, comment: 'Late but fine', updated_at: T.midnight + 3600 * S },
  ];
  return { conversations, events, replies, crm, ratings };
}
