import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { estimateItemSize, type WindowItem } from './timeline-window';

/** Within this many px of the bottom the timeline counts as at the latest message and follows it. */
const AT_BOTTOM_PX = 48;
/** A scroll this soon after the user's wheel, touch, key or pointer is theirs. */
const USER_SCROLL_MS = 1000;
/** Older history is asked for once the first rendered item is this close to the top. */
const NEAR_TOP_ITEMS = 12;
/** Screen-reader announcements of additions start once the opening scroll has settled. */
const LIVE_AFTER_MS = 800;

/**
 * The windowed timeline (issue 25, @tanstack/react-virtual): only the items near the viewport are
 * in the DOM, each measured as it renders. It opens at the bottom, follows new messages while the
 * user is at the bottom, keeps the item in view still when older history is prepended (anchored
 * by key), asks for older history near the top, and keeps a focused item rendered.
 */
export function useTimelineWindow(deps: {
  items: readonly WindowItem[];
  scrollRef: RefObject<HTMLDivElement | null>;
  listRef: RefObject<HTMLOListElement | null>;
  /** Everything the scroller holds: the items, replies waiting to send, the typing line. */
  contentRef: RefObject<HTMLDivElement | null>;
  onNearTop: () => void;
}) {
  const { items, scrollRef, listRef, contentRef, onNearTop } = deps;
  const [scrollMargin, setScrollMargin] = useState(0);
  const [settled, setSettled] = useState(false);
  const focused = useRef<number | null>(null);
  const getItemKey = useCallback((index: number) => items[index]?.key ?? index, [items]);
  const estimateSize = useCallback(
    (index: number) => {
      const item = items[index];
      return item ? estimateItemSize(item) : 60;
    },
    [items],
  );
  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range);
    const keep = focused.current;
    if (keep === null || keep >= range.count || indexes.includes(keep)) return indexes;
    return [...indexes, keep].sort((a, b) => a - b);
  }, []);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    rangeExtractor,
    overscan: 6,
    scrollMargin,
    // Prepended history and items measured above the view keep the view still; following the
    // bottom is useBottomTracking's one rule.
    anchorTo: 'end',
    scrollEndThreshold: AT_BOTTOM_PX,
  });

  useLayoutEffect(() => {
    setScrollMargin(listRef.current?.offsetTop ?? 0);
    virtualizer.scrollToEnd();
    const timer = setTimeout(() => setSettled(true), LIVE_AFTER_MS);
    return () => clearTimeout(timer);
    // Once, on mounting: the timeline is keyed by conversation.
  }, []);

  const { atBottom, far, onScroll, wasAtBottom } = useBottomTracking(scrollRef, contentRef);

  const virtualItems = virtualizer.getVirtualItems();
  const firstIndex = virtualItems[0]?.index ?? 0;
  // Not while at the bottom: the first render, before the opening scroll, starts at the top.
  useEffect(() => {
    if (!atBottom && items.length > 0 && firstIndex < NEAR_TOP_ITEMS) onNearTop();
  }, [atBottom, firstIndex, items.length, onNearTop]);

  /** Back to the latest message, following it again (focus stays where it is). */
  const followLatest = useCallback(() => {
    virtualizer.scrollToEnd();
    wasAtBottom.current = true;
  }, [virtualizer]);

  const jumpToLatest = useCallback(() => {
    followLatest();
    scrollRef.current?.focus({ preventScroll: true });
  }, [followLatest, scrollRef]);

  const onFocusItem = useCallback((index: number | null) => {
    focused.current = index;
  }, []);

  return {
    virtualizer,
    virtualItems,
    atBottom,
    far,
    live: atBottom && settled,
    onScroll,
    followLatest,
    jumpToLatest,
    onFocusItem,
  };
}

/**
 * Where the user is: at the bottom (following), or more than a screen above it (the way back is
 * offered). One rule keeps the latest message in view while the user is at the bottom: whenever
 * the content changes size (a message, a reply waiting to send, the typing line, an item measured
 * taller than its estimate after the opening scroll) or the viewport does (the composer growing
 * with its text, the window), the scroller goes back to its end before the frame is painted. Only
 * the user leaves the bottom (wheel, touch, keys, the scrollbar): a scroll the page made itself
 * while following (the window's corrections as items are measured) is taken back.
 */
function useBottomTracking(
  scrollRef: RefObject<HTMLDivElement | null>,
  contentRef: RefObject<HTMLDivElement | null>,
) {
  const [atBottom, setAtBottom] = useState(true);
  const [far, setFar] = useState(false);
  const wasAtBottom = useRef(true);
  const userScrolledAt = useRef(0);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    const content = contentRef.current;
    if (!el || !content) return;
    const observer = new ResizeObserver(() => {
      if (wasAtBottom.current) el.scrollTop = el.scrollHeight;
    });
    observer.observe(el);
    observer.observe(content);
    const byUser = () => {
      userScrolledAt.current = performance.now();
    };
    const inputs = ['wheel', 'touchmove', 'pointerdown', 'keydown'] as const;
    for (const type of inputs) el.addEventListener(type, byUser, { passive: true });
    return () => {
      observer.disconnect();
      for (const type of inputs) el.removeEventListener(type, byUser);
    };
  }, [scrollRef, contentRef]);
  const onScroll = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    const distance = el.scrollHeight - el.scrollTop - el.clientHeight;
    const leftByUser = performance.now() - userScrolledAt.current < USER_SCROLL_MS;
    if (distance > AT_BOTTOM_PX && wasAtBottom.current && !leftByUser) {
      el.scrollTop = el.scrollHeight;
      return;
    }
    wasAtBottom.current = distance <= AT_BOTTOM_PX;
    setAtBottom(distance <= AT_BOTTOM_PX);
    setFar(distance > el.clientHeight);
  }, [scrollRef]);
  return { atBottom, far, onScroll, wasAtBottom };
}
