import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TLabelDto } from '@charla/protocol';
import {
  adminInboxContext,
  axeSeriousViolations,
  launchBrowser,
  loginContext,
  screenshot,
  startCharla,
} from './harness';
import type { RunningCharla } from './harness';
import { visitorChats, type VisitorChat } from './visitor-chat';
import {
  adminApi,
  createLiveChatPlaybook,
  goOnline,
  userApi,
  waitFor,
  type AdminApi,
} from './widget-fixtures';

// Issue 16 item 3: an admin creates labels in Settings, a user labels a chat with the keyboard from
// the conversation header, the admin's open inbox shows the chip live, and the list filters by it.

const VIP = 'Cliente VIP';
const LONG = 'Facturación y pagos pendientes de envío'; // 39 of the 40 characters a name may have

let charla: RunningCharla;
let browser: Browser;
let api: AdminApi;
let online: { close(): void };
let labelled: VisitorChat;
let other: VisitorChat;
let lucia: { email: string; password: string };
let admin: Page;

async function userContext(viewport: { width: number; height: number }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, locale: 'es-ES' });
  await context.addInitScript(() => {
    localStorage.setItem('charla.language', 'es');
    localStorage.setItem('charla.notificationPromptDismissed', '1');
  });
  await loginContext(context, charla.baseUrl, lucia.email, lucia.password);
  return context;
}

beforeAll(async () => {
  charla = await startCharla();
  browser = await launchBrowser();
  api = await adminApi(charla.baseUrl);
  const created = await userApi(charla.baseUrl, api, 'Lucía', 'lucia@charla.test');
  lucia = { email: 'lucia@charla.test', password: created.password };
  const playbook = await createLiveChatPlaybook(api, 'es', 600);
  online = await goOnline(charla.baseUrl, api);
  labelled = await visitorChats(browser, charla.baseUrl, playbook.publicId, 'Quiero el plan anual');
  other = await visitorChats(browser, charla.baseUrl, playbook.publicId, '¿Tenéis envío a Canarias?');
  const context = await adminInboxContext(browser, charla.baseUrl, {
    language: 'es',
    viewport: { width: 1280, height: 800 },
  });
  admin = await context.newPage();
}, 120_000);

afterAll(async () => {
  await labelled?.close();
  await other?.close();
  online?.close();
  await browser?.close();
  await charla?.stop();
});

async function createLabelInSettings(name: string, colour: string, shoot = false): Promise<void> {
  await admin.getByTestId('add-label').click();
  await admin.getByLabel('Nombre').fill(name);
  await admin.getByRole('radio', { name: colour, exact: true }).check();
  if (shoot) {
    await screenshot(admin, 'labels-dialog-es');
    expect(await axeSeriousViolations(admin)).toEqual([]);
  }
  await admin.getByRole('button', { name: 'Crear etiqueta' }).click();
  await admin.getByTestId('label-row').filter({ hasText: name }).waitFor();
}

