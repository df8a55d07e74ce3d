import { memo, useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFolder } from '@charla/protocol';
import { ConfirmDialog } from '../../components/dialog';
import { useRouter } from '../../lib/router';
import { useStableCallback } from '../../lib/use-stable-callback';
import { useInbox } from './inbox-provider';
import type { ComposerHandle } from './composer';
import { ConversationReply, replyDisabledReason } from './conversation-reply';
import { DropZone } from './files/drop-zone';
import { useFileDrop } from './files/use-file-drop';
import { ConversationHeader } from './conversation-header';
import { ConversationLabelsBar } from '../labels/conversation-labels-bar';
import { folderOf } from './inbox-state';
import { Timeline } from './timeline';
import { ConversationPlaceholder } from './conversation-placeholder';
import { useConversationCommands, type ConversationCommands } from './use-conversation-commands';
import { useMarkRead } from './use-mark-read';
import { visitorName } from './visitor-name';
import { useMe } from '../auth/session-context';
import { FollowUpByEmail } from '../email/conversation-mail-actions';

export type { ConversationCommands } from './use-conversation-commands';

type Props = {
  conversationId: string;
  folder: TFolder;
  panelOpen: boolean;
  onTogglePanel: () => void;
  commandsRef: React.MutableRefObject<ConversationCommands | null>;
  onNotice: (notice: string | null) => void;
  notice: string | null;
};

export function ConversationView(props: Props) {
  const { conversationId, folder, panelOpen, onTogglePanel, notice } = props;
  const { t } = useTranslation();
  const me = useMe();
  const { navigate } = useRouter();
  const inbox = useInbox();
  const { state } = inbox;
  const conversation = state.conversations[conversationId];
  const thread = state.threads[conversationId];
  const composerRef = useRef<ComposerHandle>(null);
  const commands = useConversationCommands({ ...props, conversation, composerRef });
  const { busy, actionError, setActionError, assign, reassign, close, confirmClose, setConfirmClose } =
    commands;
  const handlers = useStableHandlers({ assign, reassign, close, setConfirmClose });

  // Files dropped anywhere on the conversation go to the reply composer, when I may reply.
  const drop = useFileDrop(
    () => !!conversation && replyDisabledReason(conversation, t) === null && !!composerRef.current?.addFiles,
    (files) => composerRef.current?.addFiles?.(files),
  );
  const { openThread, markRead, loadOlder: loadOlderOf } = inbox;
  const loadOlder = useCallback(() => loadOlderOf(conversationId), [loadOlderOf, conversationId]);
  useEffect(() => openThread(conversationId), [openThread, conversationId]);

  const lastSeq = thread?.messages[thread.messages.length - 1]?.seq ?? 0;
  useMarkRead({ conversation, lastSeq, meId: me.id, markRead });

  if (state.removed[conversationId] || thread?.status === 'not_found')
    return <ConversationPlaceholder kind="not_found" notice={notice} />;
  if (!conversation || !thread || thread.status === 'loading')
    return <ConversationPlaceholder kind="loading" />;
  if (thread.status === 'error')
    return <ConversationPlaceholder kind="error" onRetry={() => openThread(conversationId)} />;

  const name = visitorName(conversation.visitor, t);
  const typing = state.typing[conversationId];

  return (
    <section
      className="conv-view"
      aria-label={t('conversation.labelWith', { name })}
      data-testid="conversation-view"
      {...drop.handlers}
    >
      {drop.dragging && <DropZone />}
      <ConversationHeader
        conversation={conversation}
        name={name}
        backTo={`/inbox/${folder}`}
        busy={busy}
        panelOpen={panelOpen}
        onAssign={handlers.assign}
        onReassign={handlers.reassign}
        onClose={handlers.askClose}
        onTogglePanel={onTogglePanel}
      />
      <ConversationLabelsBar conversation={conversation} />
      {actionError && <ActionError text={actionError} onDismiss={() => setActionError(null)} />}
      <Timeline
        key={conversationId}
        conversation={conversation}
        messages={thread.messages}
        older={thread.older}
        onLoadOlder={loadOlder}
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
      <ConversationReply conversation={conversation} composerRef={composerRef} />
      <CloseDialog
        open={confirmClose}
        name={name}
        busy={busy}
        onCancel={handlers.cancelClose}
        onConfirm={handlers.close}
      />
    </section>
  );
}

/** The commands, stable so the memoized header and dialog do not render at every message (issue 25). */
function useStableHandlers(commands: {
  assign: () => void;
  reassign: (userId: string | null) => void;
  close: () => void;
  setConfirmClose: (open: boolean) => void;
}) {
  const { setConfirmClose } = commands;
  return {
    assign: useStableCallback(commands.assign),
    reassign: useStableCallback(commands.reassign),
    close: useStableCallback(commands.close),
    askClose: useStableCallback(() => setConfirmClose(true)),
    cancelClose: useStableCallback(() => setConfirmClose(false)),
  };
}

function ActionError({ text, onDismiss }: { text: string; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert--error" role="alert" data-testid="action-error">
      {text}
      <button
        type="button"
        className="icon-btn icon-btn--sm"
        aria-label={t('common.dismiss')}
        onClick={onDismiss}
      >
        ×
      </button>
    </div>
  );
}

const CloseDialog = memo(function CloseDialog(props: {
  open: boolean;
  name: string;
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      open={props.open}
      title={t('conversation.closeTitle')}
      confirmLabel={t('conversation.closeConfirm')}
      onCancel={props.onCancel}
      onConfirm={props.onConfirm}
      testId="confirm-close"
      busy={props.busy}
    >
      <p>{t('conversation.closeText', { name: props.name })}</p>
    </ConfirmDialog>
  );
});
