import type { TPageContext, TWidgetConfig } from './widget-config';

// The postMessage protocol between the loader (host page) and the frame (Charla origin). Both
// sides post with an exact target origin and check event.origin and event.source on receipt.

export const BRIDGE_NS = 'charla';

export type THostEventName =
  | 'conversationStarted'
  | 'conversationEnded'
  | 'opened'
  | 'closed'
  /** `Charla.identify()` was accepted: `{ verified }`. */
  | 'identified'
  /** `Charla.identify()` was refused: `{ code, message }` (nothing was stored). */
  | 'identityRefused';

/** What the host page's event listeners receive with an event. */
export type THostEventData = { qualified?: boolean; verified?: boolean; code?: string; message?: string };

/** What `Charla.identify()` may pass on; the server checks it again (the frame only drops what is not this shape). */
export type TIdentifyFields = {
  userId?: string;
  userHash?: string;
  name?: string;
  email?: string;
  attributes?: Record<string, string | number | boolean>;
};

export type THostToFrame =
  | {
      ns: typeof BRIDGE_NS;
      type: 'init';
      config: TWidgetConfig;
      page: TPageContext;
      open: boolean;
      /** The frame's state as kept in the host page's storage (used when the frame's own storage is blocked). */
      stored: Record<string, string>;
      /** The last `Charla.identify()` of this page, made before the frame was ready. */
      identity?: Record<string, unknown> | undefined;
    }
  | { ns: typeof BRIDGE_NS; type: 'open' }
  | { ns: typeof BRIDGE_NS; type: 'close' }
  | ({ ns: typeof BRIDGE_NS; type: 'identify' } & TIdentifyFields)
  /** `Charla.reset()`: the host's user logged out; forget the identity and the visitor token. */
  | { ns: typeof BRIDGE_NS; type: 'reset' };

export type TFrameToHost =
  | { ns: typeof BRIDGE_NS; type: 'ready' }
  | { ns: typeof BRIDGE_NS; type: 'close' }
  | { ns: typeof BRIDGE_NS; type: 'store'; key: string; value: string | null }
  | { ns: typeof BRIDGE_NS; type: 'unread'; count: number }
  | { ns: typeof BRIDGE_NS; type: 'event'; name: THostEventName; data?: THostEventData };

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

/** The host state key `Charla.reset()` sets before the frame exists; the frame forgets everything once it sees it. */
export const RESET_KEY = 'reset';

/**
 * The fields of an `identify` message the frame passes on: strings stay strings, attributes stay a
 * plain object of strings, numbers and booleans; anything else is dropped here (the server refuses
 * what is still wrong, with a code).
 */
export function identifyFieldsOf(message: Record<string, unknown>): TIdentifyFields {
  const fields: TIdentifyFields = {};
  for (const key of ['userId', 'userHash', 'name', 'email'] as const) {
    const value = message[key];
    if (typeof value === 'string' && value !== '') fields[key] = value;
  }
  const attributes = message.attributes;
  if (typeof attributes === 'object' && attributes !== null && !Array.isArray(attributes)) {
    const kept = Object.entries(attributes).filter(
      ([, v]) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean',
    );
    fields.attributes = Object.fromEntries(kept);
  }
  return fields;
}
