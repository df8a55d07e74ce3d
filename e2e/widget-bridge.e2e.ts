import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import type { TConversationDto } from '@charla/protocol';
import { launchBrowser, startCharla, type RunningCharla } from './harness';
import {
  adminApi,
  clickLauncher,
  createLiveChatPlaybook,
  waitFor,
  widgetFrame,
  type AdminApi,
} from './widget-fixtures';

// Issue #10 item 7: the chat frame ignores postMessage from anyone but the host page it was loaded
// for, and neither side ever posts to '*'. Two sites of our own serve the pages: the host shop on
// http://localhost:<port> (site A) and an attacker on http://127.0.0.1:<port> (site B). Every
// document in the browser records the target origin of each postMessage it makes (through the
// parent / iframe.contentWindow it holds) and every message it receives.

type TPost = { targetOrigin: string; data: string };
type TReceived = { origin: string; data: string };
type TLog = { posts: TPost[]; received: TReceived[] };

let charla: RunningCharla;
let browser: Browser;
let api: AdminApi;
let publicId: string;
let pages: Server;
let hostOrigin: string;
let attackerOrigin: string;
let widgetConfig: unknown;

/** Installed in every document before its own scripts run. */
function instrument(options: { charlaOrigin: string; blockFrameStorage: boolean }): void {
  const w = window as unknown as { __bridge: TLog };
  const json = (value: unknown): string => {
    try {
      return JSON.stringify(value) ?? String(value);
    } catch {
      return String(value);
    }
  };
  const log: TLog = { posts: [], received: [] };
  w.__bridge = log;
  addEventListener('message', (e) => log.received.push({ origin: e.origin, data: json(e.data) }), true);

  // Windows we post to are reached through `parent` or `iframe.contentWindow`: both hand out a
  // recording stand-in, and MessageEvent.source maps each window to the same stand-in so the
  // widget's `event.source === parent / frame.contentWindow` checks keep their meaning.
  const standIns = new WeakMap<object, object>();
  const wrap = (real: Window | null): Window | null => {
    if (!real || real === window) return real;
    let standIn = standIns.get(real);
    if (!standIn) {
      standIn = {
        postMessage(message: unknown, targetOrigin: string, transfer?: Transferable[]) {
          log.posts.push({ targetOrigin: String(targetOrigin), data: json(message) });
          real.postMessage(message, targetOrigin, transfer);
        },
      };
      standIns.set(real, standIn);
    }
    return standIn as Window;
  };
  const source = Object.getOwnPropertyDescriptor(MessageEvent.prototype, 'source');
  Object.defineProperty(MessageEvent.prototype, 'source', {
    configurable: true,
    get(this: MessageEvent) {
      const real = source?.get?.call(this) as unknown;
      // Ports and service workers pass through; windows map to their (lazily made) stand-in.
      return real && typeof (real as Window).closed === 'boolean' ? wrap(real as Window) : real;
    },
  });
  const contentWindow = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow');
  Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
    configurable: true,
    get(this: HTMLIFrameElement) {
      return wrap(contentWindow?.get?.call(this) as Window | null);
    },
  });
  const realParent = window.parent;
  if (realParent !== window)
    Object.defineProperty(window, 'parent', { configurable: true, get: () => wrap(realParent) });

  // A browser that blocks the frame's third-party storage: the frame falls back to the host's.
  if (
    options.blockFrameStorage &&
    location.origin === options.charlaOrigin &&
    location.pathname === '/widget/frame.html'
  )
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('third-party storage blocked', 'SecurityError');
      },
    });
}

async function newContext(blockFrameStorage = false): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(instrument, {
    charlaOrigin: new URL(charla.baseUrl).origin,
    blockFrameStorage,
  });
  return context;
}

async function logOf(target: Page | Frame): Promise<TLog> {
  return target.evaluate(() => (window as unknown as { __bridge: TLog }).__bridge);
}

const bridgeTypes = (entries: { data: string }[]): string[] =>
  entries.flatMap((e) => {
    try {
      const data = JSON.parse(e.data) as { ns?: string; type?: string };
      return data.ns === 'charla' && data.type ? [data.type] : [];
    } catch {
      return [];
    }
  });

function frameUrl(claimedOrigin: string): string {
  return `${charla.baseUrl}/widget/frame.html#playbook=${encodeURIComponent(publicId)}&origin=${encodeURIComponent(claimedOrigin)}`;
}

