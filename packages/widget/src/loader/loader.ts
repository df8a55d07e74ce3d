import { BRIDGE_NS, isBridgeMessage, type TFrameToHost, type THostToFrame } from '../shared/bridge';
import type { TWidgetConfig } from '../shared/widget-config';
import { createEventHub } from './event-hub';
import { CHAT_ICON, CLOSE_ICON, LOADER_CSS } from './loader-styles';
import { greetingPlainText, LOADER_TEXT } from './loader-text';

// The snippet's script: draws the launcher in a closed shadow root and creates the chat frame only
// when the visitor points at or focuses the launcher, opens the chat, or the proactive greeting fires. Size-budgeted (≤ 3 KB gzip).

// userId/userHash (HMAC-SHA256 of the userId, computed by the host's server), name, email, attributes.
type TVisitorIdentity = Record<string, unknown>;

type CharlaApi = {
  open(): void;
  close(): void;
  identify(visitor: TVisitorIdentity): void;
  reset(): void;
  on(event: string, fn: (data?: unknown) => void): void;
  off(event: string, fn: (data?: unknown) => void): void;
};

const OPEN_KEY = 'charla:open';
const GREETED_KEY = 'charla:greeted';
const FRAME_STATE_KEY = 'charla:frame';

/** Reads (no value) or writes (a value; '' removes) a key; blocked storage only means no memory. */
function keep(store: () => Storage, key: string, value?: string): string | null {
  try {
    if (value === undefined) return store().getItem(key);
    if (value) store().setItem(key, value);
    else store().removeItem(key);
  } catch {
    /* unavailable (privacy settings, sandboxed page) */
  }
  return null;
}
const session = (key: string, value?: string) => keep(() => sessionStorage, key, value);

/**
 * The frame's state, kept in this page's first-party storage for browsers that block the frame's
 * own (third-party) storage; the frame decides which of the two it uses.
 */
