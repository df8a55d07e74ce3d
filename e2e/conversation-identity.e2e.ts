import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import WebSocket from 'ws';
import type { TVisitorServerFrame } from '@charla/protocol';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  axeSeriousViolations,
  launchBrowser,
  loginContext,
  startCharla,
  type RunningCharla,
} from './harness';
import { adminApi, createLiveChatPlaybook, richText, waitFor, type AdminApi } from './widget-fixtures';

// Issue 15 items 3 and 4 in Chromium: once the user types the person's name into the side
// panel, the list, the header and the Closed folder show it (the visitor number stays as a
// secondary label); inbox search finds a word of a message and marks it. Screenshots go to
// /tmp/charla-search-shots (English and Spanish, desktop and 390 px).

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const SHOTS = '/tmp/charla-search-shots';
const PERSON = 'Lucía García-Montenegro de la Fuente';

let charla: RunningCharla;
let browser: Browser;
let api: AdminApi;
const contexts: BrowserContext[] = [];

async function agentPage(language: 'en' | 'es', viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: language === 'es' ? 'es-ES' : 'en-US' });
  contexts.push(context);
  await context.addInitScript((lang) => {
    localStorage.setItem('charla.language', lang);
    localStorage.setItem('charla.notificationPromptDismissed', '1');
  }, language);
  await loginContext(context, charla.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('[inbox page error]', err));
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png` });

/** A visitor over the visitor WebSocket, as the widget talks: asks for a person, then writes. */
async function visitorChats(publicId: string, text: string): Promise<{ id: string; close(): void }> {
  const demo = await browser.newContext({ viewport: DESKTOP });
  contexts.push(demo);
  // The widget loading on a real page marks the playbook as embedded (R8).
  await (
    await demo.newPage()
  ).goto(`${charla.baseUrl.replace('127.0.0.1', 'localhost')}/demo?playbook=${publicId}`);
  const session = (await (
    await fetch(`${charla.baseUrl}/api/v1/widget/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: charla.baseUrl },
      body: '{}',
    })
  ).json()) as { visitorToken: string };
  const socket = new WebSocket(
    `${charla.baseUrl.replace(/^http/, 'ws')}/ws/visitor?token=${encodeURIComponent(session.visitorToken)}`,
    { headers: { origin: charla.baseUrl } },
  );
  const frames: TVisitorServerFrame[] = [];
  socket.on('message', (raw: Buffer) => frames.push(JSON.parse(raw.toString()) as TVisitorServerFrame));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  socket.send(
    JSON.stringify({ type: 'start', playbookId: publicId, startKey: `e2e-${Date.now()}`, context: {} }),
  );
  const id = await waitFor(
    'the conversation',
    async () => frames.flatMap((f) => (f.type === 'conversation' ? [f.conversation.id] : []))[0],
  );
  const buttons = await waitFor('the question', async () =>
    frames
      .flatMap((f) => (f.type === 'messages' ? f.messages : f.type === 'message' ? [f.message] : []))
      .find((m) => m.interaction?.kind === 'buttons'),
  );
  const options = buttons.interaction?.kind === 'buttons' ? buttons.interaction.options : [];
  const talk = options.find((o) => /someone|talk/i.test(o.label)) ?? options[0];
  socket.send(
    JSON.stringify({
      type: 'answer',
      conversationId: id,
      clientMsgId: 'a1',
      answer: { kind: 'button', optionId: talk?.id ?? '' },
    }),
  );
  await waitFor('live chat', async () =>
    frames.some((f) => f.type === 'conversation' && f.conversation.status === 'waiting'),
  );
  socket.send(JSON.stringify({ type: 'send', conversationId: id, clientMsgId: 'v1', body: richText(text) }));
  await waitFor('the message stored', async () => frames.some((f) => f.type === 'ack'));
  return { id, close: () => socket.close() };
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  charla = await startCharla();
  browser = await launchBrowser();
  api = await adminApi(charla.baseUrl);
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await charla?.stop();
});

