import {
  BRIDGE_NS,
  exactHostOrigin,
  identifyFieldsOf,
  isBridgeMessage,
  RESET_KEY,
  type TFrameToHost,
  type THostToFrame,
} from '../shared/bridge';
import type { TWidgetConfig } from '../shared/widget-config';
import { createChatController } from './chat-controller';
import { createTranslator, widgetLanguage } from './i18n';
import { isRtl } from './lib/protocol-runtime';
import { createWidgetStorage } from './net/widget-storage';
import { createRatingApi } from './net/rating-api';
import { forgetSession } from './net/identity-api';
import { createTranscriptApi } from './net/transcript-api';
import { unreadAfter } from './state/chat-state';
import { applyTheme } from './view/theme';
import { mountChatView } from './view/chat-view';

// The chat window, inside the iframe on Charla's origin. It trusts exactly one parent: the origin
// the loader put in the URL, and only messages whose source is our parent window.

const params = new URLSearchParams(location.hash.slice(1));
const playbookId = params.get('playbook') ?? '';
const hostOrigin = exactHostOrigin(params.get('origin'));

function toHost(message: TFrameToHost): void {
  if (hostOrigin) parent.postMessage(message, hostOrigin);
}

function start(init: Extract<THostToFrame, { type: 'init' }>): (message: THostToFrame) => void {
  const config: TWidgetConfig = init.config;
  const language = widgetLanguage(config.language, config.appearance.browserLanguage, navigator.languages);
  const t = createTranslator(language);
  document.documentElement.lang = language;
  document.documentElement.dir = isRtl(language) ? 'rtl' : 'ltr';
  document.title = config.appearance.botName;
  applyTheme(document.documentElement, config.appearance.colors);

  const storage = createWidgetStorage(playbookId, {
    seed: init.stored,
    persist: (key, value) => toHost({ ns: BRIDGE_NS, type: 'store', key, value }),
  });
  if (init.stored[RESET_KEY]) forgetEverything(storage);
  const chat = createChatController({
    playbookId,
    storage,
    page: init.page,
    emit: (name, data) => toHost({ ns: BRIDGE_NS, type: 'event', name, data }),
    unavailableNotice: t('unavailable'),
  });
  const app = document.getElementById('app') as HTMLElement;
  let open = false;
  let readSeq = storage.conversation().lastSeq;
  const view = mountChatView(
    app,
    config,
    t,
    chat,
    () => toHost({ ns: BRIDGE_NS, type: 'close' }),
    createRatingApi(() => storage.token()),
    createTranscriptApi(() => storage.token()),
  );

  chat.subscribe((state) => {
    // Read on another tab or device of this visitor (a verified user's, issue 24): not unread here.
    readSeq = Math.max(readSeq, state.conversation?.visitorReadSeq ?? 0);
    if (open) readSeq = state.messages.at(-1)?.seq ?? readSeq;
    else toHost({ ns: BRIDGE_NS, type: 'unread', count: unreadAfter(state, readSeq) });
  });

  const setOpen = (next: boolean): void => {
    open = next;
    chat.setVisible(next);
    if (!next) return;
    chat.ensureStarted();
    readSeq = chat.getState().messages.at(-1)?.seq ?? readSeq;
    toHost({ ns: BRIDGE_NS, type: 'unread', count: 0 });
    view.focus();
  };

  // Before the first start: a verified user may already have a conversation to continue.
  if (init.identity) void chat.identify(identifyFieldsOf(init.identity));
  chat.connect();
  if (init.open) setOpen(true);
  return (message) => {
    if (message.type === 'open') setOpen(true);
    else if (message.type === 'close') setOpen(false);
    else if (message.type === 'identify') void chat.identify(identifyFieldsOf(message));
    else if (message.type === 'reset') {
      chat.reset();
      toHost({ ns: BRIDGE_NS, type: 'store', key: RESET_KEY, value: null });
    }
  };
}

/**
 * `Charla.reset()` ran while no frame was open (the host's user logged out, issue 24): this browser
 * forgets the token, conversation and outbox before anything reads them, and retires the token.
 */
function forgetEverything(storage: ReturnType<typeof createWidgetStorage>): void {
  const token = storage.token();
  if (token) forgetSession(token);
  storage.setToken(null);
  storage.setConversation({ conversationId: null, startKey: null, lastSeq: 0 });
  storage.setOutbox([]);
  toHost({ ns: BRIDGE_NS, type: 'store', key: RESET_KEY, value: null });
}

let handle: ((message: THostToFrame) => void) | null = null;
addEventListener('message', (event: MessageEvent) => {
  if (event.origin !== hostOrigin || event.source !== parent || !isBridgeMessage(event.data)) return;
  const message = event.data as THostToFrame;
  if (message.type === 'init') {
    if (!handle && playbookId) handle = start(message);
  } else handle?.(message);
});
toHost({ ns: BRIDGE_NS, type: 'ready' });
