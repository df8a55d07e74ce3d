import { memo, useEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { isMentionedReaderOnly, type TConversationDto } from '@charla/protocol';
import { useMe } from '../auth/session-context';
import { Composer, type ComposerHandle } from './composer';
import { useInboxActions } from './inbox-provider';
import { visibilityOf } from './inbox-state';
import { sameApartFromActivity } from './conversation-activity';
import { ComposerModes, NoteComposer } from './note-composer';

type Translate = ReturnType<typeof useTranslation>['t'];

/** Why the reply box is off: the chat is closed, or it is not mine (yet); null when I may reply. */
export function replyDisabledReason(conversation: TConversationDto, t: Translate): string | null {
  if (conversation.status === 'closed') return t('conversation.closedNoReply');
  if (conversation.allowedActions.includes('send')) return null;
  return conversation.allowedActions.includes('assign')
    ? t('conversation.assignToReply')
    : t('conversation.cannotReply');
}

type ReplyProps = { conversation: TConversationDto; composerRef: RefObject<ComposerHandle | null> };

/**
 * Under the thread: the reply or private-note composer (R29: a mentioned reader only adds notes).
 * Not rendered again at every message (issue 25): only when the conversation changes beyond it.
 */
export const ConversationReply = memo(
  ConversationReplyView,
  (before, after) =>
    before.composerRef === after.composerRef &&
    sameApartFromActivity(before.conversation, after.conversation),
);

function ConversationReplyView({ conversation, composerRef }: ReplyProps) {
  const { t } = useTranslation();
  const me = useMe();
  const inbox = useInboxActions();
  const [mode, setMode] = useState<'reply' | 'note'>('reply');
  const conversationId = conversation.id;
  useEffect(() => setMode('reply'), [conversationId]);
  // Mentioned in a note of someone else's chat (R29): read it and add notes, nothing more.
  const mentionedOnly = isMentionedReaderOnly(visibilityOf(conversation), me.id);
  return (
    <>
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
          onSend={(body, attachments) => inbox.send(conversationId, body, attachments)}
          onTyping={(active) => inbox.typing(conversationId, active)}
          disabledReason={replyDisabledReason(conversation, t)}
        />
      )}
    </>
  );
}
