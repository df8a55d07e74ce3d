import { useEffect, useRef } from 'react';
import { useInbox } from '../inbox/inbox-provider';
import { attentionCount, titleWithCount } from './attention-count';

const SETTLE_MS = 300;

type BadgeNavigator = Navigator & {
  setAppBadge?: (count?: number) => Promise<void>;
  clearAppBadge?: () => Promise<void>;
};

/**
 * Keeps "(n) Charla" in the tab title and n on the installed app's badge (issue 16). A component
 * of its own, rendering nothing: it reads the inbox state, so it renders at every message, and
 * the shell around it does not (issue 25).
 */
export function AttentionTitle(): null {
  const { state } = useInbox();
  const count = attentionCount(state);
  const shown = useRef(0);
  useEffect(() => {
    // A message in the open chat counts for a moment, until it is read: the title and the badge
    // change once the count has settled, not twice per message (issue 25).
    const timer = setTimeout(() => {
      if (count === shown.current) return;
      shown.current = count;
      const base = document.title.replace(/^\(\d+\+?\) /, '');
      document.title = titleWithCount(base, count);
      const nav = navigator as BadgeNavigator;
      // The Badging API exists only where the browser supports it (installed PWAs in Chromium).
      const badge = count > 0 ? nav.setAppBadge?.(count) : nav.clearAppBadge?.();
      badge?.catch(() => undefined);
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [count]);
  return null;
}