function frameState(): Record<string, string> {
  try {
    return JSON.parse(keep(() => localStorage, FRAME_STATE_KEY) ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  parent: Node,
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  parent.appendChild(el);
  return el;
}

// Exception to the 80-line limit (docs/style.md): the loader has a 3 KB gzip budget with a few bytes
// to spare (README, Performance). Its closures share the launcher's state through local variables,
// which the minifier shortens; splitting them into functions that pass that state around costs bytes
// the budget does not have.
// eslint-disable-next-line max-lines-per-function
function boot(script: HTMLScriptElement, win: Window & { Charla?: CharlaApi }): void {
  const playbook = script.dataset.playbook;
  if (!playbook || win.Charla) return;
  const origin = new URL(script.src).origin;
  const hub = createEventHub();
  // Charla.open() or close() called before the config arrived: done once the launcher is drawn.
  let wanted: boolean | undefined;
  let setOpen = (open: boolean): void => void (wanted = open);
  let identity: TVisitorIdentity | undefined;
  let frame: HTMLIFrameElement | undefined;
  let frameReady = false;

  const post = (message: THostToFrame): void => {
    if (frameReady) frame?.contentWindow?.postMessage(message, origin);
  };

  // eslint-disable-next-line max-lines-per-function -- the loader's byte budget, see above.
  const draw = (config: TWidgetConfig): void => {
    const text = config.words ?? LOADER_TEXT;
    const colors = config.appearance.colors;
    const host = document.createElement('charla-widget');
    // Inline !important beats any host stylesheet rule, `* { all: unset }` included.
    host.setAttribute(
      'style',
      'all:initial!important;display:block!important;position:fixed!important;z-index:2147483000!important',
    );
    const shadow = host.attachShadow({ mode: 'closed' });
    element('style', '', shadow).textContent = LOADER_CSS;
    const root = element('div', config.appearance.position === 'bottom-left' ? 'w left' : 'w', shadow);
    root.style.cssText = `--p:${colors.primary};--pt:${colors.primaryText};--bg:${colors.background}`;
    root.lang = config.language;
    const launcher = element('button', 'l', root);
    const badge = element('span', 'b', root);
    let frameBox: HTMLDivElement | undefined;
    let greeting: HTMLDivElement | undefined;
    let isOpen = false;

    const ensureFrame = (): HTMLDivElement => {
      if (frameBox) return frameBox;
      // src is set before the iframe enters the document and contentWindow is not touched until the
      // frame speaks: either would make the browser build a throwaway about:blank window first.
      frame = document.createElement('iframe');
      frame.title = config.appearance.botName;
      frame.src = `${origin}/widget/frame.html#playbook=${encodeURIComponent(playbook)}&origin=${encodeURIComponent(location.origin)}`;
      frameBox = element('div', 'f', root);
      frameBox.id = 'charla-frame';
      frameBox.append(frame);
      return frameBox;
    };

    const paintLauncher = (): void => {
      launcher.innerHTML = isOpen ? CLOSE_ICON : CHAT_ICON;
      launcher.append(badge);
      launcher.setAttribute('aria-label', isOpen ? text.close : text.open);
      launcher.setAttribute('aria-expanded', String(isOpen));
    };

    setOpen = (open: boolean): void => {
      if (open === isOpen) return;
      const hadFocus = document.activeElement === host;
      isOpen = open;
      session(OPEN_KEY, open ? '1' : '');
      if (greeting) greeting.hidden = true;
      const box = ensureFrame();
      box.classList.toggle('o', open);
      root.classList.toggle('open', open);
      badge.hidden = true;
      paintLauncher();
      // Focus follows the window: into the chat when it opens, back to the launcher when it closes.
      if (open) frame?.focus();
      else if (hadFocus) launcher.focus();
      post({ ns: BRIDGE_NS, type: open ? 'open' : 'close' });
      hub.emit(open ? 'opened' : 'closed');
    };

    addEventListener('message', (event: MessageEvent) => {
      if (
        event.origin !== origin ||
        !frame ||
        event.source !== frame.contentWindow ||
        !isBridgeMessage(event.data)
      )
        return;
      const message = event.data as TFrameToHost;
      if (message.type === 'ready') {
        frameReady = true;
        // Opened before the frame had loaded: the focus given to the loading iframe can be lost when
        // its document arrives, so it is given again while the launcher still holds it (a closed
        // frame is hidden, so it cannot take the focus).
        if (document.activeElement === host) frame.focus();
        const page = { url: location.href, title: document.title, referrer: document.referrer };
        post({ ns: BRIDGE_NS, type: 'init', config, page, open: isOpen, stored: frameState(), identity });
      } else if (message.type === 'store') {
        const state = frameState();
        if (message.value === null) delete state[message.key];
        else state[message.key] = message.value;
        keep(() => localStorage, FRAME_STATE_KEY, JSON.stringify(state));
      } else if (message.type === 'close')
        // From inside the widget, so setOpen gives the focus back to the launcher.
        setOpen(false);
      else if (message.type === 'unread') {
        badge.hidden = message.count < 1 || isOpen;
        badge.textContent = String(Math.min(message.count, 99));
      } else if (message.type === 'event') hub.emit(message.name, message.data);
    });

    launcher.type = 'button';
    launcher.setAttribute('aria-controls', 'charla-frame');
    launcher.onclick = () => setOpen(!isOpen);
    // Esc closes the open chat wherever the keyboard is in the widget, the launcher included.
    // (A handler returning false would cancel the key, so it returns nothing.)
    root.onkeydown = (event) => {
      if (event.key === 'Escape') setOpen(false);
    };
    // Ready before the click (issue 25): the pointer on the launcher, or keyboard focus, loads the
    // frame (and with it the visitor's session and socket), so the click only has to show it.
    launcher.onpointerenter = launcher.onfocus = ensureFrame;
    badge.hidden = true;
    paintLauncher();
    document.body.appendChild(host);

    if (wanted ?? session(OPEN_KEY)) setOpen(true);
    else if (config.greeting.proactive && !session(GREETED_KEY)) {
      const words = greetingPlainText(config.greeting.text);
      setTimeout(() => {
        if (isOpen) return;
        session(GREETED_KEY, '1');
        ensureFrame();
        if (!words) return;
        greeting = element('div', 'g', root);
        greeting.setAttribute('role', 'status');
        const open = element('button', 'gt', greeting);
        open.textContent = words;
        open.onclick = () => setOpen(true);
        const dismiss = element('button', 'gx', greeting);
        dismiss.textContent = '×';
        dismiss.setAttribute('aria-label', text.dismiss);
        dismiss.onclick = () => (greeting as HTMLDivElement).remove();
      }, config.greeting.delaySeconds * 1000);
    }
  };

  win.Charla = {
    open: () => setOpen(true),
    close: () => setOpen(false),
    identify(visitor) {
      identity = visitor;
      post({ ...visitor, ns: BRIDGE_NS, type: 'identify' });
    },
    // Logged out: a frame opened later forgets the token too (issue 24).
    reset() {
      identity = undefined;
      keep(() => localStorage, FRAME_STATE_KEY, '{"reset":"1"}');
      post({ ns: BRIDGE_NS, type: 'reset' });
    },
    on: hub.on,
    off: hub.off,
  };
  fetch(
    `${origin}/api/v1/widget/config/${encodeURIComponent(playbook)}?pageUrl=${encodeURIComponent(location.href.slice(0, 2000))}`,
  )
    .then((res) =>
      res.ok ? (res.json() as Promise<TWidgetConfig>) : Promise.reject(Error(`HTTP ${res.status}`)),
    )
    .then(draw)
    .catch((err: unknown) => console.warn('Charla: widget not loaded', err));
}

const current = document.currentScript;
if (current instanceof HTMLScriptElement) boot(current, window);
