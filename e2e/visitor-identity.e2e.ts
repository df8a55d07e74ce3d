import { createHmac } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import type { TConversationDto, TMessageDto, TRotatedIdentitySecretDto } from '@charla/protocol';
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
  unassignedConversation,
  waitFor,
  widgetFrame,
  type AdminApi,
} from './widget-fixtures';

// Issue 24 in Chromium: a shop on another origin signs its logged-in user on its own server
// (HMAC-SHA256 of the userId) and calls Charla.identify(); the inbox shows "Verified"; the same
// user on a second browser context sees the earlier conversation and continues it; a console call
// with a forged hash is refused in the widget and the inbox shows nothing of it. Screenshots go to
// /tmp/charla-identity-shots.

const SHOTS = '/tmp/charla-identity-shots';
const USER = { id: 'cust-7781', name: 'Dana Whitfield-Okonkwo', email: 'dana@shop.example' };

let charla: RunningCharla;
let browser: Browser;
let api: AdminApi;
let secret: string;
let publicId: string;
let shop: Server;
let shopOrigin: string;
const contexts: BrowserContext[] = [];

/** The shop's own server: signs the logged-in user into the page (the secret never leaves it). */
function shopPage(url: URL): string {
  const loggedIn = url.pathname === '/account';
  const identify = loggedIn
    ? `<script>window.addEventListener('load', () => Charla.identify(${JSON.stringify({
        userId: USER.id,
        userHash: createHmac('sha256', secret).update(USER.id).digest('hex'),
        name: USER.name,
        email: USER.email,
        attributes: { plan: 'business', seats: 12, signup_date: '2025-11-03' },
      })}));</script>`
    : '';
  return `<!doctype html><html><head><title>Shop</title></head><body><h1>Shop</h1>
<script async src="${charla.baseUrl}/widget.js" data-playbook="${publicId}"></script>${identify}</body></html>`;
}

async function visitor(path: '/account' | '/'): Promise<{ page: Page; frame: Frame }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${shopOrigin}${path}`);
  await page.waitForFunction(() => 'Charla' in window);
  await page.evaluate(() => {
    const w = window as unknown as {
      Charla: { on(e: string, f: (d: unknown) => void): void };
      events: unknown[];
    };
    w.events = [];
    for (const name of ['identified', 'identityRefused'])
      w.Charla.on(name, (data) => w.events.push({ name, data }));
  });
  await clickLauncher(page);
  return { page, frame: await widgetFrame(page) };
}

const inLog = (frame: Frame, text: string | RegExp) => frame.getByRole('log').getByText(text);

async function send(frame: Frame, text: string): Promise<void> {
  const box = frame.getByRole('textbox', { name: 'Message' });
  await box.fill(text);
  await box.press('Enter');
}

async function messages(conversationId: string): Promise<TMessageDto[]> {
  const page = await api.call<{ items: TMessageDto[] }>(
    'GET',
    `/api/v1/conversations/${conversationId}/messages`,
  );
  return page.items;
}

beforeAll(async () => {
  charla = await startCharla();
  browser = await launchBrowser();
  api = await adminApi(charla.baseUrl);
  secret = (await api.call<TRotatedIdentitySecretDto>('POST', '/api/v1/settings/identity/rotate', {})).secret;
  publicId = (await createLiveChatPlaybook(api, 'en')).publicId;
  shop = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end(shopPage(new URL(req.url ?? '/', shopOrigin)));
  });
  await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
  // Another origin than Charla's (http://127.0.0.1:<port>).
  shopOrigin = `http://localhost:${(shop.address() as AddressInfo).port}`;
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await charla?.stop();
  shop?.close();
});