describe('conversations carry the person; search finds and marks', () => {
  it('shows the name typed into the panel in the list, header and Closed folder; search marks a message word', async () => {
    const playbook = await createLiveChatPlaybook(api, 'en');
    const page = await agentPage('en');
    await page.goto(`${charla.baseUrl}/inbox/unassigned`);
    await page.getByTestId('online-switch').click();
    await expect.poll(() => page.getByTestId('online-switch').getAttribute('aria-checked')).toBe('true');
    const visitor = await visitorChats(
      playbook.publicId,
      'My invoice mentions quetzalcoatl twice, please check',
    );

    const item = page.locator(`[data-conversation-id="${visitor.id}"]`);
    await item.waitFor({ timeout: 20_000 });
    await expect.poll(() => item.innerText()).toMatch(/Visitor #\d+/);
    await item.click();
    await page.getByTestId('assign').click();
    await page.getByTestId('composer-input').waitFor();
    if (!(await page.getByTestId('side-panel').isVisible())) await page.getByTestId('toggle-panel').click();
    await page.getByTestId('panel-personName').fill(PERSON);
    await page.getByTestId('panel-personName').blur();

    // The header and the list follow, the visitor number stays as a secondary label.
    await expect
      .poll(() => page.getByTestId('conversation-title').innerText(), { timeout: 10_000 })
      .toBe(PERSON);
    // One field at a time: two quick saves of the panel may land out of order.
    await page.getByTestId('panel-personEmail').fill('lucia@montenegro.example');
    await page.getByTestId('panel-personEmail').blur();
    await waitFor('the email saved', async () => {
      const path = `/api/v1/conversations/${visitor.id}`;
      const c = await api.call<{ visitor: { email: string | null } }>('GET', path);
      return c.visitor.email === 'lucia@montenegro.example';
    });
    await expect
      .poll(() => page.getByTestId('conversation-visitor-number').innerText())
      .toMatch(/Visitor #\d+/);
    const mine = page.locator(`[data-conversation-id="${visitor.id}"]`);
    await expect.poll(() => mine.innerText(), { timeout: 10_000 }).toContain(PERSON);
    await page.getByTestId('person-history').waitFor();
    await shot(page, 'conversation-desktop-en');

    // Closed keeps the person.
    await page.getByTestId('close').click();
    await page.getByTestId('confirm-close').click();
    await page.getByTestId('composer-disabled').waitFor();
    await page.goto(`${charla.baseUrl}/inbox/closed`);
    const closed = page.locator(`[data-conversation-id="${visitor.id}"]`);
    await expect.poll(() => closed.innerText(), { timeout: 10_000 }).toContain(PERSON);
    await shot(page, 'closed-desktop-en');

    // Search: a message word, marked; the name, accents folded.
    const box = page.getByRole('searchbox');
    await box.fill('quetzalcoatl');
    const mark = page.getByTestId('search-snippet').locator('mark');
    await expect.poll(() => mark.first().innerText(), { timeout: 10_000 }).toBe('quetzalcoatl');
    expect(await page.getByTestId('conversation-item').count()).toBe(1);
    await shot(page, 'search-desktop-en');
    expect(await axeSeriousViolations(page)).toEqual([]);
    await box.fill('garcia montenegro');
    await expect.poll(() => mark.first().innerText(), { timeout: 10_000 }).toMatch(/García|Montenegro/);
    await box.fill('no-such-word-anywhere');
    await page.getByText('No conversations match your search.').waitFor();
    visitor.close();

    // The same person comes back as a new visitor: once the panel has their email, the history
    // lists the earlier conversation, one click away.
    const again = await visitorChats(playbook.publicId, 'Hello again, any news?');
    await page.goto(`${charla.baseUrl}/inbox/unassigned/${again.id}`);
    await page.getByTestId('assign').click();
    if (!(await page.getByTestId('side-panel').isVisible())) await page.getByTestId('toggle-panel').click();
    // The panel's requests from here on: a failure below says whether the save left the page.
    const panelCalls: string[] = [];
    page.on('response', (r) => {
      if (r.url().includes(`/conversations/${again.id}/panel`))
        panelCalls.push(`${r.request().method()} ${r.status()}`);
    });
    await page.getByTestId('panel-personEmail').fill('lucia@montenegro.example');
    await page.getByTestId('panel-personEmail').blur();
    await waitFor("the returning visitor's email saved", async () => {
      const path = `/api/v1/conversations/${again.id}`;
      const c = await api.call<{ visitor: { email: string | null } }>('GET', path);
      return c.visitor.email === 'lucia@montenegro.example';
    }).catch(async (error: unknown) => {
      // Failed in loaded runs while Assign's delayed focus of the reply box took the typing
      // (fixed in session 13, checked by the next test): if it fails again, say what the UI shows.
      const field = await page
        .getByTestId('panel-personEmail')
        .inputValue()
        .catch(() => '(no field)');
      const saved = await page
        .locator('.save-state')
        .innerText()
        .catch(() => '(no save state)');
      const invalid = await page.locator('.side-panel [role="alert"]').allInnerTexts();
      throw new Error(
        `${String(error)}; email field "${field}", save state "${saved}", alerts ${JSON.stringify(invalid)}, panel requests ${JSON.stringify(panelCalls)}`,
      );
    });
    const history = page.getByTestId('person-history');
    await history.getByRole('link').first().waitFor({ timeout: 20_000 });
    await history.scrollIntoViewIfNeeded();
    await shot(page, 'history-desktop-en');
    await history.getByRole('link').first().click();
    await expect.poll(() => page.url()).toContain(`/inbox/closed/${visitor.id}`);
    again.close();

    // Spanish and phone width, looked at by a person.
    for (const [language, viewport, label] of [
      ['es', DESKTOP, 'desktop-es'],
      ['en', PHONE, 'phone-en'],
      ['es', PHONE, 'phone-es'],
    ] as const) {
      const other = await agentPage(language, viewport);
      await other.goto(`${charla.baseUrl}/inbox/closed`);
      await other.getByRole('searchbox').fill('quetzalcoatl');
      await other.getByTestId('search-snippet').locator('mark').first().waitFor({ timeout: 10_000 });
      await shot(other, `search-${label}`);
      await other.getByTestId('conversation-item').first().click();
      await expect.poll(() => other.getByTestId('conversation-title').innerText()).toBe(PERSON);
      if (viewport === DESKTOP && !(await other.getByTestId('side-panel').isVisible()))
        await other.getByTestId('toggle-panel').click();
      await shot(other, `conversation-${label}`);
    }
  });

  it('keeps the keyboard in the side panel when the user goes there right after Assign', async () => {
    const playbook = await createLiveChatPlaybook(api, 'en');
    const page = await agentPage('en');
    // The reply editor's chunk arrives only when the test lets it, after the user has gone to the
    // panel: its arrival used to focus the reply box and take the rest of the typing (issue 13).
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/composer-editor-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${charla.baseUrl}/inbox/unassigned`);
    const online = page.getByTestId('online-switch');
    if ((await online.getAttribute('aria-checked')) !== 'true') await online.click();
    await expect.poll(() => online.getAttribute('aria-checked')).toBe('true');
    const visitor = await visitorChats(playbook.publicId, 'Can someone call me back?');
    await page.goto(`${charla.baseUrl}/inbox/unassigned/${visitor.id}`);
    await page.getByTestId('assign').click();
    await page.getByTestId('assign').waitFor({ state: 'detached' });
    if (!(await page.getByTestId('side-panel').isVisible())) await page.getByTestId('toggle-panel').click();
    const name = page.getByTestId('panel-personName');
    await name.click();
    await page.keyboard.type('Lucía');
    expect(await page.getByTestId('composer-input').count()).toBe(0);

    release();
    await page.getByTestId('composer-input').waitFor();
    await page.keyboard.type(' García');
    expect(await name.inputValue()).toBe('Lucía García');
    expect((await page.getByTestId('composer-input').innerText()).trim()).toBe('');
    await name.blur();
    await expect
      .poll(() => page.getByTestId('conversation-title').innerText(), { timeout: 10_000 })
      .toBe('Lucía García');
    visitor.close();

    // Left alone after Assign, the keyboard goes to the reply box, as before.
    const next = await visitorChats(playbook.publicId, 'And a second question');
    await page.goto(`${charla.baseUrl}/inbox/unassigned/${next.id}`);
    await page.getByTestId('assign').click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')), {
        timeout: 10_000,
      })
      .toBe('composer-input');
    next.close();
  });
});
