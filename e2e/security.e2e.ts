import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import WebSocket from 'ws';
import { XSS_PAYLOADS, type TConversationDto, type TVisitorServerFrame } from '@charla/protocol';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  launchBrowser,
  loginContext,
  startCharla,
  type RunningCharla,
} from './harness';
import {
  adminApi,
  clickLauncher,
  createLiveChatPlaybook,
  goOnline,
  richText,
  waitFor,
  widgetFrame,
  type AdminApi,
} from './widget-fixtures';

// Issue #10 item 8 in the browser: every hostile payload is stored through the real API (visitor
// messages, user messages, page context, panel fields, notes), then the inbox conversation and
// the visitor's widget are opened in Chromium. No dialog may open and no payload may set the
// global flag; the DOM holds no event-handler attributes or javascript: links.

const FLAG_PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<svg onload="window.__xss=1">',
  '"><script>window.__xss=1</script>',
  '[x](javascript:window.__xss=1)',
  '![x](https://127.0.0.1/x.png" onerror="window.__xss=1)',
  '<a href="javascript:window.__xss=1">click</a>',
];
// NUL cannot be stored (refused with 400); every other payload goes in.
const PAYLOADS = [...XSS_PAYLOADS, ...FLAG_PAYLOADS].filter((p) => !p.includes('\u0000'));
const END = 'END-OF-PAYLOADS';

let charla: RunningCharla;
let browser: Browser;
let api: AdminApi;

type Probe = { dialogs: string[]; page: Page };

async function watch(page: Page): Promise<Probe> {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return { dialogs, page };
}

/** The flag and dangerous DOM, in one document (page or frame). */
async function inspect(
  target: Page | Frame,
): Promise<{ flag: unknown; handlers: string[]; jsLinks: number }> {
  return target.evaluate(() => {
    const handlers: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes))
        if (/^on/i.test(attr.name)) handlers.push(`${el.tagName}[${attr.name}]`);
    }
    const jsLinks = Array.from(
      document.querySelectorAll('a[href], iframe[src], img[src], form[action]'),
    ).filter((el) =>
      /^\s*(javascript|data|vbscript):/i.test(
        el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action') ?? '',
      ),
    ).length;
    return { flag: (window as unknown as { __xss?: unknown }).__xss, handlers, jsLinks };
  });
}

describe('stored XSS in the browser (issue #10 item 8)', () => {
  let conversationId: string;
  let publicId: string;

  beforeAll(async () => {
    // Many payloads from one visitor: lift the 30-per-10-s message limit for this run.
    charla = await startCharla({ CHARLA_RATE_LIMIT_MULTIPLIER: '20' });
    browser = await launchBrowser();
    api = await adminApi(charla.baseUrl);
    publicId = (await createLiveChatPlaybook(api, 'en')).publicId;
    await goOnline(charla.baseUrl, api);
  });
  afterAll(async () => {
    await browser?.close();
    await charla?.stop();
  });

  it('runs no script in the widget: the visitor’s own chat shows every payload from both sides as text', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const probe = await watch(page);
    // The frame is sandboxed (no access to its storage from here): read the token the server issued.
    let token: string | null = null;
    context.on('response', (res) => {
      if (!res.url().includes('/api/v1/widget/session')) return;
      void res
        .json()
        .then((body: { visitorToken?: string }) => (token = body.visitorToken ?? token))
        .catch(() => undefined);
    });
    await page.goto(`${charla.baseUrl.replace('127.0.0.1', 'localhost')}/demo?playbook=${publicId}`);
    await clickLauncher(page);
    const frame = await widgetFrame(page);
    await frame.getByRole('button', { name: 'Talk to someone' }).click();
    const conversation = await waitFor('the waiting conversation', async () => {
      const list = await api.call<{ items: TConversationDto[] }>(
        'GET',
        '/api/v1/conversations?folder=unassigned',
      );
      return list.items[0];
    });
    conversationId = conversation.id;
    await api.call('POST', `/api/v1/conversations/${conversationId}/assign`);

    // A second socket of the same visitor sends the payloads; the widget receives them live like
    // its own messages from another tab.
    const visitorToken = await waitFor('the visitor token', async () => token);
    const ws = new WebSocket(`${charla.baseUrl.replace(/^http/, 'ws')}/ws/visitor?token=${visitorToken}`);
    const acks = new Set<string>();
    ws.on('message', (raw: Buffer) => {
      const f = JSON.parse(raw.toString()) as TVisitorServerFrame;
      if (f.type === 'ack') acks.add(f.clientMsgId);
    });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    ws.send(JSON.stringify({ type: 'page', pageUrl: PAYLOADS[0], pageTitle: PAYLOADS[1] }));
    for (const [i, payload] of PAYLOADS.entries()) {
      ws.send(
        JSON.stringify({ type: 'send', conversationId, clientMsgId: `v${i}`, body: richText(payload) }),
      );
      await api.call('POST', `/api/v1/conversations/${conversationId}/messages`, {
        clientMsgId: `u${i}`,
        body: richText(payload),
      });
    }
    await waitFor('every visitor payload acknowledged', async () => acks.size === PAYLOADS.length);
    await api.call('POST', `/api/v1/conversations/${conversationId}/messages`, {
      clientMsgId: 'end',
      body: richText(END),
    });
    await frame.getByText(END).first().waitFor({ timeout: 20_000 });
    await page.waitForTimeout(1000);
    // A payload shows up as literal text.
    await frame.getByText('<img src=x onerror="window.__xss=1">').first().waitFor();
    expect(probe.dialogs).toEqual([]);
    for (const target of [page, frame])
      expect(await inspect(target)).toEqual({ flag: undefined, handlers: [], jsLinks: 0 });
    ws.close();
    await context.close();
  });

  it('runs no script in the inbox conversation, its side panel and notes', async () => {
    await api.call('PUT', `/api/v1/conversations/${conversationId}/panel`, {
      person: { name: FLAG_PAYLOADS[0], email: null, phone: null },
      organization: { name: FLAG_PAYLOADS[1], address: FLAG_PAYLOADS[2] },
    });
    const person = await api.call<{ id: string }>('POST', '/api/v1/crm/persons', { name: FLAG_PAYLOADS[0] });
    await api.call('POST', '/api/v1/crm/notes', {
      body: richText(FLAG_PAYLOADS[3] ?? ''),
      personId: person.id,
      conversationId,
    });
    await api.call('POST', '/api/v1/crm/leads', { title: FLAG_PAYLOADS[2], personId: person.id });

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(() => localStorage.setItem('charla.notificationPromptDismissed', '1'));
    await loginContext(context, charla.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const page = await context.newPage();
    const probe = await watch(page);
    for (const path of [
      `/conversations/${conversationId}`,
      '/inbox/mine',
      '/crm/persons',
      '/crm/leads',
      `/crm/persons/${person.id}`,
    ]) {
      await page.goto(`${charla.baseUrl}${path}`);
      await page.waitForLoadState('networkidle');
      if (path.startsWith('/conversations/')) await page.getByText(END).first().waitFor({ timeout: 20_000 });
      await page.waitForTimeout(500);
      expect({ path, dialogs: probe.dialogs }).toEqual({ path, dialogs: [] });
      expect({ path, ...(await inspect(page)) }).toEqual({ path, flag: undefined, handlers: [], jsLinks: 0 });
    }
    await context.close();
  });
});
