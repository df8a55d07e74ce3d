import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isMentionedReaderOnly, type TConversationDto, type TFolder } from '@charla/protocol';
import { ConfirmDialog } from '../../components/dialog';
import { EmptyState, Spinner } from '../../components/empty-state';
import { ApiError } from '../../lib/api-client';
import { useRouter } from '../../lib/router';
import { useInbox } from './inbox-provider';
import { Composer, type ComposerHandle } from './composer';
import { ComposerModes, NoteComposer } from './note-composer';
import { ConversationHeader } from './conversation-header';
import { ConversationLabelsBar } from '../labels/conversation-labels-bar';
import { folderOf, visibilityOf } from './inbox-state';
import { Timeline } from './timeline';
import { visitorName } from './visitor-name';
import { useMe } from '../auth/session-context';
import { FollowUpByEmail } from '../email/conversation-mail-actions';

export type ConversationCommands = { assign: () => void; close: () => void; focusComposer: () => void };

type Props = {
  conversationId: string;
  folder: TFolder;
  panelOpen: boolean;
  onTogglePanel: () => void;
  commandsRef: React.MutableRefObject<ConversationCommands | null>;
  onNotice: (notice: string | null) => void;
  notice: string | null;
};

export function ConversationView({
  conversationId,
  folder,
  panelOpen,
  onTogglePanel,
  commandsRef,
  onNotice,
  notice,
}: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const { navigate } = useRouter();
  const inbox = useInbox();
  const { state } = inbox;
  const conversation = state.conversations[conversationId];
  const thread = state.threads[conversationId];
  const [busy, setBusy] = useState(false);
  const [confirmClose, setConfirmClose] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const composerRef = useRef<ComposerHandle>(null);
  const [mode, setMode] = useState<'reply' | 'note'>('reply');

  const { openThread, markRead } = inbox;
  useEffect(() => openThread(conversationId), [openThread, conversationId]);
  useEffect(() => {
    setActionError(null);
    setConfirmClose(false);
    setMode('reply');
  }, [conversationId]);

  // Reading is telling the server what I have seen while the tab is visible.
  const lastSeq = thread?.messages[thread.messages.length - 1]?.seq ?? 0;
  useEffect(() => {
    if (!conversation || lastSeq === 0 || lastSeq <= conversation.userReadSeq) return;
    if (conversation.assignee?.id !== me.id) return;
    const mark = () => {
      if (document.visibilityState === 'visible') markRead(conversationId, lastSeq);
    };
    mark();
    document.addEventListener('visibilitychange', mark);
    return () => document.removeEventListener('visibilitychange', mark);
  }, [conversation, conversationId, lastSeq, markRead, me.id]);

  const run = async (action: () => Promise<TConversationDto>, onDone?: (c: TConversationDto) => void) => {
    setBusy(true);
    setActionError(null);
    try {
      const updated = await action();
      onDone?.(updated);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONVERSATION_ALREADY_ASSIGNED') {
        const taker = assigneeName(error.details);
        const text = taker
          ? t('conversation.alreadyAssignedTo', { name: taker })
          : t('conversation.alreadyAssigned');
        onNotice(text);
        setActionError(text);
      } else if (error instanceof ApiError && error.code === 'CONVERSATION_NOT_FOUND')
        setActionError(t('conversation.notFoundText'));
      else if (
        error instanceof ApiError &&
        (error.code === 'CONVERSATION_CLOSED' || error.code === 'INVALID_TRANSITION')
      )
        setActionError(t('conversation.changedMeanwhile'));
      else setActionError(t('errors.generic'));
    } finally {
      setBusy(false);
    }
  };

  const assign = () =>
    void run(
      () => inbox.assign(conversationId),
      (c) => {
        if (folderOf(c, me.id) === 'mine') navigate(`/inbox/mine/${c.id}`, { replace: true });
        setTimeout(() => composerRef.current?.focus(), 50);
      },
    );
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

  commandsRef.current = {
    assign: () => {
      if (conversation?.allowedActions.includes('assign')) assign();
    },
    close: () => {
      if (conversation?.allowedActions.includes('close')) setConfirmClose(true);
    },
    focusComposer: () => composerRef.current?.focus(),
  };

  if (state.removed[conversationId] || thread?.status === 'not_found') {
    return (
      <section
        className="conv-view conv-view--empty"
        aria-label={t('conversation.label')}
        data-testid="conversation-not-found"
      >
        <EmptyState icon="alert" title={t('conversation.notFound')}>
          {notice ?? t('conversation.notFoundText')}
        </EmptyState>
      </section>
    );
  }
  if (!conversation || !thread || thread.status === 'loading') {
    return (
      <section className="conv-view conv-view--empty" aria-label={t('conversation.label')}>
        <Spinner label={t('common.loading')} />
      </section>
    );
  }
  if (thread.status === 'error') {
    return (
      <section className="conv-view conv-view--empty" aria-label={t('conversation.label')}>
        <EmptyState
          icon="alert"
          title={t('conversation.loadError')}
          action={
            <button type="button" className="btn btn--sm" onClick={() => openThread(conversationId)}>
              {t('common.retry')}
            </button>
          }
        />
      </section>
    );
  }

  const name = visitorName(conversation.visitor, t);
  const typing = state.typing[conversationId];
  let disabledReason: string | null = null;
  if (conversation.status === 'closed') disabledReason = t('conversation.closedNoReply');
  else if (!conversation.allowedActions.includes('send'))
    disabledReason = conversation.allowedActions.includes('assign')
      ? t('conversation.assignToReply')
      : t('conversation.cannotReply');

  // Mentioned in a note of someone else's chat (R29): read it and add notes, nothing more.
  const mentionedOnly = isMentionedReaderOnly(visibilityOf(conversation), me.id);

  return (
    <section
      className="conv-view"
      aria-label={t('conversation.labelWith', { name })}
      data-testid="conversation-view"
    >
      <ConversationHeader
        conversation={conversation}
        name={name}
        backTo={`/inbox/${folder}`}
        busy={busy}
        panelOpen={panelOpen}
        onAssign={assign}
        onReassign={reassign}
        onClose={() => setConfirmClose(true)}
        onTogglePanel={onTogglePanel}
      />
      <ConversationLabelsBar conversation={conversation} />
      {actionError && (
        <div className="alert alert--error" role="alert" data-testid="action-error">
          {actionError}
          <button
            type="button"
            className="icon-btn icon-btn--sm"
            aria-label={t('common.dismiss')}
            onClick={() => setActionError(null)}
          >
            ×
          </button>
        </div>
      )}
      <Timeline
        conversation={conversation}
        messages={thread.messages}
        pending={state.pending[conversationId] ?? []}
        typing={typing && typing.until > Date.now() ? typing : null}
        visitorLabel={name}
        onRetry={(id) => inbox.retry(conversationId, id)}
      />
      {conversation.status === 'closed' && (
        <FollowUpByEmail
          conversation={conversation}
          onStarted={(started) => navigate(`/inbox/${folderOf(started, me.id)}/${started.id}`)}
        />
      )}
      {mentionedOnly && (
        <p className="note__readonly" data-testid="mention-read-only">
          {t('notes.readOnly')}
        </p>
      )}
      <ComposerModes mode={mode} onChange={setMode} />
      {mode === 'note' ? (
        <NoteComposer ref={composerRef} conversationId={conversationId} meId={me.id} />
      ) : (
        <Composer
          ref={composerRef}
          conversationId={conversationId}
          onSend={(body) => inbox.send(conversationId, body)}
          onTyping={(active) => inbox.typing(conversationId, active)}
          disabledReason={disabledReason}
        />
      )}
      <ConfirmDialog
        open={confirmClose}
        title={t('conversation.closeTitle')}
        confirmLabel={t('conversation.closeConfirm')}
        onCancel={() => setConfirmClose(false)}
        onConfirm={() => {
          close();
        }}
        testId="confirm-close"
        busy={busy}
      >
        <p>{t('conversation.closeText', { name })}</p>
      </ConfirmDialog>
    </section>
  );
}

/** Who took the conversation, from the details of a 409 CONVERSATION_ALREADY_ASSIGNED. */
function assigneeName(details: unknown): string | null {
  const name = (details as { assignee?: { name?: unknown } } | undefined)?.assignee?.name;
  return typeof name === 'string' && name !== '' ? name : null;
}