/** The host shop with the snippet, on site A. */
async function openHost(context: BrowserContext): Promise<{ page: Page; frame: Frame }> {
  const page = await context.newPage();
  await page.goto(`${hostOrigin}/host`);
  await page.waitForFunction(() => 'Charla' in window);
  await page.evaluate(() =>
    (window as unknown as { Charla: { identify(v: { name: string }): void } }).Charla.identify({
      name: 'Alice Host',
    }),
  );
  await clickLauncher(page);
  const frame = await widgetFrame(page);
  await frame.getByRole('button', { name: 'Talk to someone' }).waitFor();
  return { page, frame };
}

/** Every message an attacker can try, posted to `target` with '*' from the attacker's page. */
const HOSTILE_MESSAGES = (config: unknown, attacker: string) => [
  {
    ns: 'charla',
    type: 'init',
    config,
    page: { url: `${attacker}/phish`, title: 'Phish', referrer: '' },
    open: true,
    stored: { 'charla:v1:token': '"attacker-chosen"' },
  },
  { ns: 'charla', type: 'open' },
  { ns: 'charla', type: 'identify', name: 'Mallory Attacker', email: 'mallory@attacker.example' },
  { ns: 'charla', type: 'close' },
];

/** An attacker page on site B; the frame it embeds (if any) is reported with its network activity. */
async function openAttacker(context: BrowserContext) {
  const page = await context.newPage();
  const network: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/v1/widget/')) network.push(r.url());
  });
  page.on('websocket', (ws) => network.push(ws.url()));
  await page.goto(`${attackerOrigin}/attacker`);
  return { page, network };
}

async function embedFrame(page: Page, src: string): Promise<Frame> {
  await page.evaluate(
    (url) =>
      new Promise<void>((resolve) => {
        const iframe = document.createElement('iframe');
        iframe.id = 'charla';
        iframe.src = url;
        iframe.onload = () => resolve();
        document.body.appendChild(iframe);
      }),
    src,
  );
  return waitFor('the framed chat', async () =>
    page.frames().find((f) => f.url().includes('/widget/frame.html')),
  );
}

/** Posts every hostile message three times, with '*', to the window `pick` finds. */
async function spray(page: Page, pick: string): Promise<void> {
  await page.evaluate(
    async ({ messages, pick: path }) => {
      for (let round = 0; round < 3; round += 1) {
        // `pick` is a property path from window, like "frames.0" or "frames.0.frames.0".
        let target = window as unknown as Record<string, unknown>;
        for (const key of path.split('.')) target = target[key] as Record<string, unknown>;
        for (const message of messages) (target as unknown as Window).postMessage(message, '*');
        await new Promise((r) => setTimeout(r, 250));
      }
    },
    { messages: HOSTILE_MESSAGES(widgetConfig, attackerOrigin), pick },
  );
  await page.waitForTimeout(750);
}

/**
 * The frame's visitor token and conversation: from its own storage when the browser allows it,
 * else from the `store` messages it mirrored to its host (Chromium blocks third-party storage in
 * these contexts, so that is the usual case here).
 */
async function visitorState(frame: Frame): Promise<{ token: string; conversationId: string } | null> {
  const own = await frame.evaluate((id) => {
    try {
      return {
        token: localStorage.getItem('charla:v1:token'),
        conv: localStorage.getItem(`charla:v1:${id}:conv`),
      };
    } catch {
      return null;
    }
  }, publicId);
  const stored: Record<string, string | null> = {};
  if (own) Object.assign(stored, { 'charla:v1:token': own.token, [`charla:v1:${publicId}:conv`]: own.conv });
  else
    for (const post of (await logOf(frame)).posts) {
      const data = JSON.parse(post.data) as { type?: string; key?: string; value?: string | null };
      if (data.type === 'store' && data.key) stored[data.key] = data.value ?? null;
    }
  const token = stored['charla:v1:token'];
  const conv = stored[`charla:v1:${publicId}:conv`];
  const conversationId = conv ? (JSON.parse(conv) as { conversationId: string | null }).conversationId : null;
  return token && conversationId ? { token: JSON.parse(token) as string, conversationId } : null;
}

async function frameInitialised(frame: Frame): Promise<boolean> {
  return frame.evaluate(() => (document.getElementById('app')?.childElementCount ?? 0) > 0);
}

async function conversationName(conversationId: string): Promise<string | null> {
  const dto = await api.call<TConversationDto>('GET', `/api/v1/conversations/${conversationId}`);
  return dto.visitor.displayName;
}

