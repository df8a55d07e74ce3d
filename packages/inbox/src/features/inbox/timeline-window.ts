import type { TMessageDto } from '@charla/protocol';
import type { TimelineRow } from './timeline-rows';

type DayRow = Extract<TimelineRow, { kind: 'day' }>;
type ContentRow = Exclude<TimelineRow, DayRow>;

/**
 * One item of the windowed timeline (issue 25): a message, note or event row, with the day
 * separator that precedes it when it opens a day. Keyed by the message alone, so a separator that
 * moves when older history is prepended never takes the item's place as the scroll anchor.
 */
export type WindowItem = { key: string; day: DayRow | null; row: ContentRow };

/** Groups the timeline's rows into items: each day separator joins the row after it. */
export function windowItems(rows: readonly TimelineRow[]): WindowItem[] {
  const items: WindowItem[] = [];
  let day: DayRow | null = null;
  for (const row of rows) {
    if (row.kind === 'day') day = row;
    else {
      items.push({ key: row.key, day, row });
      day = null;
    }
  }
  return items;
}

/** A first guess at an item's height in px before it is measured (then its real height is kept). */
export function estimateItemSize(item: WindowItem): number {
  const day = item.day ? 44 : 0;
  switch (item.row.kind) {
    case 'message':
      return day + (item.row.showAuthor ? 78 : 52);
    case 'note':
      return day + 96;
    default:
      return day + 40;
  }
}

/**
 * Messages that count as new for the "new messages" button: anything but internal events and
 * what the user reading wrote themselves.
 */
function countsAsNew(message: TMessageDto, meId: string): boolean {
  if (message.author.kind === 'user' && message.author.id === meId) return false;
  return message.event === null || message.event.type === 'note';
}

/**
 * How many new messages for user `meId` came after `seq` (scanning from the end: the thread is in
 * seq order).
 */
export function newMessagesAfter(messages: readonly TMessageDto[], seq: number, meId: string): number {
  let count = 0;
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const message = messages[i];
    if (!message || message.seq <= seq) break;
    if (countsAsNew(message, meId)) count += 1;
  }
  return count;
}
