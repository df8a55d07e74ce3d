import { useEffect, useState, type MutableRefObject, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { TConversationDto, TFolder } from '@charla/protocol';
import { ApiError } from '../../lib/api-client';
import { focusRequestHere } from '../../lib/focus-request';
import { useRouter } from '../../lib/router';
import { useMe } from '../auth/session-context';
import type { ComposerHandle } from './composer';
import { useInboxActions } from './inbox-provider';
import { folderOf } from './inbox-state';

export type ConversationCommands = { assign: () => void; close: () => void; focusComposer: () => void };

type Translate = ReturnType<typeof useTranslation>['t'];

/** Who took the conversation, from the details of a 409 CONVERSATION_ALREADY_ASSIGNED. */
function assigneeName(details: unknown): string | null {
  const name = (details as { assignee?: { name?: unknown } } | undefined)?.assignee?.name;
  return typeof name === 'string' && name !== '' ? name : null;
}

/** What the user reads when taking, handing over or closing failed. */
export function actionErrorText(error: unknown, t: Translate): string {
  const code = error instanceof ApiError ? error.code : null;
  if (code === 'CONVERSATION_ALREADY_ASSIGNED') {
    const taker = error instanceof ApiError ? assigneeName(error.details) : null;
    return taker ? t('conversation.alreadyAssignedTo', { name: taker }) : t('conversation.alreadyAssigned');
  }
  if (code === 'CONVERSATION_NOT_FOUND') return t('conversation.notFoundText');
  if (code === 'CONVERSATION_CLOSED' || code === 'INVALID_TRANSITION')
    return t('conversation.changedMeanwhile');
  return t('errors.generic');
}

/**
 * Assign to me, hand over and close, with the busy state, the error shown above the thread, and
 * where each leads (my folder, the list, the Closed folder).
 */
export function useConversationCommands(deps: {
  conversation: TConversationDto | undefined;
  conversationId: string;
  folder: TFolder;
  composerRef: RefObject<ComposerHandle | null>;
  /** Filled with the keyboard shortcuts' commands (the page's `a`, `c` and `r`). */
  commandsRef: MutableRefObject<ConversationCommands | null>;
  onNotice: (notice: string | null) => void;
}) {
  const { conversation, conversationId, folder, composerRef, onNotice } = deps;
  const { t } = useTranslation();
  const me = useMe();
  const { navigate } = useRouter();
  const inbox = useInboxActions();
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [confirmClose, setConfirmClose] = useState(false);
  useEffect(() => {
    setActionError(null);
    setConfirmClose(false);
  }, [conversationId]);

  const run = async (action: () => Promise<TConversationDto>, onDone?: (c: TConversationDto) => void) => {
    setBusy(true);
    setActionError(null);
    try {
      onDone?.(await action());
    } catch (error) {
      const text = actionErrorText(error, t);
      if (error instanceof ApiError && error.code === 'CONVERSATION_ALREADY_ASSIGNED') onNotice(text);
      setActionError(text);
    } finally {
      setBusy(false);
    }
  };

  const assign = () => {
    // The reply box gets the keyboard once the chat is mine, unless the user has moved it meanwhile.
    const focusRequest = focusRequestHere();
    void run(
      () => inbox.assign(conversationId),
      (c) => {
        if (folderOf(c, me.id) === 'mine') navigate(`/inbox/mine/${c.id}`, { replace: true });
        setTimeout(() => composerRef.current?.focus(focusRequest), 50);
      },
    );
  };
  const reassign = (userId: string | null) =>
    void run(
      () => inbox.reassign(conversationId, userId),
      () => {
        if (userId !== me.id) navigate(`/inbox/${folder}`);
      },
    );
  const close = () =>
    void run(
      () => inbox.close(conversationId),
      (c) => navigate(`/inbox/closed/${c.id}`, { replace: true }),
    );

  deps.commandsRef.current = {
    assign: () => {
      if (conversation?.allowedActions.includes('assign')) assign();
    },
    close: () => {
      if (conversation?.allowedActions.includes('close')) setConfirmClose(true);
    },
    focusComposer: () => composerRef.current?.focus(),
  };

  return { busy, actionError, setActionError, assign, reassign, close, confirmClose, setConfirmClose };
}
