import { useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { TConversationDto, TMessageDto } from '@charla/protocol';
import { formatTimestamp } from '../../lib/format-time';
import type { PendingMessage, ThreadState, TypingState } from './inbox-state';
import { PendingMessageItem } from './pending-message';
import { dateTimeFormat } from '../../lib/intl-cache';
import { buildTimelineRows, cachedFormat, type RowFormatters } from './timeline-rows';
import { newMessagesAfter, windowItems, type WindowItem } from './timeline-window';
import { TimelineItemContent } from './timeline-item';
import { JumpToLatest, OlderHistoryStatus } from './timeline-overlays';
import { useTimelineWindow } from './use-timeline-window';
import { useMe } from '../auth/session-context';

type Props = {
  conversation: TConversationDto;
  messages: TMessageDto[];
  older: ThreadState['older'];
  onLoadOlder: () => void;
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

/** The items of the timeline, derived once per change of messages, read receipt or language. */
function useTimelineItems(messages: TMessageDto[], visitorReadSeq: number) {
  const { i18n } = useTranslation();
  // Formatting is cached per language and calendar day (times of today's messages read "14:05",
  // older ones carry their date), so unchanged messages keep the very same strings.
  const language = i18n.language;
  const today = new Date().setHours(0, 0, 0, 0);
  const format = useMemo(() => rowFormatters(language, today), [language, today]);
  return useMemo(
    () => windowItems(buildTimelineRows(messages, visitorReadSeq, format)),
    [messages, visitorReadSeq, format],
  );
}

/**
 * The conversation: bot transcript, chat, notes, system events, pending sends and typing. Only
 * the items near the viewport are rendered (issue 25); older history pages in near the top.
 * Keyed by conversation by its parent.
 */
export function Timeline(props: Props) {
  const { conversation, messages, older, onLoadOlder, pending, typing, visitorLabel, onRetry } = props;
  const { t } = useTranslation();
  // The user reading: their own messages are never "new" to them.
  const meId = useMe().id;
  const scrollRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const items = useTimelineItems(messages, conversation.visitorReadSeq);
  const lastSeq = messages[messages.length - 1]?.seq ?? 0;
  const win = useTimelineWindow({
    items,
    scrollRef,
    listRef,
    contentRef,
    onNearTop: older === 'more' ? onLoadOlder : noop,
  });
  // The last message held when the user left the bottom: what came after is "new".
  const [leftAtSeq, setLeftAtSeq] = useState(lastSeq);
  if (win.atBottom && leftAtSeq !== lastSeq) setLeftAtSeq(lastSeq);
  const newCount = win.atBottom ? 0 : newMessagesAfter(messages, leftAtSeq, meId);
  useFollowOwnSends(pending, win.followLatest);

  return (
    <div className="timeline-wrap">
      {(older === 'loading' || older === 'error') && (
        <OlderHistoryStatus older={older} onRetry={onLoadOlder} />
      )}
      <div
        className="timeline"
        ref={scrollRef}
        onScroll={win.onScroll}
        tabIndex={0}
        role="region"
        aria-label={t('timeline.scrollLabel')}
      >
        <div ref={contentRef}>
          {/* Additions are announced only at the bottom, where they are new messages, not rows
              the window renders while scrolling (the "new messages" button speaks for those). */}
          <div
            role="log"
            aria-live={win.live ? 'polite' : 'off'}
            aria-relevant="additions"
            aria-label={t('timeline.label')}
          >
            <WindowList
              listRef={listRef}
              items={items}
              win={win}
              pending={pending}
              visitorLabel={visitorLabel}
              onRetry={onRetry}
            />
          </div>
          {typing && <TypingLine typing={typing} visitorLabel={visitorLabel} />}
        </div>
      </div>
      <JumpToLatest
        show={!win.atBottom && (newCount > 0 || win.far)}
        newCount={newCount}
        onJump={win.jumpToLatest}
      />
    </div>
  );
}

function noop() {}

/**
 * A reply or note the user sends brings the thread back to its latest message, where it appears,
 * even if they had scrolled up to read: a send that lands out of sight looks like one that failed.
 */
function useFollowOwnSends(pending: readonly PendingMessage[], followLatest: () => void) {
  const seen = useRef(new Set(pending.map((p) => p.clientMsgId)));
  useLayoutEffect(() => {
    const ids = new Set(pending.map((p) => p.clientMsgId));
    const sent = [...ids].some((id) => !seen.current.has(id));
    seen.current = ids;
    if (sent) followLatest();
  }, [pending, followLatest]);
}

/** The rendered window: spacers stand for the items above and below it, then pending replies. */
function WindowList(props: {
  listRef: RefObject<HTMLOListElement | null>;
  items: readonly WindowItem[];
  win: ReturnType<typeof useTimelineWindow>;
  pending: PendingMessage[];
  visitorLabel: string;
  onRetry: (clientMsgId: string) => void;
}) {
  const { listRef, items, win, pending, visitorLabel, onRetry } = props;
  const { virtualItems, virtualizer } = win;
  const first = virtualItems[0];
  const last = virtualItems[virtualItems.length - 1];
  const margin = virtualizer.options.scrollMargin;
  const padTop = first ? first.start - margin : 0;
  const padBottom = last ? Math.max(0, virtualizer.getTotalSize() - (last.end - margin)) : 0;
  return (
    <ol
      className="timeline__list"
      data-testid="timeline"
      ref={listRef}
      style={{ paddingTop: padTop, paddingBottom: padBottom }}
    >
      {virtualItems.map((v) => {
        const item = items[v.index];
        return item ? (
          <li
            key={v.key}
            className="tl-row"
            data-index={v.index}
            ref={virtualizer.measureElement}
            onFocus={() => win.onFocusItem(v.index)}
            onBlur={() => win.onFocusItem(null)}
          >
            <TimelineItemContent item={item} visitorLabel={visitorLabel} />
          </li>
        ) : null;
      })}
      {pending.map((p) => (
        <li key={p.clientMsgId} className="tl-row">
          <PendingMessageItem pending={p} onRetry={onRetry} />
        </li>
      ))}
    </ol>
  );
}

function TypingLine({ typing, visitorLabel }: { typing: TypingState; visitorLabel: string }) {
  const { t } = useTranslation();
  return (
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
  );
}
