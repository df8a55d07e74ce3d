import { useCallback, useEffect, useMemo, useRef, type MutableRefObject } from 'react';
import type { TAttachmentDto, TRichText } from '@charla/protocol';
import { newClientMsgId } from '@charla/protocol/client';
import type { AgentSocket } from '../../lib/socket';
import { inboxApi } from './inbox-api';
import { createInboxSender } from './inbox-sender';
import { sendQueue, type InboxAction, type InboxState } from './inbox-state';

/**
 * The inbox's one send queue (R28): a message typed is queued in typed order and sent when its
 * turn comes; a retry takes a new, later place. A message with files carries their upload ids,
 * uploaded before it was queued (the tray's Send waits for them), and keeps them on every resend.
 */
export function useSendQueue(deps: {
  socket: AgentSocket;
  stateRef: MutableRefObject<InboxState>;
  dispatch: (action: InboxAction) => void;
}) {
  const { socket, stateRef, dispatch } = deps;
  const sender = useMemo(
    () =>
      createInboxSender({
        socket,
        items: () => sendQueue(stateRef.current),
        sendOverRest: inboxApi.send,
        stored: (message) =>
          dispatch({ type: 'messages', conversationId: message.conversationId, messages: [message] }),
        refused: (conversationId, clientMsgId, error) =>
          dispatch({ type: 'pending_failed', conversationId, clientMsgId, error }),
      }),
    [socket, stateRef, dispatch],
  );
  useEffect(() => () => sender.stop(), [sender]);

  const queuePlace = useRef(0);
  const nextPlace = () => (queuePlace.current = Math.max(queuePlace.current + 1, Date.now()));

  const send = useCallback(
    (conversationId: string, body: TRichText, attachments: TAttachmentDto[] = []) => {
      const clientMsgId = newClientMsgId('c');
      const pending = {
        clientMsgId,
        body,
        attachments,
        createdAt: Date.now(),
        queuedAt: nextPlace(),
        state: 'sending' as const,
      };
      dispatch({ type: 'pending_add', conversationId, pending });
      sender.pump();
    },
    [sender, dispatch],
  );

  const retry = useCallback(
    (conversationId: string, clientMsgId: string) => {
      dispatch({ type: 'pending_retry', conversationId, clientMsgId, queuedAt: nextPlace() });
      sender.pump();
    },
    [sender, dispatch],
  );

  return { sender, send, retry };
}
