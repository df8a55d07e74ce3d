import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import type { TConversationDto } from '@charla/protocol';
import { adminInboxContext, launchBrowser, screenshot, startCharla, type RunningCharla } from './harness';
import {
  adminApi,
  clickLauncher,
  createLiveChatPlaybook,
  goOnline,
  richText,
  unassignedConversation,
  userApi,
  waitFor,
  widgetFrame,
  type AdminApi,
} from './widget-fixtures';

// Issue 16 item 2 in Chromium: Ana, assigned a chat, writes a private note mentioning Bob. Bob is
// notified, opens the chat from the notice and can read it but not reply; the visitor's widget
// never shows the note. Screenshots: e2e/screenshots/notes-*.png (English, Spanish, 390 px phone).

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const SECRET = 'Internal: VIP customer, offer the 20% discount';
const BOB = 'Bob Bartholomew-Featherstonehaugh';

let charla: RunningCharla;
let browser: Browser;
let admin: AdminApi;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  charla = await startCharla();
  browser = await launchBrowser();
  admin = await adminApi(charla.baseUrl);
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await charla?.stop();
});

async function inboxAs(email: string, password: string, language: 'en' | 'es', viewport = DESKTOP) {
  const as = { email, password };
  const context = await adminInboxContext(browser, charla.baseUrl, { language, viewport, as });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('[inbox page error]', err));
  return page;
}

