import type { TTimelineEvent } from '@charla/protocol';

/** The rows the store reads (see reports.store.ts for the SQL). */
export type ReportConversationRow = {
  id: string;
  playbook_id: string | null;
  /** The team the live chat card routed to (absent: none). */
  team_id?: string | null;
  status: 'bot' | 'waiting' | 'assigned' | 'closed';
  close_reason: string | null;
  assignee_id: string | null;
  created_at: number;
  closed_at: number | null;
};
export type ReportEventRow = { conversation_id: string; created_at: number; meta: string | null };
export type ReportReplyRow = { conversation_id: string; author_id: string | null; first_at: number };
export type ReportCrmRow = {
  conversation_id: string;
  entity_type: 'lead' | 'deal';
  value_minor: number | null;
  currency: string | null;
};
export type ReportRatingRow = {
  conversation_id: string;
  score: number;
  comment: string | null;
  updated_at: number;
};

/** Everything the figures need to know about one conversation, derived from its timeline. */
export type ConversationFact = {
  id: string;
  playbookId: string | null;
  teamId: string | null;
  status: ReportConversationRow['status'];
  closeReason: string | null;
  createdAt: number;
  closedAt: number | null;
  /** First "the visitor asked for a person" while someone was online (the chat waited). */
  requestedAt: number | null;
  missed: boolean;
  /** The live chat card went offline (recorded as an `offline` timeline event). */
  offline: boolean;
  firstAssignedAt: number | null;
  firstAssigneeId: string | null;
  /** Whoever had the conversation when it closed (or has it now). */
  lastAssigneeId: string | null;
  /** Everybody it was ever assigned to, in order of first assignment. */
  userIds: string[];
  /** First message from the team after the first assignment, and who wrote it. */
  firstResponseAt: number | null;
  firstResponderId: string | null;
  leads: number;
  deals: { valueMinor: number; currency: string }[];
  dealCount: number;
  rating: ReportRatingRow | null;
};

function eventOf(meta: string | null): TTimelineEvent | null {
  if (!meta) return null;
  try {
    return (JSON.parse(meta) as { event?: TTimelineEvent }).event ?? null;
  } catch {
    return null;
  }
}

function group<T extends { conversation_id: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.conversation_id);
    if (list) list.push(row);
    else map.set(row.conversation_id, [row]);
  }
  return map;
}

function fromTimeline(row: ReportConversationRow, events: ReportEventRow[]) {
  let requestedAt: number | null = null;
  let missed = row.close_reason === 'missed';
  let offline = false;
  let firstAssignedAt: number | null = null;
  const userIds: string[] = [];
  let lastAssigneeId: string | null = null;
  for (const e of [...events].sort((a, b) => a.created_at - b.created_at)) {
    const event = eventOf(e.meta);
    if (!event) continue;
    if (event.type === 'live_chat_requested') requestedAt ??= e.created_at;
    else if (event.type === 'missed') missed = true;
    else if (event.type === 'offline') offline = true;
    else if (event.type === 'unassigned') lastAssigneeId = null;
    else if (event.type === 'joined' || event.type === 'reassigned') {
      const userId = event.type === 'joined' ? event.userId : event.toUserId;
      firstAssignedAt ??= e.created_at;
      if (!userIds.includes(userId)) userIds.push(userId);
      lastAssigneeId = userId;
    }
  }
  return { requestedAt, missed, offline, firstAssignedAt, userIds, lastAssigneeId };
}

/** Joins the rows of one report query into one fact per conversation. */
export function buildFacts(input: {
  conversations: ReportConversationRow[];
  events: ReportEventRow[];
  replies: ReportReplyRow[];
  crm: ReportCrmRow[];
  ratings: ReportRatingRow[];
}): ConversationFact[] {
  const events = group(input.events);
  const replies = group(input.replies);
  const crm = group(input.crm);
  const ratings = new Map(input.ratings.map((r) => [r.conversation_id, r]));
  return input.conversations.map((row) => {
    const timeline = fromTimeline(row, events.get(row.id) ?? []);
    // Only a reply after someone took the chat is a response (a follow-up on a missed chat is not).
    const answered = timeline.firstAssignedAt;
    const first = (replies.get(row.id) ?? [])
      .filter((r) => answered !== null && r.first_at >= answered)
      .sort((a, b) => a.first_at - b.first_at)[0];
    const records = crm.get(row.id) ?? [];
    const deals = records.filter((r) => r.entity_type === 'deal');
    return {
      id: row.id,
      playbookId: row.playbook_id,
      teamId: row.team_id ?? null,
      status: row.status,
      closeReason: row.close_reason,
      createdAt: row.created_at,
      closedAt: row.closed_at,
      ...timeline,
      firstAssigneeId: timeline.userIds[0] ?? null,
      firstResponseAt: first?.first_at ?? null,
      firstResponderId: first?.author_id ?? null,
      leads: records.filter((r) => r.entity_type === 'lead').length,
      dealCount: deals.length,
      deals: deals.flatMap((d) =>
        d.value_minor !== null && d.currency ? [{ valueMinor: d.value_minor, currency: d.currency }] : [],
      ),
      rating: ratings.get(row.id) ?? null,
    };
  });
}
