import type {
  TAgentServerFrame,
  TConversationActivity,
  TNotificationDto,
  TUserSummaryDto,
} from '@charla/protocol';
import type { TInboxSender } from './inbox-sender';
import type { InboxAction } from './inbox-state';

/** What the inbox does with each live frame of its socket. */
export type FrameContext = {
  dispatch: (action: InboxAction) => void;
  /** Where each conversation was last seen ("status:assignee"), to refresh counts only on a move. */
  placements: Map<string, string>;
  refreshCounts: () => void;
  /** The send queue: stored messages leave it; a refused one fails with the server's code. */
  sender: Pick<TInboxSender, 'stored' | 'errorFrame'>;
  setUsers: (update: (list: TUserSummaryDto[]) => TUserSummaryDto[]) => void;
  notify: (notification: TNotificationDto) => void;
  /** Whether the inbox holds this conversation (a message's activity updates it in place). */
  holds: (conversationId: string) => boolean;
  /** Fetches a conversation the inbox does not hold yet (an older one of mine got a message). */
  load: (conversationId: string) => void;
};

/** Frames → state: lists, threads, the send queue, typing, presence and notifications. */
export function applyAgentFrame(frame: TAgentServerFrame, context: FrameContext): void {
  const { dispatch, sender } = context;
  switch (frame.type) {
    case 'conversation': {
      dispatch({ type: 'conversation', conversation: frame.conversation });
      // Counts change only when a conversation changes folder, not on every message.
      const placement = `${frame.conversation.status}:${frame.conversation.assignee?.id ?? ''}`;
      if (context.placements.get(frame.conversation.id) !== placement) {
        context.placements.set(frame.conversation.id, placement);
        context.refreshCounts();
      }
      return;
    }
    case 'conversation_removed':
      dispatch({ type: 'conversation_removed', conversationId: frame.conversationId });
      context.refreshCounts();
      return;
    case 'read':
      dispatch({ type: 'read', conversationId: frame.conversationId, side: frame.side, seq: frame.seq });
      return;
    case 'messages':
      dispatch({ type: 'messages', conversationId: frame.conversationId, messages: frame.messages });
      sender.stored(frame.messages.map((m) => m.clientMsgId));
      return;
    case 'message':
    case 'ack': {
      const { conversationId } = frame.message;
      dispatch({ type: 'messages', conversationId, messages: [frame.message] });
      sender.stored([frame.message.clientMsgId]);
      // A plain message brings what it changed in its conversation, not the whole of it; my own
      // message comes back once, as its ack, with the same (issue 25).
      if (frame.activity) activityOf(conversationId, frame.activity, context);
      return;
    }
    case 'activity':
      // A message in a conversation not open here: only the list changes (R28).
      activityOf(frame.conversationId, frame.activity, context);
      return;
    case 'typing':
      if (frame.from !== 'visitor') return;
      dispatch({
        type: 'typing',
        conversationId: frame.conversationId,
        name: frame.name,
        active: frame.active,
        preview: frame.preview ?? null,
        now: Date.now(),
      });
      return;
    case 'presence':
      context.setUsers((list) =>
        list.map((u) => (u.id === frame.userId ? { ...u, online: frame.online } : u)),
      );
      return;
    case 'notification':
      context.notify(frame.notification);
      return;
    case 'error':
      // A refused send: failed with the server's code on its bubble, never resent on its own.
      sender.errorFrame(frame.ref, frame.code);
      return;
    default:
      return;
  }
}

/** What a message changed in its conversation: in place, or the conversation fetched when new here. */
function activityOf(conversationId: string, activity: TConversationActivity, context: FrameContext): void {
  if (context.holds(conversationId)) context.dispatch({ type: 'activity', conversationId, activity });
  else context.load(conversationId);
}
