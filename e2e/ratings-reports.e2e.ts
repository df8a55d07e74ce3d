import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import type { TOutcomesReportDto, TReportConversationDto } from '@charla/protocol';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  axeSeriousViolations,
  launchBrowser,
  loginContext,
  screenshot,
  startCharla,
  type RunningCharla,
} from './harness';
import {
  adminApi,
  axeSeriousInFrame,
  clickLauncher,
  createLiveChatPlaybook,
  goOnline,
  unassignedConversation,
  waitFor,
  widgetFrame,
  type AdminApi,
} from './widget-fixtures';

// CSAT and reports end to end: a visitor rates a closed chat in the widget (English and Spanish),
// the rating shows in the reports, and "missed" lists exactly the missed conversation.

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

let charla: RunningCharla;
let browser: Browser;
let api: AdminApi;

beforeAll(async () => {
  charla = await startCharla();
  browser = await launchBrowser();
  api = await adminApi(charla.baseUrl);
});
afterAll(async () => {
  await browser?.close();
  await charla?.stop();
});

async function openDemo(publicId: string): Promise<Page> {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('[page error]', err));
  await page.goto(`${charla.baseUrl.replace('127.0.0.1', 'localhost')}/demo?playbook=${publicId}`);
  return page;
}

async function shootBoth(page: Page, name: string): Promise<void> {
  for (const [label, size] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(size);
    await page.waitForTimeout(250);
    await screenshot(page, `csat-${label}-${name}`);
  }
  await page.setViewportSize(DESKTOP);
}

/** A visitor asks for a person, the admin takes the chat and closes it; returns the frame. */
async function closedChat(language: 'en' | 'es'): Promise<{ page: Page; frame: Frame; id: string }> {
  const playbook = await createLiveChatPlaybook(api, language);
  const page = await openDemo(playbook.publicId);
  await clickLauncher(page);
  const frame = await widgetFrame(page);
  await frame
    .getByRole('button', { name: language === 'en' ? 'Talk to someone' : 'Hablar con alguien' })
    .click();
  const conversation = await unassignedConversation(api);
  await api.call('POST', `/api/v1/conversations/${conversation.id}/assign`);
  await api.call('POST', `/api/v1/conversations/${conversation.id}/close`);
  return { page, frame, id: conversation.id };
}

/** The reports screen as the admin sees it, in a language, in Madrid's time zone. */
async function openReports(language: 'en' | 'es'): Promise<Page> {
  const context = await browser.newContext({ viewport: DESKTOP, timezoneId: 'Europe/Madrid' });
  await context.addInitScript((lang) => localStorage.setItem('charla.language', lang), language);
  await loginContext(context, charla.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('[page error]', err));
  await page.goto(`${charla.baseUrl}/reports`);
  await page.getByTestId('tile-missed').waitFor();
  // The team filter is there once a team exists (created in the first test).
  await page.getByLabel(language === 'en' ? 'Team' : 'Equipo', { exact: true }).waitFor();
  return page;
}

async function shootReports(page: Page, language: string): Promise<void> {
  for (const [label, size] of [
    ['1440', DESKTOP],
    ['390', PHONE],
  ] as const) {
    await page.setViewportSize(size);
    await page.waitForTimeout(300);
    await screenshot(page, `reports-${language}-${label}`);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.locator('[data-testid="rep-csat"]').scrollIntoViewIfNeeded();
    await screenshot(page, `reports-${language}-${label}-csat`);
    await page.locator('#rep-funnel').scrollIntoViewIfNeeded();
    await screenshot(page, `reports-${language}-${label}-funnel`);
    await page.evaluate(() => window.scrollTo(0, 0));
  }
  // The filters (team included) on a phone.
  await page.setViewportSize(PHONE);
  await page.locator('#rep-team').scrollIntoViewIfNeeded();
  await screenshot(page, `reports-${language}-390-filters`);
  await page.setViewportSize(DESKTOP);
}

/** The screen shows the rating and lists exactly the missed conversations behind "Missed". */
async function checkReportsScreen(ratedId: string, missedId: string): Promise<void> {
  const page = await openReports('en');
  const csat = page.getByTestId('rep-csat');
  expect(await page.getByTestId('csat-average').textContent()).toBe('4.0');
  expect(await csat.getByTestId('csat-comments').textContent()).toContain('Quick and friendly');
  expect(await csat.locator(`a[href="/conversations/${ratedId}"]`).count()).toBe(1);
  expect(await page.getByTestId('tile-missed').textContent()).toBe('1');
  expect(await page.getByRole('columnheader', { name: 'Opened the widget' }).count()).toBe(1);
  await shootReports(page, 'en');
  expect(await axeSeriousViolations(page)).toEqual([]);
  await page.getByTestId('tile-missed').click();
  const rows = page.getByTestId('report-conversations').locator('tbody tr');
  await rows.first().waitFor();
  expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-conversation-id')))).toEqual([
    missedId,
  ]);
  await screenshot(page, 'reports-en-1440-missed-list');
  await page.context().close();
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

