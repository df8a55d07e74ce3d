import type { TMessageDto } from '@charla/protocol';

/**
 * One row of the timeline with everything derived from its neighbours and the conversation
 * already computed, so an unchanged message yields equal props on every render and its
 * memoised row skips (issue 25: long conversations re-rendered every row on each arrival).
 */
export type TimelineRow =
  | { kind: 'day'; key: string; label: string }
  | { kind: 'note' | 'mentioned' | 'event' | 'system'; key: string; message: TMessageDto; time: string }
  | {
      kind: 'message';
      key: string;
      message: TMessageDto;
      time: string;
      /** False when the bubble continues the same author's run (previous row by them, under 5 minutes). */
      showAuthor: boolean;
      /** A user's message the visitor has read. */
      seen: boolean;
    };

export type RowFormatters = {
  /** The time shown on a row ("14:05", "12 Mar, 14:05"). */
  time: (at: number) => string;
  /** The day separator's text ("Tuesday, 3 March"). */
  day: (at: number) => string;
};

/** Consecutive messages of one author closer than this share one author line. */
export const GROUP_WINDOW_MS = 5 * 60_000;

/** The local calendar day of a timestamp, as a comparable key. */
export function dayKey(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
}

function continuesRun(previous: TMessageDto | null, message: TMessageDto): boolean {
  return (
    previous !== null &&
    previous.event === null &&
    previous.author.kind === message.author.kind &&
    previous.author.id === message.author.id &&
    message.createdAt - previous.createdAt < GROUP_WINDOW_MS
  );
}

function rowKind(message: TMessageDto): Exclude<TimelineRow['kind'], 'day'> {
  if (message.event?.type === 'note') return 'note';
  if (message.event?.type === 'mentioned') return 'mentioned';
  if (message.event) return 'event';
  return message.author.kind === 'system' ? 'system' : 'message';
}

/** The rows of a timeline: a day separator before each new local day, then one row per message. */
export function buildTimelineRows(
  messages: readonly TMessageDto[],
  visitorReadSeq: number,
  format: RowFormatters,
): TimelineRow[] {
  const rows: TimelineRow[] = [];
  let previous: TMessageDto | null = null;
  let previousDay = '';
  for (const message of messages) {
    const day = dayKey(message.createdAt);
    if (previous === null || day !== previousDay)
      rows.push({ kind: 'day', key: `day-${message.seq}`, label: format.day(message.createdAt) });
    const time = format.time(message.createdAt);
    const kind = rowKind(message);
    if (kind === 'message') {
      rows.push({
        kind,
        key: message.id,
        message,
        time,
        showAuthor: !continuesRun(previous, message),
        seen: message.author.kind === 'user' && visitorReadSeq >= message.seq,
      });
    } else rows.push({ kind, key: message.id, message, time });
    previous = message;
    previousDay = day;
  }
  return rows;
}

/** Wraps a formatter so each distinct timestamp is formatted once (Intl calls dominate long threads). */
export function cachedFormat(format: (at: number) => string): (at: number) => string {
  const cache = new Map<number, string>();
  return (at) => {
    let text = cache.get(at);
    if (text === undefined) cache.set(at, (text = format(at)));
    return text;
  };
}