describe('signed visitor identity across origins and devices (issue 24)', () => {
  let conversation: TConversationDto;
  let agent: Awaited<ReturnType<typeof goOnline>>;
  let first: { page: Page; frame: Frame };

  it('verifies the shop’s signed user and the inbox shows "Verified"', async () => {
    agent = await goOnline(charla.baseUrl, api);
    first = await visitor('/account');
    await first.frame.getByRole('button', { name: 'Talk to someone' }).click();
    await first.frame.getByText('Waiting for someone from our team').waitFor();
    conversation = await unassignedConversation(api);
    const shown = await waitFor('the verified identity', async () => {
      const dto = await api.call<TConversationDto>('GET', `/api/v1/conversations/${conversation.id}`);
      return dto.visitor.context.identity?.verified ? dto : null;
    });
    expect(shown.visitor).toMatchObject({ displayName: USER.name, email: USER.email });
    expect(shown.visitor.context.identity).toMatchObject({
      userId: USER.id,
      attributes: { plan: 'business', seats: 12 },
    });
    expect(await first.page.evaluate(() => (window as unknown as { events: unknown[] }).events)).toEqual([
      { name: 'identified', data: { verified: true } },
    ]);

    const inbox = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(inbox);
    await inbox.addInitScript(() => localStorage.setItem('charla.notificationPromptDismissed', '1'));
    await loginContext(inbox, charla.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const page = await inbox.newPage();
    await page.goto(`${charla.baseUrl}/inbox/unassigned/${conversation.id}`);
    const item = page.locator(`[data-conversation-id="${conversation.id}"]`);
    await expect(item.getByTestId('identity-badge').textContent()).resolves.toContain('Verified');
    await expect(page.locator('.conv-header').getByTestId('identity-badge').textContent()).resolves.toContain(
      'Verified',
    );
    await page.getByText('business').first().waitFor();
    // The signature covers the userId only: every attribute the page passed says "Unverified"…
    const rows = page.getByTestId('identity-attribute');
    await expect(rows.count()).resolves.toBe(3);
    await expect(page.getByTestId('attribute-unverified').count()).resolves.toBe(3);
    // …and so does the email: never matched to a CRM person while only the browser vouches for it…
    await expect(page.getByTestId('email-unverified').count()).resolves.toBe(1);
    await page.getByTestId('email-unverified').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/panel-email-unverified-1280.png` });
    // …until the shop's server sets them over REST (the same values the page passes, so reloads agree).
    await api.call('PUT', `/api/v1/visitor-identities/${USER.id}`, {
      email: USER.email,
      attributes: { plan: 'business' },
    });
    await page.reload();
    await page.getByText('business').first().waitFor();
    await expect(page.getByTestId('attribute-unverified').count()).resolves.toBe(2);
    await expect(page.getByTestId('email-unverified').count()).resolves.toBe(0);
    const plan = rows.filter({ has: page.getByText('plan', { exact: true }) });
    await expect(plan.getByTestId('attribute-unverified').count()).resolves.toBe(0);
    // A lead from the panel matches the CRM person by the verified email; the panel marks them.
    const person = await api.call<{ id: string }>('POST', `/api/v1/crm/persons`, {
      name: USER.name,
      emails: [USER.email],
    });
    const lead = await api.call<{ matched: { person: boolean } }>(
      'POST',
      `/api/v1/conversations/${conversation.id}/panel/lead`,
      {},
    );
    expect(lead.matched.person).toBe(true);
    await page.reload();
    await page.getByTestId('panel-linked-person').getByTestId('identity-badge').waitFor();
    await page.screenshot({ path: `${SHOTS}/inbox-verified-1280.png` });
    await page.goto(`${charla.baseUrl}/crm/persons/${person.id}`);
    await expect(page.getByTestId('person-identity').textContent()).resolves.toContain(USER.id);
    await page.screenshot({ path: `${SHOTS}/crm-person-1280.png` });
    await page.goto(`${charla.baseUrl}/inbox/unassigned/${conversation.id}`);
    await page.locator('.conv-header').getByTestId('identity-badge').waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/inbox-verified-390.png` });
  });

  it('shows the earlier conversation on a second browser and continues it there', async () => {
    await api.call('POST', `/api/v1/conversations/${conversation.id}/assign`);
    await api.call('POST', `/api/v1/conversations/${conversation.id}/messages`, {
      clientMsgId: 'e2e-identity-reply-1',
      body: richText('Hello Dana, how can I help?'),
    });
    await inLog(first.frame, 'Hello Dana, how can I help?').waitFor();

    const second = await visitor('/account');
    await inLog(second.frame, 'Hello Dana, how can I help?').waitFor();
    await second.page.screenshot({ path: `${SHOTS}/second-device-1280.png` });
    await send(second.frame, 'Writing from my phone now');
    await inLog(first.frame, 'Writing from my phone now').waitFor();
    await send(first.frame, 'And back on the laptop');
    await inLog(second.frame, 'And back on the laptop').waitFor();

    const all = await messages(conversation.id);
    const texts = all.map((m) => JSON.stringify(m.body));
    for (const text of ['Writing from my phone now', 'And back on the laptop'])
      expect(texts.filter((t) => t.includes(text))).toHaveLength(1);
    expect(all.map((m) => m.seq)).toEqual([...all.map((m) => m.seq)].sort((a, b) => a - b));
    // Exactly once on each device too.
    for (const device of [first, second])
      for (const text of ['Writing from my phone now', 'And back on the laptop'])
        expect(await inLog(device.frame, text).count()).toBe(1);
    const list = await api.call<{ items: TConversationDto[] }>('GET', '/api/v1/conversations?folder=mine');
    expect(list.items.filter((c) => c.visitor.context.identity?.userId === USER.id)).toHaveLength(1);
    agent.close();
  });

  it('refuses a console call with a forged hash, and the inbox shows nothing of it', async () => {
    const before = await messages(conversation.id);
    const stranger = await visitor('/');
    await stranger.page.evaluate((user) => {
      const w = window as unknown as { Charla: { identify(v: Record<string, unknown>): void } };
      w.Charla.identify({
        userId: user.id,
        userHash: 'ab'.repeat(32),
        name: 'Mallory Forger',
        email: user.email,
      });
    }, USER);
    const refused = await waitFor('the refusal', async () => {
      const events = await stranger.page.evaluate(
        () => (window as unknown as { events: { name: string }[] }).events,
      );
      return events.find((e) => e.name === 'identityRefused');
    });
    expect(refused).toMatchObject({ data: { code: 'IDENTITY_HASH_INVALID' } });
    // The stranger neither sees Dana's conversation nor shows up as anyone in the inbox.
    await stranger.frame.getByRole('button', { name: 'Talk to someone' }).waitFor();
    expect(await inLog(stranger.frame, 'Hello Dana, how can I help?').count()).toBe(0);
    expect(await messages(conversation.id)).toEqual(before);
    for (const folder of ['unassigned', 'mine', 'closed']) {
      const page = await api.call<{ items: TConversationDto[] }>(
        'GET',
        `/api/v1/conversations?folder=${folder}`,
      );
      expect(JSON.stringify(page.items)).not.toContain('Mallory');
    }
    const dana = await api.call<TConversationDto>('GET', `/api/v1/conversations/${conversation.id}`);
    expect(dana.visitor.displayName).toBe(USER.name);
  });

  it('forgets the identity and the token on Charla.reset()', async () => {
    const device = await visitor('/account');
    await inLog(device.frame, 'Hello Dana, how can I help?').waitFor();
    await device.page.evaluate(() => (window as unknown as { Charla: { reset(): void } }).Charla.reset());
    await device.frame.getByRole('button', { name: 'Talk to someone' }).waitFor();
    expect(await inLog(device.frame, 'Hello Dana, how can I help?').count()).toBe(0);
    // A later page of the logged-out user is a new visitor too.
    await device.page.goto(`${shopOrigin}/`);
    // The chat was open on the previous page, so the loader opens it again by itself.
    const frame = await widgetFrame(device.page);
    await frame.getByRole('button', { name: 'Talk to someone' }).waitFor();
    expect(await inLog(frame, 'Hello Dana, how can I help?').count()).toBe(0);
  });

  it('screenshots: the inbox and Settings → Visitor identity in English and Spanish, desktop and phone', async () => {
    for (const language of ['en', 'es'] as const) {
      const context = await browser.newContext({
        viewport: { width: 1440, height: 900 },
        locale: language === 'es' ? 'es-ES' : 'en-US',
      });
      contexts.push(context);
      await context.addInitScript((lang) => {
        localStorage.setItem('charla.language', lang);
        localStorage.setItem('charla.notificationPromptDismissed', '1');
      }, language);
      await loginContext(context, charla.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
      const page = await context.newPage();
      await page.goto(`${charla.baseUrl}/inbox/mine/${conversation.id}`);
      await page.locator('.conv-header').getByTestId('identity-badge').waitFor();
      const unverified = page.getByTestId('attribute-unverified').first();
      await expect(unverified.textContent()).resolves.toBe(
        language === 'es' ? 'Sin verificar' : 'Unverified',
      );
      await page.screenshot({ path: `${SHOTS}/inbox-${language}-1440.png` });
      await unverified.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/panel-attributes-${language}-1440.png` });
      await page.goto(`${charla.baseUrl}/settings/identity`);
      await page.getByTestId('identity-secrets').waitFor();
      await page.screenshot({ path: `${SHOTS}/settings-${language}-1440.png` });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: `${SHOTS}/settings-${language}-390.png` });
      await page.goto(`${charla.baseUrl}/inbox/mine/${conversation.id}`);
      await page.getByTestId('conversation-title').waitFor();
      await page.screenshot({ path: `${SHOTS}/inbox-${language}-390.png` });
      await page.getByTestId('toggle-panel').click();
      await page.getByTestId('attribute-unverified').first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/panel-attributes-${language}-390.png` });
    }
  });
});
