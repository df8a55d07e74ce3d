import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import type { TCannedResponseDto } from '@charla/protocol';
import {
  adminInboxContext,
  axeSeriousViolations,
  launchBrowser,
  screenshot,
  startCharla,
  type RunningCharla,
} from './harness';
import {
  adminApi,
  clickLauncher,
  createLiveChatPlaybook,
  unassignedConversation,
  waitFor,
  widgetFrame,
  type AdminApi,
} from './widget-fixtures';

// Canned responses (issue 16 item 1) in Chromium: a user saves "Pricing" with {{visitor.name}},
// takes a chat from a visitor who gave their name, types /pri, picks it with the keyboard, sees
// the name filled in and sends; the visitor reads it in the widget and the use is counted.
// Screenshots (e2e/screenshots/canned-*.png): the popup and Settings, English desktop and
// Spanish at 390 px.

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const VISITOR = 'Lucía Fernández-Ortega';
const BODY = 'Hi {{visitor.name}}, our **Pro** plan is 29 € a month — {{user.name}}';

let charla: RunningCharla;
let browser: Browser;
let api: AdminApi;
const contexts: BrowserContext[] = [];

async function inboxPage(language: 'en' | 'es', viewport: typeof DESKTOP): Promise<Page> {
  const context = await adminInboxContext(browser, charla.baseUrl, { language, viewport });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('[inbox page error]', err));
  return page;
}

