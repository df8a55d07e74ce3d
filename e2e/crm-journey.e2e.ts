import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TConversationPanelDto, TCrmDealDto, TCrmLeadDto, TCrmPipelineDto } from '@charla/protocol';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  launchBrowser,
  loginContext,
  screenshot,
  startCharla,
  type RunningCharla,
} from './harness';
import { visitorChats, type VisitorChat } from './visitor-chat';
import { adminApi, createLiveChatPlaybook, goOnline, waitFor, type AdminApi } from './widget-fixtures';

// Issue 15 acceptance in Chromium: from a visitor's chat to a lead edited in the side panel, a
// deal made in the convert dialog, the deal page and the panel showing the same values (an open
// panel follows a change made on the deal page live), and two browsers editing the same deal
// field (the second gets the conflict, not a silent overwrite).

const DESKTOP = { width: 1440, height: 900 };
/** A busy machine: conditions get time to become true (no timing is asserted). */
const POLL = { timeout: 20_000 };

let charla: RunningCharla;
let browser: Browser;
let api: AdminApi;
let visitor: VisitorChat;
let online: { close(): void };
const contexts: BrowserContext[] = [];

async function newPage(viewport = DESKTOP, language: 'en' | 'es' = 'en'): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'en-US', timezoneId: 'Europe/Madrid' });
  contexts.push(context);
  await context.addInitScript((lang) => localStorage.setItem('charla.language', lang), language);
  await loginContext(context, charla.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('[page error]', err));
  return page;
}

const panelOf = (id: string) => api.call<TConversationPanelDto>('GET', `/api/v1/conversations/${id}/panel`);

beforeAll(async () => {
  charla = await startCharla();
  browser = await launchBrowser();
  api = await adminApi(charla.baseUrl);
  online = await goOnline(charla.baseUrl, api);
  const playbook = await createLiveChatPlaybook(api, 'en');
  visitor = await visitorChats(
    browser,
    charla.baseUrl,
    playbook.publicId,
    'We need 20 hammocks for the office',
  );
}, 120_000);

afterAll(async () => {
  await visitor?.close();
  online?.close();
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await charla?.stop();
});

