import type { ReportFactsTable } from '../../db/schema.reports';
import type { ConversationFact } from './conversation-facts';
import { isInFigure, reachedLiveChat } from './figures';

const flag = (yes: boolean) => (yes ? 1 : 0);

/**
 * The stored row of one conversation: each figure's definition (figures.ts) evaluated once, when
 * the conversation changes, so reports only add flags up. CRM records and ratings are joined live.
 */
export function factRow(f: ConversationFact, sourceUpdatedAt: number): ReportFactsTable {
  const asked = f.requestedAt;
  const taken = asked !== null && f.firstAssignedAt !== null;
  return {
    conversation_id: f.id,
    playbook_id: f.playbookId,
    status: f.status,
    close_reason: f.closeReason,
    created_at: f.createdAt,
    requested_at: asked,
    bot_only: flag(isInFigure.botOnly(f)),
    requested: flag(isInFigure.requests(f)),
    reached: flag(reachedLiveChat(f)),
    assigned: flag(isInFigure.assigned(f)),
    missed: flag(isInFigure.missed(f)),
    offline: flag(isInFigure.offline(f)),
    closed: flag(isInFigure.closed(f)),
    // Speed (see speedFigures): only chats that were requested and taken.
    assign_ms: taken ? (f.firstAssignedAt as number) - asked : null,
    response_ms: taken && f.firstResponseAt !== null ? f.firstResponseAt - asked : null,
    resolution_ms: taken && f.closedAt !== null ? f.closedAt - asked : null,
    first_assignee_id: taken ? f.firstAssigneeId : null,
    // Per user, a response counts for whoever wrote it among the chat's assignees (speedByUser).
    first_responder_id:
      taken && f.firstResponderId !== null && f.userIds.includes(f.firstResponderId)
        ? f.firstResponderId
        : null,
    last_assignee_id: f.lastAssigneeId,
    team_id: f.teamId,
    source_updated_at: sourceUpdatedAt,
  };
}
