import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TMessageDto } from '@charla/protocol';
import { Avatar } from '../../components/avatar';
import { isRichTextEmpty } from '../../lib/rich-text';
import { MessageAttachments } from './files/message-attachments';
import { RichTextView } from './rich-text-view';

type Props = { message: TMessageDto; time: string; showAuthor: boolean; visitorLabel: string; seen: boolean };

/**
 * A chat bubble: visitor on the left, bot (muted) on the left, users on the right. Memoised: the
 * timeline hands an unchanged message equal props (timeline-rows.ts), so it renders once.
 */
export const MessageItem = memo(function MessageItem({
  message,
  time,
  showAuthor,
  visitorLabel,
  seen,
}: Props) {
  const { t } = useTranslation();
  const kind = message.author.kind;
  const name = kind === 'visitor' ? visitorLabel : message.author.name;
  const side = kind === 'user' ? 'out' : 'in';
  const files = message.attachments;
  // Files sent without a caption show no empty bubble (issue 17).
  const bubble =
    files.length === 0 || !isRichTextEmpty(message.body) || message.interaction?.kind === 'buttons';
  return (
    <div
      className={`msg msg--${side} msg--${kind} ${message.isError ? 'msg--error' : ''} ${showAuthor ? 'msg--first' : ''}`}
      data-testid={`message-${kind}`}
    >
      {side === 'in' && (
        <span className="msg__avatar">
          {showAuthor && (
            <Avatar name={name} url={message.author.avatarUrl} seed={message.author.id ?? name} size={28} />
          )}
        </span>
      )}
      <div className="msg__stack">
        {showAuthor && (
          <span className="msg__author">
            <bdi>{name}</bdi>
            {kind === 'bot' && <span className="badge badge--muted">{t('timeline.bot')}</span>}
          </span>
        )}
        {files.length > 0 && (
          <MessageAttachments conversationId={message.conversationId} attachments={files} />
        )}
        {bubble && (
          <div className="msg__bubble">
            <RichTextView doc={message.body} />
            {message.interaction?.kind === 'buttons' && (
              <ul className="msg__options" aria-label={t('timeline.offeredOptions')}>
                {message.interaction.options.map((option) => (
                  <li key={option.id} className="chip">
                    {option.label}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        <span className="msg__time">
          <time>{time}</time>
          {side === 'out' && seen && <span className="msg__seen"> · {t('timeline.seen')}</span>}
        </span>
      </div>
    </div>
  );
});
