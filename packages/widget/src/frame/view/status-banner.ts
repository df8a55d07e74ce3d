import type { TChatState } from '../state/chat-state';
import { formatCountdown, type TTranslate } from '../i18n';
import { h, icon, ICONS } from './dom';

/**
 * One line under the header: connection trouble, or the live chat wait with its time left.
 * The countdown is not announced every second; its text is re-rendered silently.
 */
export function createStatusBanner(t: TTranslate, now: () => number = Date.now) {
  const text = h('span', { class: 'bn-text' });
  const left = h('span', { class: 'bn-left' });
  const bar = h('span', { class: 'bn-bar' });
  const el = h(
    'div',
    { class: 'bn', hidden: true },
    icon(ICONS.clock),
    text,
    left,
    h('span', { class: 'bn-track', 'aria-hidden': 'true' }, bar),
  );
  let timer: ReturnType<typeof setInterval> | undefined;
  let waitStartedAt = 0;
  let current: TChatState | null = null;

  const paint = (): void => {
    const state = current;
    if (!state) return;
    const conversation = state.conversation;
    const waiting = conversation?.status === 'waiting' && conversation.waitingDeadline !== null;
    const trouble = state.connection !== 'online' && conversation !== null;
    el.hidden = !waiting && !trouble;
    el.className = trouble ? 'bn bn-warn' : 'bn';
    if (trouble) {
      text.textContent = state.connection === 'offline' ? t('offline') : t('reconnecting');
      left.textContent = '';
      bar.style.width = '0';
      return;
    }
    if (!waiting) return;
    const deadline = conversation.waitingDeadline as number;
    if (!waitStartedAt) waitStartedAt = conversation.waitingSince ?? Math.min(now(), deadline);
    const remaining = deadline - now();
    text.textContent = t('waiting');
    left.textContent = t('timeLeft', { time: formatCountdown(remaining) });
    const total = Math.max(1, deadline - waitStartedAt);
    bar.style.width = `${Math.max(0, Math.min(100, (remaining / total) * 100))}%`;
  };

  return {
    el,
    render(state: TChatState): void {
      current = state;
      const waiting = state.conversation?.status === 'waiting';
      if (waiting && timer === undefined) timer = setInterval(paint, 1000);
      if (!waiting && timer !== undefined) {
        clearInterval(timer);
        timer = undefined;
        waitStartedAt = 0;
      }
      paint();
    },
  };
}
