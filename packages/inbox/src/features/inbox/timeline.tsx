import { useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TConversationDto, TMessageDto } from '@charla/protocol';
import { formatTimestamp } from '../../lib/format-time';
import { Icon } from '../../lib/icons';
import { MessageItem } from './message-item';
import { MentionedLine, NoteItem } from './note-item';
import type { PendingMessage, TypingState } from './inbox-state';
import { RichTextView } from './rich-text-view';
import { TimelineEvent } from './timeline-event';
import { sendFailureKey } from './send-failure';
import { dateTimeFormat } from '../../lib/intl-cache';

type Props = {
  conversation: TConversationDto;
  messages: TMessageDto[];
  pending: PendingMessage[];
  typing: TypingState | null;
  visitorLabel: string;
  onRetry: (clientMsgId: string) => void;
};

function dayKey(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
}

/** The whole conversation: bot transcript, chat, system events, pending sends and typing. */
export function Timeline({ conversation, messages, pending, typing, visitorLabel, onRetry }: Props) {
  const { t, i18n } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);
  const now = Date.now();

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el && stickToBottom.current) el.scrollTop = el.scrollHeight;
  }, [messages.length, pending.length, typing]);
  useEffect(() => {
    stickToBottom.current = true;
  }, [conversation.id]);

  const items: React.ReactNode[] = [];
  let previous: TMessageDto | null = null;
  for (const message of messages) {
    if (!previous || dayKey(previous.createdAt) !== dayKey(message.createdAt)) {
      items.push(
        <li key={`day-${message.seq}`} className="tl-day">
          <span>
            {dateTimeFormat(i18n.language, {
              weekday: 'long',
              day: 'numeric',
              month: 'long',
            }).format(new Date(message.createdAt))}
          </span>
        </li>,
      );
    }
    const time = formatTimestamp(message.createdAt, i18n.language, now);
    if (message.event?.type === 'note')
      items.push(<NoteItem key={message.id} message={message} time={time} />);
    else if (message.event?.type === 'mentioned')
      items.push(<MentionedLine key={message.id} event={message.event} time={time} />);
    else if (message.event) items.push(<TimelineEvent key={message.id} event={message.event} time={time} />);
    else if (message.author.kind === 'system') {
      items.push(
        <li key={message.id} className="tl-event">
          <span className="tl-event__line">
            <RichTextView doc={message.body} className="rich--inline" />
            <time className="tl-event__time">{time}</time>
          </span>
        </li>,
      );
    } else {
      const grouped =
        previous !== null &&
        previous.event === null &&
        previous.author.kind === message.author.kind &&
        previous.author.id === message.author.id &&
        message.createdAt - previous.createdAt < 5 * 60_000;
      items.push(
        <MessageItem
          key={message.id}
          message={message}
          time={time}
          showAuthor={!grouped}
          visitorLabel={visitorLabel}
          seen={message.author.kind === 'user' && conversation.visitorReadSeq >= message.seq}
        />,
      );
    }
    previous = message;
  }

  return (
    <div
      className="timeline"
      ref={scrollRef}
      onScroll={(e) => {
        const el = e.currentTarget;
        stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
      }}
      tabIndex={0}
      role="region"
      aria-label={t('timeline.scrollLabel')}
    >
      <div role="log" aria-live="polite" aria-relevant="additions" aria-label={t('timeline.label')}>
        <ol className="timeline__list" data-testid="timeline">
          {items}
          {pending.map((p) => (
            <li
              key={p.clientMsgId}
              className={`msg msg--out msg--user msg--pending ${p.state === 'failed' ? 'msg--failed' : ''}`}
              data-testid="message-pending"
            >
              <div className="msg__stack">
                <div className="msg__bubble">
                  <RichTextView doc={p.body} />
                </div>
                <span className="msg__time">
                  {p.state === 'sending' ? (
                    t('timeline.sending')
                  ) : (
                    <>
                      <Icon name="alert" size={12} /> {t(sendFailureKey(p.error))}{' '}
                      <button type="button" className="link-btn" onClick={() => onRetry(p.clientMsgId)}>
                        {t('common.retry')}
                      </button>
                    </>
                  )}
                </span>
              </div>
            </li>
          ))}
        </ol>
      </div>
      {typing && (
        <div className="typing" aria-live="off" data-testid="visitor-typing">
          <span className="typing__dots" aria-hidden="true">
            <i />
            <i />
            <i />
          </span>
          <span>
            {typing.preview
              ? t('timeline.typingPreview', { name: visitorLabel, preview: typing.preview })
              : t('timeline.typingName', { name: visitorLabel })}
          </span>
        </div>
      )}
    </div>
  );
}
