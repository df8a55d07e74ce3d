import { useEffect, useRef } from 'react';

const TYPING_REFRESH_MS = 3000;
const TYPING_IDLE_MS = 4000;

/**
 * Tells the visitor a reply is being typed: "typing" at most every 3 s while the text changes,
 * "stopped" after 4 s without a change, on an empty box, on send and on leaving the box.
 */
export function useTypingSignal(onTyping: (active: boolean) => void, conversationId: string) {
  const lastSent = useRef(0);
  const idleTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const stop = () => {
    if (idleTimer.current) clearTimeout(idleTimer.current);
    if (lastSent.current !== 0) onTyping(false);
    lastSent.current = 0;
  };

  useEffect(
    () => () => {
      if (idleTimer.current) clearTimeout(idleTimer.current);
    },
    [conversationId],
  );

  const changed = (value: string) => {
    if (value.trim() === '') {
      stop();
      return;
    }
    const now = Date.now();
    if (now - lastSent.current > TYPING_REFRESH_MS) {
      onTyping(true);
      lastSent.current = now;
    }
    if (idleTimer.current) clearTimeout(idleTimer.current);
    idleTimer.current = setTimeout(stop, TYPING_IDLE_MS);
  };

  return { changed, stop };
}
