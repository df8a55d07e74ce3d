import { memo, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TConversationDto, TMessageDto } from '@charla/protocol';
import { formatTimestamp } from '../../lib/format-time';
import { MessageItem } from './message-item';
import { MentionedLine, NoteItem } from './note-item';
import type { PendingMessage, TypingState } from './inbox-state';
import { RichTextView } from './rich-text-view';
import { TimelineEvent } from './timeline-event';
import { PendingMessageItem } from './pending-message';
import { dateTimeFormat } from '../../lib/intl-cache';
import { buildTimelineRows, cachedFormat, type RowFormatters, type TimelineRow } from './timeline-rows';

type Props = {
  conversation: TConversationDto;
  messages: TMessageDto[];
  pending: PendingMessage[];
  typing: TypingState | null;
  visitorLabel: string;
  onRetry: (clientMsgId: string) => void;
};

/** `today` is the start of the local day: formatTimestamp only compares calendar days and years. */
function rowFormatters(language: string, today: number): RowFormatters {
  const now = today;
  return {
    time: cachedFormat((at) => formatTimestamp(at, language, now)),
    day: cachedFormat((at) =>
      dateTimeFormat(language, { weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(at)),
    ),
  };
}

const DaySeparator = memo(function DaySeparator({ label }: { label: string }) {
  return (
    <li className="tl-day">
      <span>{label}</span>
    </li>
  );
});

const SystemLine = memo(function SystemLine({ message, time }: { message: TMessageDto; time: string }) {
  return (
    <li className="tl-event">
      <span className="tl-event__line">
        <RichTextView doc={message.body} className="rich--inline" />
        <time className="tl-event__time">{time}</time>
      </span>
    </li>
  );
});

function renderRow(row: TimelineRow, visitorLabel: string): React.ReactNode {
  switch (row.kind) {
    case 'day':
      return <DaySeparator key={row.key} label={row.label} />;
    case 'note':
      return <NoteItem key={row.key} message={row.message} time={row.time} />;
    case 'mentioned':
      return row.message.event?.type === 'mentioned' ? (
        <MentionedLine key={row.key} event={row.message.event} time={row.time} />
      ) : null;
    case 'event':
      return row.message.event ? (
        <TimelineEvent key={row.key} event={row.message.event} time={row.time} />
      ) : null;
    case 'system':
      return <SystemLine key={row.key} message={row.message} time={row.time} />;
    case 'message':
      return (
        <MessageItem
          key={row.key}
          message={row.message}
          time={row.time}
          showAuthor={row.showAuthor}
          visitorLabel={visitorLabel}
          seen={row.seen}
        />
      );
  }
}

/** The whole conversation: bot transcript, chat, system events, pending sends and typing. */
export function Timeline({ conversation, messages, pending, typing, visitorLabel, onRetry }: Props) {
  const { t, i18n } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el && stickToBottom.current) el.scrollTop = el.scrollHeight;
  }, [messages.length, pending.length, typing]);
  useEffect(() => {
    stickToBottom.current = true;
  }, [conversation.id]);

  // Formatting is cached per language and calendar day (times of today's messages read "14:05",
  // older ones carry their date), so unchanged messages keep the very same strings.
  const language = i18n.language;
  const today = new Date().setHours(0, 0, 0, 0);
  const format = useMemo(() => rowFormatters(language, today), [language, today]);
  const rows = useMemo(
    () => buildTimelineRows(messages, conversation.visitorReadSeq, format),
    [messages, conversation.visitorReadSeq, format],
  );
  // Same rows → same elements: React skips the whole list when only typing or pending changed.
  const items = useMemo(() => rows.map((row) => renderRow(row, visitorLabel)), [rows, visitorLabel]);

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
            <PendingMessageItem key={p.clientMsgId} pending={p} onRetry={onRetry} />
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
