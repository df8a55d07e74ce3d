import type { TConversationDto, TMessageDto, TNotificationDto } from '@charla/protocol';
import type { CacheForget } from '../lib/shared-caches';

/** Everything that crosses the bus between server processes. */
export type BusEvent =
  | {
      type: 'conversation.changed';
      conversation: TConversationDto;
      /** Who could see it before this change: only they are told it is gone (R14). */
      previous: { status: TConversationDto['status']; assigneeId: string | null };
      originNode: string;
    }
  | {
      type: 'message.created';
      conversation: TConversationDto;
      message: TMessageDto;
      /** false: only the conversation's activity changed; its inboxes get that, not a new copy (issue 25). */
      changesConversation?: boolean;
    }
  | {
      type: 'typing';
      conversationId: string;
      visitorId: string;
      assigneeId: string | null;
      status: TConversationDto['status'];
      from: 'visitor' | 'user';
      userId?: string;
      name?: string;
      active: boolean;
      preview?: string;
    }
  | {
      type: 'read';
      conversationId: string;
      visitorId: string;
      /** Who may see the conversation now (R14, R29): only their inboxes hear of the read. */
      status: TConversationDto['status'];
      assigneeId: string | null;
      readerIds: string[];
      side: 'visitor' | 'user';
      seq: number;
      /** The socket that reported it (no echo to it). */
      origin?: string;
    }
  /** CRM records these conversations' side panels show changed; each with who may see it (R14). */
  | {
      type: 'panel.changed';
      conversations: { id: string; status: TConversationDto['status']; assigneeId: string | null }[];
    }
  | { type: 'sessions.revoked'; userId: string; sessionIds: string[] | 'all' }
  | { type: 'presence.changed'; userId: string }
  /** A row the shared caches keep changed on that process (lib/shared-caches.ts, which listens). */
  | CacheForget
  /** The visitor's widget state changed; each process loads the fresh state for its sockets. */
  | { type: 'visitor.conversation'; visitorId: string; conversationId: string }
  | {
      type: 'notify';
      userIds: string[];
      /** The in-app notification as the inbox shows it (one language per publish). */
      notification: TNotificationDto;
    };
