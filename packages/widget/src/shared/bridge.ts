import type { TPageContext, TWidgetConfig } from './widget-config';

// The postMessage protocol between the loader (host page) and the frame (Charla origin). Both
// sides post with an exact target origin and check event.origin and event.source on receipt.

export const BRIDGE_NS = 'charla';

export type THostEventName = 'conversationStarted' | 'conversationEnded' | 'opened' | 'closed';

export type THostToFrame =
  | {
      ns: typeof BRIDGE_NS;
      type: 'init';
      config: TWidgetConfig;
      page: TPageContext;
      open: boolean;
      /** The frame's state as kept in the host page's storage (used when the frame's own storage is blocked). */
      stored: Record<string, string>;
    }
  | { ns: typeof BRIDGE_NS; type: 'open' }
  | { ns: typeof BRIDGE_NS; type: 'close' }
  | { ns: typeof BRIDGE_NS; type: 'identify'; name?: string; email?: string };

export type TFrameToHost =
  | { ns: typeof BRIDGE_NS; type: 'ready' }
  | { ns: typeof BRIDGE_NS; type: 'close' }
  | { ns: typeof BRIDGE_NS; type: 'store'; key: string; value: string | null }
  | { ns: typeof BRIDGE_NS; type: 'unread'; count: number }
  | { ns: typeof BRIDGE_NS; type: 'event'; name: THostEventName; data?: { qualified?: boolean } };

/** True for a message object in our namespace; each side still checks the fields it reads. */
export function isBridgeMessage(data: unknown): data is { ns: typeof BRIDGE_NS; type: string } {
  return typeof data === 'object' && data !== null && (data as { ns?: unknown }).ns === BRIDGE_NS;
}

/**
 * The host origin the loader put in the frame's URL, if it is one exact http(s) origin; else ''.
 * Anything else (`*`, `/`, `null`, a URL with a path) would make postMessage deliver the frame's
 * state to whoever frames it, or match opaque-origin senders, so the frame then trusts nobody.
 */
export function exactHostOrigin(value: string | null): string {
  try {
    const url = new URL(value ?? '');
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value ? value : '';
  } catch {
    return '';
  }
}
