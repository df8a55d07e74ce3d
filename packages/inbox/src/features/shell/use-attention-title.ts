import { useEffect } from 'react';
import { useInbox } from '../inbox/inbox-provider';
import { attentionCount, titleWithCount } from './attention-count';

type BadgeNavigator = Navigator & {
  setAppBadge?: (count?: number) => Promise<void>;
  clearAppBadge?: () => Promise<void>;
};

/** Keeps "(n) Charla" in the tab title and n on the installed app's badge (issue 16). */
export function useAttentionTitle(): void {
  const { state } = useInbox();
  const count = attentionCount(state);
  useEffect(() => {
    const base = document.title.replace(/^\(\d+\+?\) /, '');
    document.title = titleWithCount(base, count);
    const nav = navigator as BadgeNavigator;
    // The Badging API exists only where the browser supports it (installed PWAs in Chromium).
    const badge = count > 0 ? nav.setAppBadge?.(count) : nav.clearAppBadge?.();
    badge?.catch(() => undefined);
  }, [count]);
}
