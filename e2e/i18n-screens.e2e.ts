import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCrmDealDto, TCrmPipelineDto, TLanguage, TPlaybookDto } from '@charla/protocol';
import { ADMIN_EMAIL, ADMIN_PASSWORD, launchBrowser, loginContext, screenshot, startCharla } from './harness';
import type { RunningCharla } from './harness';
import { visitorChats, type VisitorChat } from './visitor-chat';
import { adminApi, clickLauncher, widgetFrame, type AdminApi } from './widget-fixtures';

// Issue 23: the inbox, the playbook editor, a CRM deal and the widget in each of the five
// languages and in the right-to-left pseudo-locale (ar-XB), screenshotted to be looked at; in
// right-to-left the document says so and the layout mirrors (sidebar on the right, launcher text
// running right to left).

const LANGUAGES: TLanguage[] = ['en', 'es', 'pt-BR', 'fr', 'de', 'ar-XB'];

let charla: RunningCharla;
let browser: Browser;
let api: AdminApi;
let dealId = '';
const playbooks = new Map<TLanguage, TPlaybookDto>();
const visitors = new Map<TLanguage, VisitorChat>();

beforeAll(async () => {
  charla = await startCharla();
  browser = await launchBrowser();
  api = await adminApi(charla.baseUrl);
  for (const language of LANGUAGES) {
    const created = await api.call<TPlaybookDto>('POST', '/api/v1/playbooks', {
      name: `Chat ${language}`,
      templateId: 'live_chat',
      language,
    });
    const active = await api.call<TPlaybookDto>('POST', `/api/v1/playbooks/${created.id}/activate`);
    playbooks.set(language, active);
    visitors.set(
      language,
      await visitorChats(browser, charla.baseUrl, active.publicId, `Mensaje de prueba (${language})`),
    );
  }
  const [pipeline] = await api.call<TCrmPipelineDto[]>('GET', '/api/v1/crm/pipelines');
  const org = await api.call<{ id: string }>('POST', '/api/v1/crm/organizations', {
    name: 'Construcciones Fernández-Villalobos y Asociados, S.L.',
  });
  const deal = await api.call<TCrmDealDto>('POST', '/api/v1/crm/deals', {
    title: 'Reforma integral de las oficinas centrales de Sevilla y Málaga',
    value: { amountMinor: 1_234_567, currency: 'EUR' },
    stageId: pipeline?.stages[2]?.id,
    organizationId: org.id,
  });
  dealId = deal.id;
}, 240_000);

afterAll(async () => {
  for (const v of visitors.values()) await v.close();
  await browser?.close();
  await charla?.stop();
});

async function inboxPage(language: TLanguage): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    timezoneId: 'Europe/Madrid',
  });
  await context.addInitScript((lang) => localStorage.setItem('charla.language', lang), language);
  await loginContext(context, charla.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
  return context.newPage();
}

describe('screens in every language (issue 23)', () => {
  it.each(LANGUAGES)(
    'shows the inbox, editor, a deal and the widget in %s',
    async (language) => {
      const page = await inboxPage(language);
      const rtl = language === 'ar-XB';
      await page.goto(`${charla.baseUrl}/conversations/${visitors.get(language)?.conversationId ?? ''}`);
      await page.getByTestId('timeline').waitFor();
      expect(
        await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]),
      ).toEqual([language, rtl ? 'rtl' : 'ltr']);
      const sidebar = await page.locator('.sidebar').boundingBox();
      // Mirrored: the sidebar sits at the right edge in right-to-left, at the left otherwise.
      expect((sidebar?.x ?? 0) > 700).toBe(rtl);
      await screenshot(page, `i18n-${language}-inbox`);

      await page.goto(`${charla.baseUrl}/playbooks/${playbooks.get(language)?.id ?? ''}`);
      await page.locator('.react-flow__node').first().waitFor();
      await screenshot(page, `i18n-${language}-editor`);

      await page.goto(`${charla.baseUrl}/crm/deals/${dealId}`);
      await page.locator('main h1').waitFor();
      await page.waitForLoadState('networkidle');
      await screenshot(page, `i18n-${language}-deal`);
      await page.context().close();

      const host = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const visitorPage = await host.newPage();
      const publicId = playbooks.get(language)?.publicId ?? '';
      await visitorPage.goto(`${charla.baseUrl.replace('127.0.0.1', 'localhost')}/demo?playbook=${publicId}`);
      await clickLauncher(visitorPage);
      const frame = await widgetFrame(visitorPage);
      await frame.locator('.choice').first().waitFor();
      expect(
        await frame.evaluate(() => [document.documentElement.lang, document.documentElement.dir]),
      ).toEqual([language, rtl ? 'rtl' : 'ltr']);
      await visitorPage.waitForTimeout(300); // the opening animation, for the picture only
      await screenshot(visitorPage, `i18n-${language}-widget`);
      await host.close();
    },
    180_000,
  );

  it('lets the widget follow the visitor’s browser language when the playbook allows it', async () => {
    const created = await api.call<TPlaybookDto>('POST', '/api/v1/playbooks', {
      name: 'Chat es (browser)',
      templateId: 'live_chat',
      language: 'es',
    });
    const doc = structuredClone(created.document);
    doc.appearance.browserLanguage = true;
    const saved = await api.call<TPlaybookDto>('PUT', `/api/v1/playbooks/${created.id}`, {
      document: doc,
      expectedRevision: created.revision,
    });
    const active = await api.call<TPlaybookDto>('POST', `/api/v1/playbooks/${saved.id}/activate`);
    const host = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'de-DE' });
    const page = await host.newPage();
    await page.goto(`${charla.baseUrl.replace('127.0.0.1', 'localhost')}/demo?playbook=${active.publicId}`);
    await clickLauncher(page);
    const frame = await widgetFrame(page);
    await frame.locator('.choice').first().waitFor();
    // The widget's own words in German; the cards stay in the playbook's Spanish.
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(await frame.getByPlaceholder('Wähle oben eine Option').count()).toBe(1);
    expect(await frame.locator('.choice').first().textContent()).toBe('Hablar con alguien');
    await screenshot(page, 'i18n-browser-language-de-on-es');
    await host.close();
  }, 120_000);
});