beforeAll(async () => {
  charla = await startCharla();
  browser = await launchBrowser();
  api = await adminApi(charla.baseUrl);
  publicId = (await createLiveChatPlaybook(api, 'en')).publicId;
  widgetConfig = await (await fetch(`${charla.baseUrl}/api/v1/widget/config/${publicId}`)).json();
  // A real server of our own: Chromium keeps pages Playwright fulfils off loopback servers.
  pages = createServer((req, res) => {
    const body = req.url?.startsWith('/host')
      ? `<!doctype html><html><head><title>Host shop</title></head><body><h1>Host shop</h1>
<script async src="${charla.baseUrl}/widget.js" data-playbook="${publicId}"></script></body></html>`
      : '<!doctype html><html><head><title>Attacker</title></head><body><h1>Attacker</h1></body></html>';
    res.writeHead(200, { 'content-type': 'text/html' }).end(body);
  });
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  const port = (pages.address() as AddressInfo).port;
  hostOrigin = `http://localhost:${port}`;
  attackerOrigin = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await browser?.close();
  await charla?.stop();
  pages?.close();
});

describe('the widget bridge between the host page and the chat frame (issue #10 item 7)', () => {
  let context: BrowserContext;
  let host: { page: Page; frame: Frame };
  let token: string;
  let conversationId: string;

  beforeAll(async () => {
    context = await newContext();
    host = await openHost(context);
    const state = await waitFor('the visitor token and conversation', () => visitorState(host.frame));
    token = state.token;
    conversationId = state.conversationId;
    await waitFor('the identified visitor', async () =>
      (await conversationName(conversationId)) === 'Alice Host' ? true : null,
    );
  });
  afterAll(() => context.close());

  it('posts only to each other’s exact origins, never to "*", even with the visitor’s token', async () => {
    const frameLog = await logOf(host.frame);
    const hostLog = await logOf(host.page);
    expect(bridgeTypes(frameLog.posts)).toContain('ready');
    expect(new Set(frameLog.posts.map((p) => p.targetOrigin))).toEqual(new Set([hostOrigin]));
    // The frame is created on open, so `init` says open: true and carries the page's earlier identify.
    expect(bridgeTypes(hostLog.posts)).toEqual(['init']);
    expect(hostLog.posts[0]?.data).toContain('"open":true');
    expect(hostLog.posts[0]?.data).toContain('"identity":{"name":"Alice Host"}');
    expect(new Set(hostLog.posts.map((p) => p.targetOrigin))).toEqual(
      new Set([new URL(charla.baseUrl).origin]),
    );
    // Wherever the visitor's state lives, it only ever travels between these two exact origins.
    for (const post of [...frameLog.posts, ...hostLog.posts])
      if (post.data.includes(token) || post.data.includes(conversationId))
        expect([hostOrigin, new URL(charla.baseUrl).origin]).toContain(post.targetOrigin);
    // What each side received came from the other side's origin only.
    expect(
      hostLog.received.filter((r) => bridgeTypes([r]).length > 0).every((r) => r.origin === charla.baseUrl),
    ).toBe(true);
    expect(frameLog.received.every((r) => r.origin === hostOrigin)).toBe(true);
  });

  it('a page on another site that frames the chat claiming to be the host gets nothing and starts nothing', async () => {
    const attacker = await openAttacker(context);
    const frame = await embedFrame(attacker.page, frameUrl(hostOrigin));
    await spray(attacker.page, 'frames.0');

    expect(await frameInitialised(frame)).toBe(false);
    // The frame said `ready` to the claimed host only, which the browser does not deliver to B.
    const frameLog = await logOf(frame);
    expect(frameLog.posts).toEqual([{ targetOrigin: hostOrigin, data: '{"ns":"charla","type":"ready"}' }]);
    const attackerLog = await logOf(attacker.page);
    expect(attackerLog.received.filter((r) => r.origin === charla.baseUrl)).toEqual([]);
    expect(bridgeTypes(frameLog.received.filter((r) => r.origin === attackerOrigin))).toEqual(
      expect.arrayContaining(['init', 'open', 'identify']),
    );
    expect(attacker.network).toEqual([]);
    expect(await conversationName(conversationId)).toBe('Alice Host');
    await attacker.page.close();
  });

  it('a window on another site that opens the frame URL itself, naming its own origin, is not its parent', async () => {
    const attacker = await openAttacker(context);
    const popupPromise = context.waitForEvent('page');
    await attacker.page.evaluate((url) => void window.open(url, 'chat'), frameUrl(attackerOrigin));
    const popup = await popupPromise;
    const network: string[] = [];
    popup.on('websocket', (ws) => network.push(ws.url()));
    await popup.waitForLoadState();
    await attacker.page.evaluate(
      async (messages) => {
        const chat = window.open('', 'chat');
        for (let round = 0; round < 3; round += 1) {
          for (const message of messages) chat?.postMessage(message, '*');
          await new Promise((r) => setTimeout(r, 250));
        }
      },
      HOSTILE_MESSAGES(widgetConfig, attackerOrigin),
    );
    await popup.waitForTimeout(750);
    expect(await frameInitialised(popup.mainFrame())).toBe(false);
    expect(network).toEqual([]);
    expect((await logOf(attacker.page)).received.filter((r) => r.origin === charla.baseUrl)).toEqual([]);
    await popup.close();
    await attacker.page.close();
  });

  it('a page on another site that holds the host page can neither reach its chat frame nor drive its loader', async () => {
    // The attacker frames the host shop (site A inside site B).
    const attacker = await openAttacker(context);
    await attacker.page.evaluate(
      (url) =>
        new Promise<void>((resolve) => {
          const iframe = document.createElement('iframe');
          iframe.src = url;
          iframe.style.cssText = 'width:1000px;height:700px';
          iframe.onload = () => resolve();
          document.body.appendChild(iframe);
        }),
      `${hostOrigin}/host`,
    );
    const shop = await waitFor('the framed shop', async () =>
      attacker.page.frames().find((f) => f.url().startsWith(`${hostOrigin}/host`)),
    );
    await shop.waitForFunction(() => 'Charla' in window);
    await shop.evaluate(() => {
      const w = window as unknown as {
        Charla: { open(): void; on(e: string, f: () => void): void };
        __events: string[];
      };
      w.__events = [];
      for (const name of ['conversationStarted', 'conversationEnded', 'opened', 'closed'])
        w.Charla.on(name, () => w.__events.push(name));
      w.Charla.open();
    });
    const chat = await waitFor('the chat frame inside the shop', async () =>
      shop.childFrames().find((f) => f.url().includes('/widget/frame.html')),
    );
    await chat.getByRole('button', { name: 'Talk to someone' }).waitFor();
    const inner = await waitFor('the inner conversation', () => visitorState(chat));
    const chatPostsBefore = (await logOf(chat)).posts.length;
    const eventsBefore = await shop.evaluate(() => [
      ...(window as unknown as { __events: string[] }).__events,
    ]);

    // The chat frame lives in the loader's closed shadow root: not one of the shop's window.frames.
    expect(await attacker.page.evaluate(() => (window.frames[0] as Window).frames.length)).toBe(0);

    // Forged frame messages (and host messages) posted to the shop's window with '*'.
    await attacker.page.evaluate(
      async (messages) => {
        for (let round = 0; round < 3; round += 1) {
          for (const message of messages) (window.frames[0] as Window).postMessage(message, '*');
          await new Promise((r) => setTimeout(r, 250));
        }
      },
      [
        { ns: 'charla', type: 'store', key: 'charla:v1:token', value: '"forged-token"' },
        { ns: 'charla', type: 'ready' },
        { ns: 'charla', type: 'close' },
        { ns: 'charla', type: 'unread', count: 7 },
        { ns: 'charla', type: 'event', name: 'conversationEnded', data: { qualified: true } },
        ...HOSTILE_MESSAGES(widgetConfig, attackerOrigin),
      ],
    );
    await attacker.page.waitForTimeout(750);

    const shopLog = await logOf(shop);
    expect(shopLog.received.some((r) => r.origin === attackerOrigin)).toBe(true);
    // The loader acted on none of it: no second init (which would re-send the stored state), no
    // forged events, no store, and nothing new went into the chat frame.
    expect(bridgeTypes(shopLog.posts).filter((t) => t === 'init')).toHaveLength(1);
    expect(await shop.evaluate(() => (window as unknown as { __events: string[] }).__events)).toEqual(
      eventsBefore,
    );
    expect(
      await shop.evaluate(() => {
        try {
          return localStorage.getItem('charla:frame') ?? '';
        } catch {
          return '';
        }
      }),
    ).not.toContain('forged');
    const chatLog = await logOf(chat);
    expect(chatLog.received.filter((r) => r.origin !== hostOrigin)).toEqual([]);
    expect(chatLog.posts.slice(chatPostsBefore).filter((p) => p.targetOrigin !== hostOrigin)).toEqual([]);
    expect(await conversationName(inner.conversationId)).not.toBe('Mallory Attacker');

    // Positive control: the shop itself still identifies its visitor through the same bridge.
    await shop.evaluate(() =>
      (window as unknown as { Charla: { identify(v: { name: string }): void } }).Charla.identify({
        name: 'Shop Visitor',
      }),
    );
    await waitFor('the legitimate identify', async () =>
      (await conversationName(inner.conversationId)) === 'Shop Visitor' ? true : null,
    );
    await attacker.page.close();
  });

  it('a frame told to trust "*", "/" or "null" trusts nobody and posts nothing', async () => {
    for (const claimed of ['*', '/', 'null', `${attackerOrigin}/path`]) {
      const attacker = await openAttacker(context);
      const frame = await embedFrame(attacker.page, frameUrl(claimed));
      await spray(attacker.page, 'frames.0');
      expect(await frameInitialised(frame), claimed).toBe(false);
      expect((await logOf(frame)).posts, claimed).toEqual([]);
      expect(
        (await logOf(attacker.page)).received.filter((r) => r.origin === charla.baseUrl),
        claimed,
      ).toEqual([]);
      expect(attacker.network, claimed).toEqual([]);
      await attacker.page.close();
    }
  });

  it('another site embedding the chat in its own name gets a visitor of its own, never the host’s', async () => {
    const attacker = await openAttacker(context);
    const frame = await embedFrame(attacker.page, frameUrl(attackerOrigin));
    await spray(attacker.page, 'frames.0');
    // Its own embed is legitimate: the frame starts for site B …
    expect(await frameInitialised(frame)).toBe(true);
    const frameLog = await logOf(frame);
    expect(new Set(frameLog.posts.map((p) => p.targetOrigin))).toEqual(new Set([attackerOrigin]));
    // … but nothing it sends B carries the host visitor's token or conversation.
    const attackerLog = await logOf(attacker.page);
    for (const r of attackerLog.received) {
      expect(r.data).not.toContain(token);
      expect(r.data).not.toContain(conversationId);
    }
    await attacker.page.close();
  });
});