describe('satisfaction and reports', () => {
  it('a visitor rates a closed chat; the rating is in the reports; "missed" lists exactly the missed chat', async () => {
    const agent = await goOnline(charla.baseUrl, api);
    const { page, frame, id } = await closedChat('en');
    await frame.getByText('How was this conversation?').waitFor();
    await shootBoth(page, 'en-1-asked');
    expect(await axeSeriousInFrame(frame)).toEqual([]);

    // Sending without a choice says what is missing; then 4 stars and a comment.
    await frame.getByRole('button', { name: 'Send rating' }).click();
    await frame.getByText('Choose a rating first.').waitFor();
    await frame.getByRole('radio', { name: '4 out of 5 stars' }).check();
    await frame.getByRole('textbox', { name: 'Tell us more (optional)' }).fill('Quick and friendly');
    await shootBoth(page, 'en-2-filled');
    await frame.getByRole('button', { name: 'Send rating' }).click();
    await frame.getByText('Thanks for your rating!').waitFor();
    await shootBoth(page, 'en-3-thanks');
    // The focus was on Send rating, which the thanks replace: it goes to the thanks, not to the
    // page; Change my rating (replaced by the form) puts it on the chosen star.
    const focused = () =>
      frame.evaluate(() => {
        const e = document.activeElement;
        return e instanceof HTMLInputElement ? `score ${e.value}` : (e?.className ?? '');
      });
    await expect.poll(focused).toBe('rate-thanks');
    await frame.getByRole('button', { name: 'Change my rating' }).click();
    await expect.poll(focused).toBe('score 4');

    // A second chat nobody takes in time: missed.
    const quick = await createLiveChatPlaybook(api, 'en', 15);
    const missedPage = await openDemo(quick.publicId);
    await clickLauncher(missedPage);
    const missedFrame = await widgetFrame(missedPage);
    await missedFrame.getByRole('button', { name: 'Talk to someone' }).click();
    const missed = await unassignedConversation(api);
    await waitFor(
      'the chat to be missed',
      async () => {
        const c = await api.call<{ closeReason: string | null }>('GET', `/api/v1/conversations/${missed.id}`);
        return c.closeReason === 'missed';
      },
      30_000,
    );

    const range = `from=${today()}&to=${today()}&timeZone=UTC`;
    // The visitor clicked the launcher: the funnel's first stage counts them (issue 21).
    await waitFor('the open to be counted', async () => {
      const funnel = (await api.call<TOutcomesReportDto>('GET', `/api/v1/reports/outcomes?${range}`)).funnel;
      return (funnel.find((row) => row.playbookId === quick.id)?.opened ?? 0) >= 1;
    });
    const outcomes = await api.call<TOutcomesReportDto>('GET', `/api/v1/reports/outcomes?${range}`);
    expect(outcomes.csat).toMatchObject({ count: 1, average: 4, distribution: [0, 0, 0, 1, 0] });
    expect(outcomes.comments).toEqual([
      expect.objectContaining({ conversationId: id, comment: 'Quick and friendly' }),
    ]);
    const listed = await api.call<TReportConversationDto[]>(
      'GET',
      `/api/v1/reports/conversations?${range}&figure=missed`,
    );
    expect(listed.map((c) => c.id)).toEqual([missed.id]);
    await api.call('POST', '/api/v1/admin/teams', { name: 'Sales', memberIds: [] });
    await checkReportsScreen(id, missed.id);
    agent.close();
    await missedPage.context().close();
    await page.context().close();
  });

  it('asks in Spanish on a Spanish playbook', async () => {
    const agent = await goOnline(charla.baseUrl, api);
    const { page, frame } = await closedChat('es');
    await frame.getByText('¿Qué tal ha ido la conversación?').waitFor();
    await frame.getByRole('radio', { name: '5 de 5 estrellas' }).check();
    await shootBoth(page, 'es-1-chosen');
    await frame.getByRole('button', { name: 'Enviar valoración' }).click();
    await frame.getByText('¡Gracias por tu valoración!').waitFor();
    await frame.getByRole('button', { name: 'Cambiar mi valoración' }).waitFor();
    await shootBoth(page, 'es-2-thanks');
    const reports = await openReports('es');
    await reports.getByText('Satisfacción (CSAT)').waitFor();
    await shootReports(reports, 'es');
    await reports.context().close();
    agent.close();
    await page.context().close();
  });
});