describe('conversation labels (issue 16 item 3)', () => {
  it('an admin manages the labels in Settings', { timeout: 60_000 }, async () => {
    await admin.goto(`${charla.baseUrl}/settings/labels`);
    await admin.getByRole('heading', { name: 'Etiquetas' }).waitFor();
    await createLabelInSettings(VIP, 'Ámbar');
    await createLabelInSettings(LONG, 'Azul', true);
    await createLabelInSettings('Borrar', 'Rojo');
    await admin.getByRole('button', { name: 'Eliminar la etiqueta «Borrar»' }).click();
    await admin.getByTestId('confirm-remove-label').click();
    await waitFor('the label gone', async () => (await admin.getByTestId('label-row').count()) === 2);
    const names = await api.call<TLabelDto[]>('GET', '/api/v1/labels');
    expect(names.map((l) => [l.name, l.color])).toEqual([
      [VIP, 'amber'],
      [LONG, 'blue'],
    ]);
    await screenshot(admin, 'labels-settings-es');
    expect(await axeSeriousViolations(admin)).toEqual([]);
  });

  it(
    'a user labels a chat from the header with the keyboard; the admin sees it live; the list filters by it',
    { timeout: 90_000 },
    async () => {
      await admin.goto(`${charla.baseUrl}/inbox/unassigned`);
      const adminRow = admin.locator(`[data-conversation-id="${labelled.conversationId}"]`);
      await adminRow.waitFor();

      const context = await userContext({ width: 1280, height: 800 });
      const page = await context.newPage();
      await page.goto(`${charla.baseUrl}/inbox/unassigned/${labelled.conversationId}`);
      const header = page.getByTestId('header-labels');
      const picker = header.getByTestId('label-picker');
      await picker.waitFor();
      // Escape closes the menu and gives the focus back to its button.
      await picker.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('menuitemcheckbox', { name: VIP }).waitFor();
      await page.keyboard.press('Escape');
      await waitFor('the menu closed', async () => (await page.getByRole('menu').count()) === 0);
      await expect.poll(() => picker.evaluate((el) => el === document.activeElement)).toBe(true);
      // Open again and pick with the keyboard: the first item is focused, Enter toggles it.
      await page.keyboard.press('ArrowDown');
      const first = page.getByRole('menuitemcheckbox', { name: VIP });
      await first.waitFor();
      await expect.poll(() => first.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Enter');
      await header.getByTestId('label-chip').filter({ hasText: VIP }).waitFor();
      expect(await page.getByTestId('panel-labels').getByTestId('label-chip').allInnerTexts()).toEqual([VIP]);
      // The long label too, from the side panel's picker.
      await page.getByTestId('panel-labels').getByTestId('label-picker').click();
      await page.getByRole('menuitemcheckbox', { name: LONG }).click();
      await header.getByTestId('label-chip').filter({ hasText: LONG }).waitFor();
      await header.getByTestId('label-picker').click();
      await page.getByRole('menu').waitFor();
      await screenshot(page, 'labels-picker-open-es');
      expect(await axeSeriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');

      // Live in the admin's open inbox (the conversation update path).
      await adminRow.getByTestId('label-chip').filter({ hasText: VIP }).waitFor();
      await adminRow.getByTestId('label-chip').filter({ hasText: LONG }).waitFor();

      // The filter: only the labelled chat stays in Unassigned.
      const list = page.getByTestId('conversation-list');
      await list.locator(`[data-conversation-id="${other.conversationId}"]`).waitFor();
      const vip = (await api.call<TLabelDto[]>('GET', '/api/v1/labels')).find((l) => l.name === VIP);
      await page.getByTestId('label-filter').selectOption(vip?.id ?? '');
      await waitFor(
        'the filtered list',
        async () => (await page.getByTestId('conversation-item').count()) === 1,
      );
      await list.locator(`[data-conversation-id="${labelled.conversationId}"]`).waitFor();
      await screenshot(page, 'labels-inbox-filtered-es');
      await context.close();

      // Reports (issue 21): the label filter counts only the chats carrying it.
      await admin.goto(`${charla.baseUrl}/reports`);
      const started = admin.getByTestId('tile-requests');
      await waitFor(
        'both chats asking for a person',
        async () => (await started.textContent()) === '2',
        30_000,
      );
      await admin.locator('#rep-label').selectOption(vip?.id ?? '');
      await waitFor('the labelled chat only', async () => (await started.textContent()) === '1', 30_000);
    },
  );

  it(
    'reads well on a 390 px phone: the filtered list and the conversation header',
    { timeout: 60_000 },
    async () => {
      const context = await userContext({ width: 390, height: 844 });
      const page = await context.newPage();
      await page.goto(`${charla.baseUrl}/inbox/unassigned`);
      await page.locator(`[data-conversation-id="${labelled.conversationId}"]`).waitFor();
      const vip = (await api.call<TLabelDto[]>('GET', '/api/v1/labels')).find((l) => l.name === VIP);
      await page.getByTestId('label-filter').selectOption(vip?.id ?? '');
      await waitFor(
        'the filtered list',
        async () => (await page.getByTestId('conversation-item').count()) === 1,
      );
      await screenshot(page, 'labels-inbox-phone-es');
      await page.locator(`[data-conversation-id="${labelled.conversationId}"]`).click();
      await page.getByTestId('header-labels').getByTestId('label-chip').first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, 'labels-conversation-phone-es');
      await context.close();
    },
  );
});