/** A visitor on the demo site who asks for a person through the real widget. */
async function visitorAsksForPerson(publicId: string): Promise<{ page: Page; frame: Frame }> {
  const context = await browser.newContext({ viewport: DESKTOP });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${charla.baseUrl.replace('127.0.0.1', 'localhost')}/demo?playbook=${publicId}`);
  await clickLauncher(page);
  const frame = await widgetFrame(page);
  await frame.getByRole('button', { name: 'Talk to someone' }).click();
  await frame.getByText('Waiting for someone from our team').waitFor();
  return { page, frame };
}

/**
 * Writes a note in the open conversation, mentioning `who` through the picker and with one word in
 * bold (Ctrl+B), keyboard only. The draft survives a switch to Reply and back.
 */
async function writeNote(page: Page, before: string, query: string, after: string, shot: string) {
  await page.getByTestId('mode-note').click();
  const input = page.getByTestId('note-input');
  await input.click();
  // Typing starts once the caret is in the editor (it loads with the reply composer's chunk).
  await expect
    .poll(() => input.evaluate((el) => el.contains(document.activeElement)), { timeout: 10_000 })
    .toBe(true);
  await input.pressSequentially(`${before} @${query}`);
  await page.getByRole('listbox').waitFor();
  expect(await input.getAttribute('aria-expanded')).toBe('true');
  await screenshot(page, `${shot}-mention-picker`);
  await input.press('ArrowDown');
  await input.press('ArrowUp');
  await input.press('Enter');
  await expect.poll(() => input.getAttribute('aria-expanded')).toBe('false');
  await input.pressSequentially(`${after} `);
  await input.press('Control+b');
  await input.pressSequentially('now');
  await page.getByTestId('mode-reply').click();
  await page.getByTestId('mode-note').click();
  await expect.poll(() => input.innerText(), { timeout: 10_000 }).toContain(`${after} now`);
  expect(await input.locator('strong').innerText()).toBe('now');
  await screenshot(page, `${shot}-note-composer`);
  // The caret to the end of the note (End alone goes to the end of the wrapped line).
  await input.press('Control+End');
  await input.press('Enter');
  await expect.poll(async () => (await input.innerText()).trim(), { timeout: 10_000 }).toBe('');
}

describe('private notes with @mentions', () => {
  it('lets Ana mention Bob in a note Bob can read but not answer, and the visitor never sees', async () => {
    const ana = await userApi(charla.baseUrl, admin, 'Ana Assignee', 'ana@charla.test');
    const bob = await userApi(charla.baseUrl, admin, BOB, 'bob@charla.test');
    const playbook = await createLiveChatPlaybook(admin, 'en');
    const anaSocket = await goOnline(charla.baseUrl, ana.api);
    const visitor = await visitorAsksForPerson(playbook.publicId);
    const conversation = await unassignedConversation(ana.api);
    await ana.api.call('POST', `/api/v1/conversations/${conversation.id}/assign`);
    await visitor.frame.locator('.sys', { hasText: 'Ana Assignee joined the conversation' }).waitFor();

    // Bob keeps his inbox open: the mention reaches it as a notice.
    const bobPage = await inboxAs('bob@charla.test', bob.password, 'en');
    await bobPage.goto(`${charla.baseUrl}/inbox/unassigned`);
    await bobPage.getByTestId('folder-tabs').or(bobPage.locator('main')).first().waitFor();

    const anaPage = await inboxAs('ana@charla.test', ana.password, 'en');
    await anaPage.goto(`${charla.baseUrl}/inbox/mine/${conversation.id}`);
    await anaPage.getByTestId('composer').waitFor();
    await writeNote(anaPage, SECRET, 'bob', ' please check', 'notes-en-desktop');
    const bubble = anaPage.getByTestId('message-note');
    await bubble.waitFor();
    expect(await bubble.innerText()).toContain(SECRET);
    expect(await bubble.locator('strong').innerText()).toBe('now');
    expect(await bubble.innerText()).toMatch(new RegExp(`@${BOB}\\s+please check now`));
    await anaPage.getByTestId('event-mentioned').waitFor();
    await screenshot(anaPage, 'notes-en-desktop-note-bubble');

    const toast = bobPage.getByTestId('toast').filter({ hasText: 'You were mentioned in a private note' });
    await toast.waitFor();
    await toast.getByRole('button').first().click();
    await bobPage.getByTestId('message-note').waitFor();
    await bobPage.getByTestId('mention-read-only').waitFor();
    await bobPage.getByTestId('composer-disabled').waitFor();
    await screenshot(bobPage, 'notes-en-desktop-mentioned-reader');
    await expect(
      bob.api.call('POST', `/api/v1/conversations/${conversation.id}/messages`, {
        clientMsgId: 'bob-1',
        body: richText('Bob tries to reply'),
      }),
    ).rejects.toThrow(/404/);

    // A reply after the note reaches the widget; the note never does, not even after a reload.
    await ana.api.call('POST', `/api/v1/conversations/${conversation.id}/messages`, {
      clientMsgId: 'ana-1',
      body: richText('Thanks for waiting, let me look.'),
    });
    await visitor.frame.locator('.log').getByText('Thanks for waiting, let me look.').waitFor();
    expect(await visitor.frame.locator('body').innerText()).not.toContain('VIP');
    await visitor.page.reload();
    const reloaded = await widgetFrame(visitor.page);
    await reloaded.locator('.log').getByText('Thanks for waiting, let me look.').waitFor();
    expect(await reloaded.locator('body').innerText()).not.toContain('VIP');
    expect(await reloaded.locator('body').innerText()).not.toContain('mentioned');

    // Spanish, and a 390 px phone.
    const spanish = await inboxAs('ana@charla.test', ana.password, 'es');
    await spanish.goto(`${charla.baseUrl}/inbox/mine/${conversation.id}`);
    await writeNote(spanish, 'Nota para el equipo:', 'bob', ' revisa la factura', 'notes-es-desktop');
    await waitFor('two notes', async () => (await spanish.getByTestId('message-note').count()) === 2);
    await screenshot(spanish, 'notes-es-desktop-note-bubble');
    const phone = await inboxAs('ana@charla.test', ana.password, 'es', PHONE);
    await phone.goto(`${charla.baseUrl}/inbox/mine/${conversation.id}`);
    await phone.getByTestId('message-note').first().waitFor();
    await writeNote(phone, 'Desde el móvil', 'bo', ' gracias', 'notes-es-phone');
    await waitFor('three notes', async () => (await phone.getByTestId('message-note').count()) === 3);
    await screenshot(phone, 'notes-es-phone-note-bubble');
    const stored = await ana.api.call<TConversationDto>('GET', `/api/v1/conversations/${conversation.id}`);
    expect(stored.readerIds).toEqual([bob.user.id]);
    anaSocket.close();
  });
});
