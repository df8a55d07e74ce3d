import type { TMessageDto } from '@charla/protocol';
import { toPlainText } from '../lib/protocol-runtime';
import { h } from './dom';

/**
 * A visually hidden live region that reads out each new incoming message once. History loaded on
 * open is not read out; only what arrives while the visitor is here.
 */
export function createAnnouncer(describeEvent: (message: TMessageDto) => string | null) {
  const el = h('div', { class: 'sr', 'aria-live': 'polite', 'aria-atomic': 'false' });
  let announcedSeq = -1;
  return {
    el,
    render(visible: TMessageDto[]): void {
      const last = visible.at(-1)?.seq ?? 0;
      if (announcedSeq < 0) {
        announcedSeq = last;
        return;
      }
      for (const message of visible) {
        if (message.seq <= announcedSeq || message.author.kind === 'visitor') continue;
        const text = message.event
          ? describeEvent(message)
          : `${message.author.name}: ${toPlainText(message.body)}`;
        if (text) el.append(h('p', {}, text));
      }
      announcedSeq = Math.max(announcedSeq, last);
      // Keep the region short; screen readers have already queued what was added.
      while (el.childElementCount > 5) el.firstElementChild?.remove();
    },
    reset(): void {
      announcedSeq = -1;
      el.replaceChildren();
    },
  };
}