describe('the storage fallback when the frame’s own storage is blocked', () => {
  it('mirrors the visitor’s state to the exact host origin only', async () => {
    const context = await newContext(true);
    const host = await openHost(context);
    const mirrored = await waitFor('the state mirrored into the host page', async () => {
      const raw = await host.page.evaluate(() => localStorage.getItem('charla:frame'));
      const state = JSON.parse(raw ?? '{}') as Record<string, string>;
      const conv = state[`charla:v1:${publicId}:conv`];
      return state['charla:v1:token'] && conv?.includes('"conversationId":"') ? state : null;
    });
    const token = JSON.parse(mirrored['charla:v1:token'] as string) as string;
    const conversationId = (
      JSON.parse(mirrored[`charla:v1:${publicId}:conv`] as string) as { conversationId: string }
    ).conversationId;

    const frameLog = await logOf(host.frame);
    const secrets = frameLog.posts.filter((p) => p.data.includes(token) || p.data.includes(conversationId));
    expect(bridgeTypes(secrets)).toContain('store');
    expect(new Set(frameLog.posts.map((p) => p.targetOrigin))).toEqual(new Set([hostOrigin]));
    const hostLog = await logOf(host.page);
    expect(new Set(hostLog.posts.map((p) => p.targetOrigin))).toEqual(
      new Set([new URL(charla.baseUrl).origin]),
    );

    // A reload resumes the same conversation from the host's copy, again sent to Charla's origin only.
    await host.page.reload();
    await host.page.waitForFunction(() => 'Charla' in window);
    await clickLauncher(host.page);
    const again = await widgetFrame(host.page);
    await again.getByRole('button', { name: 'Talk to someone' }).waitFor();
    const init = (await logOf(host.page)).posts.find((p) => bridgeTypes([p])[0] === 'init');
    expect(init?.targetOrigin).toBe(new URL(charla.baseUrl).origin);
    expect(init?.data).toContain(token);
    expect((await logOf(again)).posts.every((p) => p.targetOrigin === hostOrigin)).toBe(true);
    await context.close();
  });
});
