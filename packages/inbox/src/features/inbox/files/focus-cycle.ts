import type { KeyboardEvent } from 'react';

/**
 * Where Tab goes among `count` controls from the one at `current` (-1: none of them): Tab past the
 * last comes back to the first and Shift+Tab before the first goes to the last, so the focus never
 * leaves a modal viewer for the browser's own controls.
 */
export function cycleFocus(current: number, count: number, backwards: boolean): number {
  if (count === 0) return -1;
  if (current < 0) return backwards ? count - 1 : 0;
  return (current + (backwards ? count - 1 : 1)) % count;
}

/** Tab and Shift+Tab inside `container` cycle through its enabled buttons. */
export function keepTabInside(e: KeyboardEvent, container: HTMLElement | null): void {
  if (e.key !== 'Tab' || !container) return;
  const controls = [...container.querySelectorAll<HTMLElement>('button:not([disabled]), [href]')];
  const next =
    controls[
      cycleFocus(controls.indexOf(document.activeElement as HTMLElement), controls.length, e.shiftKey)
    ];
  if (!next) return;
  e.preventDefault();
  next.focus();
}