/** A visitor on the demo site who tells the widget their name, then asks for a person. */
async function namedVisitor(publicId: string): Promise<Frame> {
  const context = await browser.newContext({ viewport: DESKTOP });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${charla.baseUrl.replace('127.0.0.1', 'localhost')}/demo?playbook=${publicId}`);
  await page.waitForFunction(() => 'Charla' in window);
  await clickLauncher(page);
  const frame = await widgetFrame(page);
  await frame.getByRole('button', { name: 'Talk to someone' }).click();
  await frame.getByText('Waiting for someone from our team').waitFor();
  await page.evaluate((name) => {
    (window as unknown as { Charla: { identify(v: { name: string }): void } }).Charla.identify({ name });
  }, VISITOR);
  return frame;
}

beforeAll(async () => {
  charla = await startCharla();
  browser = await launchBrowser();
  api = await adminApi(charla.baseUrl);
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await charla?.stop();
});

describe('canned responses', () => {
  it('creates "Pricing", inserts it with /pri and the keyboard, and the visitor receives it filled', async () => {
    const playbook = await createLiveChatPlaybook(api, 'en');
    const page = await inboxPage('en', DESKTOP);

    // Settings → Canned responses: the shortcut is suggested from the title.
    await page.goto(`${charla.baseUrl}/settings/canned-responses`);
    await page.getByTestId('canned-add').click();
    await page.getByTestId('canned-title').fill('Pricing');
    expect(await page.getByTestId('canned-shortcut').inputValue()).toBe('pricing');
    await page.getByTestId('canned-body').fill(BODY);
    await page.getByTestId('canned-save').click();
    await page.getByTestId('canned-row').filter({ hasText: 'Pricing' }).waitFor();
    expect(await axeSeriousViolations(page)).toEqual([]);
    await screenshot(page, 'canned-settings-en');

    // A visitor who gave their name waits; the admin takes the chat.
    await page.goto(`${charla.baseUrl}/inbox/unassigned`);
    await page.getByTestId('online-switch').click();
    await expect.poll(() => page.getByTestId('online-switch').getAttribute('aria-checked')).toBe('true');
    const widget = await namedVisitor(playbook.publicId);
    const conversation = await unassignedConversation(api);
    await page.locator(`[data-conversation-id="${conversation.id}"]`).click();
    await page.getByTestId('assign').click();
    await expect
      .poll(() => page.getByTestId('conversation-title').innerText(), { timeout: 15_000 })
      .toBe(VISITOR);

    // `/pri` opens the list; the keyboard picks "Pricing".
    const input = page.getByTestId('composer-input');
    await input.click();
    await input.pressSequentially('/pri');
    const option = page.getByTestId('canned-option').first();
    await option.filter({ hasText: 'Pricing' }).waitFor();
    expect(await page.getByRole('listbox').getAttribute('id')).toBe(
      await input.getAttribute('aria-controls'),
    );
    expect(await option.getAttribute('aria-selected')).toBe('true');
    expect(await input.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    await screenshot(page, 'canned-popup-en');
    expect(await axeSeriousViolations(page)).toEqual([]);
    await input.press('ArrowDown');
    await input.press('Enter');

    // The response's Markdown shows formatted in the editor (issue 18): "Pro" in bold.
    const filled = `Hi ${VISITOR}, our Pro plan is 29 € a month — Admin`;
    await expect.poll(() => input.innerText()).toBe(filled);
    expect(await input.locator('strong').innerText()).toBe('Pro');
    expect(await page.getByTestId('canned-popup').count()).toBe(0);
    // The caret is at the end: the user can go on typing before sending.
    const caret = await input.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const selection = getSelection();
      if (!selection || selection.rangeCount === 0) return [-1, 0];
      range.setEnd(selection.getRangeAt(0).endContainer, selection.getRangeAt(0).endOffset);
      return [range.toString().length, (el.textContent ?? '').length];
    });
    expect(caret[0]).toBe(caret[1]);
    await input.pressSequentially(' 🙂');
    await input.press('Enter');

    // The visitor reads it in the widget, bold included.
    await widget
      .getByRole('log')
      .getByText(`Hi ${VISITOR}, our Pro plan is 29 € a month — Admin 🙂`)
      .waitFor();
    await widget.locator('.row strong', { hasText: 'Pro' }).waitFor();

    // One message sent with it: one use.
    const counted = await waitFor('the use counted', async () => {
      const list = await api.call<TCannedResponseDto[]>('GET', '/api/v1/canned-responses');
      return list.find((c) => c.shortcut === 'pricing' && c.usageCount === 1);
    });
    expect(counted.title).toBe('Pricing');

    // Spanish on a phone: the popup over the composer, then Settings.
    const phone = await inboxPage('es', PHONE);
    await phone.goto(`${charla.baseUrl}/inbox/mine/${conversation.id}`);
    const phoneInput = phone.getByTestId('composer-input');
    await phoneInput.click();
    await phoneInput.pressSequentially('/');
    await phone.getByTestId('canned-option').first().waitFor();
    await phone
      .getByText(/respuesta predefinida/)
      .first()
      .waitFor();
    await screenshot(phone, 'canned-popup-es-phone');
    await phoneInput.press('Escape');
    expect(await phone.getByTestId('canned-popup').count()).toBe(0);
    // The toolbar button opens the same list; a tap inserts.
    await phone.getByTestId('canned-button').click();
    await phone.getByTestId('canned-option').first().click();
    await expect.poll(() => phoneInput.innerText()).toBe(`/ ${filled}`);
    await phone.goto(`${charla.baseUrl}/settings/canned-responses`);
    await phone.getByTestId('canned-row').first().waitFor();
    await phone.getByRole('tab', { name: /Respuestas del equipo/ }).click();
    await phone.getByRole('tab', { name: /Mis respuestas/ }).click();
    await screenshot(phone, 'canned-settings-es-phone');
    await phone.getByTestId('canned-add').click();
    await phone.getByTestId('canned-title').fill('Horario de atención al cliente en días festivos');
    await screenshot(phone, 'canned-dialog-es-phone');
  });

  it('fills {{visitor.name}} with the person named in the side panel, also after a reload', async () => {
    const PERSON = 'Maximiliana Fernández-Oyarzábal de la Concepción';
    const playbook = await createLiveChatPlaybook(api, 'en');
    await api.call('POST', '/api/v1/canned-responses', {
      scope: 'personal',
      title: 'Residential plans',
      shortcut: 'plans',
      body: 'Hi {{visitor.name | there}}, our residential plans start at €4,900 installed.',
    });
    const page = await inboxPage('en', DESKTOP);
    await page.goto(`${charla.baseUrl}/inbox/unassigned`);
    const online = page.getByTestId('online-switch');
    if ((await online.getAttribute('aria-checked')) !== 'true') await online.click();
    await expect.poll(() => online.getAttribute('aria-checked')).toBe('true');

    // A visitor who never gave a name.
    const visitor = await browser.newContext({ viewport: DESKTOP });
    contexts.push(visitor);
    const demo = await visitor.newPage();
    await demo.goto(`${charla.baseUrl.replace('127.0.0.1', 'localhost')}/demo?playbook=${playbook.publicId}`);
    await clickLauncher(demo);
    const frame = await widgetFrame(demo);
    await frame.getByRole('button', { name: 'Talk to someone' }).click();
    await frame.getByText('Waiting for someone from our team').waitFor();
    const conversation = await unassignedConversation(api);
    await page.locator(`[data-conversation-id="${conversation.id}"]`).click();
    await page.getByTestId('assign').click();
    const input = page.getByTestId('composer-input');
    await input.waitFor();

    /** Types the shortcut, picks the response and gives back what the composer then holds. */
    const insert = async (): Promise<string> => {
      await input.click();
      await input.pressSequentially('/plans');
      await page.getByTestId('canned-option').filter({ hasText: 'Residential plans' }).first().waitFor();
      await input.press('Enter');
      await expect.poll(() => input.innerText()).toContain('residential plans');
      const text = await input.innerText();
      await input.press('ControlOrMeta+a');
      await input.press('Backspace');
      return text;
    };

    // Nothing known: the fallback.
    expect(await insert()).toBe('Hi there, our residential plans start at €4,900 installed.');

    // The user names the person in the side panel: the header and the response say the name.
    if (!(await page.getByTestId('side-panel').isVisible())) await page.getByTestId('toggle-panel').click();
    await page.getByTestId('panel-personName').fill(PERSON);
    await page.getByTestId('panel-personName').blur();
    await expect
      .poll(() => page.getByTestId('conversation-title').innerText(), { timeout: 10_000 })
      .toBe(PERSON);
    const named = `Hi ${PERSON}, our residential plans start at €4,900 installed.`;
    expect(await insert()).toBe(named);
    await page.reload();
    await input.waitFor();
    expect(await insert()).toBe(named);
    await input.click();
    await input.pressSequentially('/plans');
    await input.press('Enter');
    await expect.poll(() => input.innerText()).toBe(named);
    await screenshot(page, 'canned-panel-name-en');
  });
});