describe('CRM journey (issue 15 acceptance)', () => {
  let leadId = '';
  let dealId = '';

  it('types the person into the panel, creates a lead and edits its value in the panel; the CRM lead shows it', async () => {
    const page = await newPage();
    await page.goto(`${charla.baseUrl}/conversations/${visitor.conversationId}`);
    await page.getByTestId('side-panel').waitFor();
    await page.getByTestId('panel-personName').fill('Lucía Fernández');
    await page.getByTestId('panel-personEmail').fill('lucia@hamacas.example');
    await page.getByTestId('panel-personPhone').fill('+34 600 111 222');
    await page.getByTestId('panel-personPhone').blur();
    await expect
      .poll(async () => (await panelOf(visitor.conversationId)).person.phone, POLL)
      .toBe('+34600111222');
    await page.getByTestId('create-lead').click();
    const linked = page.getByTestId('panel-linked-lead');
    await linked.waitFor();
    leadId = (await panelOf(visitor.conversationId)).linked?.lead?.id ?? '';
    expect(leadId).not.toBe('');
    await page.getByTestId('panel-linked-person').getByText('lucia@hamacas.example').waitFor();

    await linked.getByRole('button', { name: 'Edit Value' }).click();
    await linked.getByRole('textbox', { name: 'Value' }).fill('12,000');
    await linked.getByRole('textbox', { name: 'Value' }).press('Enter');
    await linked.getByText('€12,000.00').waitFor();
    await expect
      .poll(
        async () => (await api.call<TCrmLeadDto>('GET', `/api/v1/crm/leads/${leadId}`)).value?.amountMinor,
        POLL,
      )
      .toBe(1_200_000);
    await screenshot(page, 'crm-journey-panel-lead-en');

    await page.goto(`${charla.baseUrl}/crm/leads/${leadId}`);
    await page.getByTestId('field-value').getByText('€12,000.00').waitFor();
    await page
      .getByTestId('conversation-link')
      .getByText(/Lucía Fernández/)
      .waitFor();
  }, 180_000);

  it('converts the lead in the dialog choosing a stage, then the deal page and the panel show the same close date', async () => {
    const page = await newPage();
    await page.goto(`${charla.baseUrl}/crm/leads/${leadId}`);
    await page.getByTestId('convert').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('convert-amount').waitFor();
    expect(await dialog.getByTestId('convert-amount').inputValue()).toBe('12000.00');
    const [pipeline] = await api.call<TCrmPipelineDto[]>('GET', '/api/v1/crm/pipelines');
    const stage = pipeline?.stages[2];
    await expect
      .poll(() => dialog.getByTestId('convert-stage').locator('option').count(), POLL)
      .toBeGreaterThan(2);
    await dialog.getByTestId('convert-stage').selectOption(stage?.id ?? '');
    await screenshot(page, 'crm-journey-convert-dialog-en');
    await dialog.getByTestId('convert-submit').click();
    await page.waitForURL(/\/crm\/deals\//);
    dealId = page.url().split('/').pop() ?? '';
    const deal = await api.call<TCrmDealDto>('GET', `/api/v1/crm/deals/${dealId}`);
    expect(deal).toMatchObject({ stage: { id: stage?.id }, value: { amountMinor: 1_200_000 }, leadId });
    expect(deal.person?.name).toBe('Lucía Fernández');

    await page.getByRole('button', { name: 'Edit Expected close' }).click();
    await page.getByLabel('Expected close').fill('2026-12-24');
    await page.getByLabel('Expected close').press('Enter');
    await expect
      .poll(
        async () => (await api.call<TCrmDealDto>('GET', `/api/v1/crm/deals/${dealId}`)).expectedCloseDate,
        POLL,
      )
      .toBe('2026-12-24');

    await page.goto(`${charla.baseUrl}/conversations/${visitor.conversationId}`);
    const panelDeal = page.getByTestId('panel-linked-deal');
    await panelDeal.getByText('Dec 24, 2026').waitFor();
    await panelDeal.getByText('€12,000.00').waitFor();
    await screenshot(page, 'crm-journey-panel-deal-en');
  }, 180_000);

  it('shows a colleague’s change in an open panel at once, and gives the second of two editors the conflict', async () => {
    const first = await newPage();
    const second = await newPage();
    await first.goto(`${charla.baseUrl}/crm/deals/${dealId}`);
    await second.goto(`${charla.baseUrl}/conversations/${visitor.conversationId}`);
    const panelDeal = second.getByTestId('panel-linked-deal');
    await panelDeal.getByText('€12,000.00').waitFor();
    await first.getByTestId('field-value').waitFor();
    const saveValue = async (page: Page, text: string) => {
      await page.getByRole('button', { name: 'Edit Value' }).click();
      await page.getByRole('textbox', { name: 'Value' }).fill(text);
      await page.getByRole('textbox', { name: 'Value' }).press('Enter');
    };
    const dealValue = async () =>
      (await api.call<TCrmDealDto>('GET', `/api/v1/crm/deals/${dealId}`)).value?.amountMinor;

    // The deal page saves 15,000: the open panel follows over the socket, no reload, no refocus.
    await saveValue(first, '15,000');
    await expect.poll(dealValue, POLL).toBe(1_500_000);
    await panelDeal.getByText('€15,000.00').waitFor();

    // The panel starts editing on 15,000; the deal page saves 16,000 meanwhile; the panel's save
    // names the version it started on, so it gets the conflict, not a silent overwrite.
    await panelDeal.getByRole('button', { name: 'Edit Value' }).click();
    await panelDeal.getByRole('textbox', { name: 'Value' }).fill('13,000');
    await saveValue(first, '16,000');
    await expect.poll(dealValue, POLL).toBe(1_600_000);
    await panelDeal.getByRole('textbox', { name: 'Value' }).press('Enter');
    await second.getByTestId('panel-conflict').waitFor();
    await screenshot(second, 'crm-journey-panel-conflict-en');
    expect(await dealValue()).toBe(1_600_000);
    await second.getByTestId('panel-conflict').getByRole('button', { name: 'Load their version' }).click();
    await panelDeal.getByText('€16,000.00').waitFor();
    await waitFor('the panel API mirrors the deal', async () =>
      (await panelOf(visitor.conversationId)).value?.amountMinor === 1_600_000 ? true : null,
    );
  }, 180_000);
});
