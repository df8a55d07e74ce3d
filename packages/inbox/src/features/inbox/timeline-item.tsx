import { memo } from 'react';
import type { TMessageDto } from '@charla/protocol';
import { MessageItem } from './message-item';
import { MentionedLine, NoteItem } from './note-item';
import { RichTextView } from './rich-text-view';
import { TimelineEvent } from './timeline-event';
import type { WindowItem } from './timeline-window';

const DaySeparator = memo(function DaySeparator({ label }: { label: string }) {
  return (
    <div className="tl-day">
      <span>{label}</span>
    </div>
  );
});

const SystemLine = memo(function SystemLine({ message, time }: { message: TMessageDto; time: string }) {
  return (
    <div className="tl-event">
      <span className="tl-event__line">
        <RichTextView doc={message.body} className="rich--inline" />
        <time className="tl-event__time">{time}</time>
      </span>
    </div>
  );
});

function RowContent({ row, visitorLabel }: { row: WindowItem['row']; visitorLabel: string }) {
  switch (row.kind) {
    case 'note':
      return <NoteItem message={row.message} time={row.time} />;
    case 'mentioned':
      return row.message.event?.type === 'mentioned' ? (
        <MentionedLine event={row.message.event} time={row.time} />
      ) : null;
    case 'event':
      return row.message.event ? <TimelineEvent event={row.message.event} time={row.time} /> : null;
    case 'system':
      return <SystemLine message={row.message} time={row.time} />;
    case 'message':
      return (
        <MessageItem
          message={row.message}
          time={row.time}
          showAuthor={row.showAuthor}
          visitorLabel={visitorLabel}
          seen={row.seen}
        />
      );
  }
}

/** One item's content: its day separator when it opens a day, then the message, note or event. */
export function TimelineItemContent({ item, visitorLabel }: { item: WindowItem; visitorLabel: string }) {
  return (
    <>
      {item.day && <DaySeparator label={item.day.label} />}
      <RowContent row={item.row} visitorLabel={visitorLabel} />
    </>
  );
}
