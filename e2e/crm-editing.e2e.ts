import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCrmDealDto } from '@charla/protocol';
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
import { adminApi, type AdminApi } from './widget-fixtures';

// Issue 15 item 1 in Chromium: inline editing on CRM detail pages (Enter saves, Escape cancels),
// the change history, and two browsers editing the same deal (the second gets the conflict).

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

let charla: RunningCharla;
let browser: Browser;
let api: AdminApi;
const ids: Record<'persons' | 'organizations' | 'leads' | 'deals' | 'activities', string> = {
  persons: '',
  organizations: '',
  leads: '',
  deals: '',
  activities: '',
};

async function newPage(
  language: 'en' | 'es',
  viewport = DESKTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  await context.addInitScript((lang) => localStorage.setItem('charla.language', lang), language);
  await loginContext(context, charla.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('[page error]', err));
  return { context, page };
}

async function openDetail(page: Page, section: keyof typeof ids): Promise<void> {
  await page.goto(`${charla.baseUrl}/crm/${section}/${ids[section]}`);
  await page
    .getByTestId('record-history')
    .or(page.getByText(/No changes|Sin cambios/))
    .first()
    .waitFor();
}

const getDeal = () => api.call<TCrmDealDto>('GET', `/api/v1/crm/deals/${ids.deals}`);

beforeAll(async () => {
  charla = await startCharla();
  browser = await launchBrowser();
  api = await adminApi(charla.baseUrl);
  const org = await api.call<{ id: string }>('POST', '/api/v1/crm/organizations', {
    name: 'Construcciones Fernández-Villalobos y Asociados, S.L.',
    address: 'Avenida de la Constitución 128, 41001 Sevilla',
  });
  const person = await api.call<{ id: string }>('POST', '/api/v1/crm/persons', {
    name: 'María José García-Fernández de Villalobos',
    emails: ['maria.jose.garcia@construcciones-fernandez.example'],
    phones: ['+34 954 123 456'],
    organizationId: org.id,
  });
  const lead = await api.call<{ id: string }>('POST', '/api/v1/crm/leads', {
    title: 'Reforma integral de oficinas centrales',
    personId: person.id,
    organizationId: org.id,
    value: { amountMinor: 1_150_000, currency: 'EUR' },
    labels: ['obra', 'urgente'],
  });
  const deal = await api.call<{ id: string }>('POST', '/api/v1/crm/deals', {
    title: 'Hammocks for the Sevilla office',
    value: { amountMinor: 1_150_000, currency: 'EUR' },
    personId: person.id,
    organizationId: org.id,
  });
  const activity = await api.call<{ id: string }>('POST', '/api/v1/crm/activities', {
    type: 'call',
    subject: 'Call María José about the offer',
    dueAt: Date.UTC(2026, 11, 3, 9, 30),
    dealId: deal.id,
    personId: person.id,
  });
  Object.assign(ids, {
    organizations: org.id,
    persons: person.id,
    leads: lead.id,
    deals: deal.id,
    activities: activity.id,
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await charla?.stop();
});

describe('CRM detail pages edit in place', () => {
  it('saves a field on Enter, cancels on Escape and lists the change in the history', async () => {
    const { context, page } = await newPage('en');
    await openDetail(page, 'deals');

    await page.getByRole('button', { name: 'Edit Value' }).click();
    await page.getByRole('textbox', { name: 'Value' }).fill('12,000');
    await page.getByRole('textbox', { name: 'Value' }).press('Enter');
    await page.getByTestId('field-value').getByText('€12,000.00').waitFor();
    await expect.poll(async () => (await getDeal()).value?.amountMinor).toBe(1_200_000);
    await page.getByTestId('record-history').getByText('€11,500.00').waitFor();

    await page.getByRole('button', { name: 'Edit Title' }).click();
    await page.getByRole('textbox', { name: 'Title' }).fill('Not this');
    await page.getByRole('textbox', { name: 'Title' }).press('Escape');
    await page
      .getByRole('button', { name: 'Edit Title' })
      .getByText('Hammocks for the Sevilla office')
      .waitFor();
    expect((await getDeal()).title).toBe('Hammocks for the Sevilla office');

    // A value the server refuses comes back with the reason.
    await page.getByRole('button', { name: 'Edit Title' }).click();
    await page.getByRole('textbox', { name: 'Title' }).fill('   ');
    await page.getByRole('textbox', { name: 'Title' }).press('Enter');
    await page.getByTestId('field-title').getByRole('alert').waitFor();
    expect((await getDeal()).title).toBe('Hammocks for the Sevilla office');
    await context.close();
  }, 120_000);

  it('keeps a mistyped email or phone open with the reason, saves nothing, and Escape restores it', async () => {
    const getPerson = () =>
      api.call<{ emails: string[]; phones: string[] }>('GET', `/api/v1/crm/persons/${ids.persons}`);
    const before = await getPerson();
    for (const [language, email, phone] of [
      ['en', 'Enter an email such as name@example.com.', 'Enter a phone number such as +34 600 000 000.'],
      ['es', 'Escribe un email como nombre@ejemplo.com.', 'Escribe un teléfono como +34 600 000 000.'],
    ] as const) {
      const { context, page } = await newPage(language);
      await openDetail(page, 'persons');
      for (const [key, typed, message] of [
        ['emails', 'bad@@mail', email],
        ['phones', 'abc not a phone', phone],
      ] as const) {
        const cell = page.getByTestId(`field-${key}`);
        await cell.getByRole('button').click();
        await cell.getByRole('textbox').fill(typed);
        await cell.getByRole('textbox').press('Enter');
        await cell.getByRole('alert').getByText(message).waitFor();
        expect(await cell.getByRole('textbox').inputValue()).toBe(typed);
        expect(await cell.getByRole('textbox').getAttribute('aria-invalid')).toBe('true');
        await screenshot(page, `crm-person-bad-${key}-${language}`);
        await cell.getByRole('textbox').press('Escape');
        await cell
          .getByRole('button')
          .getByText(key === 'emails' ? before.emails[0]! : '+34954123456')
          .waitFor();
        expect(await cell.getByRole('alert').count()).toBe(0);
      }
      expect(await getPerson()).toMatchObject(before);
      await context.close();
    }
  }, 120_000);

  it('says next to the email of a new person that it is not valid, and creates nobody', async () => {
    const count = async () =>
      (await api.call<{ items: unknown[] }>('GET', '/api/v1/crm/persons?limit=100')).items.length;
    const before = await count();
    const { context, page } = await newPage('en', PHONE);
    await page.goto(`${charla.baseUrl}/crm/persons`);
    await page.getByRole('button', { name: 'New person' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Typo Person');
    await dialog.getByLabel('Email').fill('bad@@mail');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.getByRole('alert').getByText('Enter an email such as name@example.com.').waitFor();
    expect(await dialog.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'crm-new-person-bad-email-390');
    expect(await count()).toBe(before);
    await dialog.getByLabel('Email').fill('typo.person@example.com');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/crm\/persons\/[^/]+$/);
    expect(await count()).toBe(before + 1);
    await context.close();
  }, 120_000);

  it('gives the second of two people editing the same deal the conflict, not a silent overwrite', async () => {
    const first = await newPage('en');
    const second = await newPage('en');
    await openDetail(first.page, 'deals');
    await openDetail(second.page, 'deals');

    await first.page.getByRole('button', { name: 'Edit Expected close' }).click();
    await first.page.getByLabel('Expected close').fill('2026-12-24');
    await first.page.getByLabel('Expected close').press('Enter');
    await expect.poll(async () => (await getDeal()).expectedCloseDate).toBe('2026-12-24');

    await second.page.getByRole('button', { name: 'Edit Expected close' }).click();
    await second.page.getByLabel('Expected close').fill('2027-01-15');
    await second.page.getByLabel('Expected close').press('Enter');
    await second.page.getByTestId('conflict').waitFor();
    expect((await getDeal()).expectedCloseDate).toBe('2026-12-24');
    await screenshot(second.page, 'crm-deal-conflict-en');
    await second.page.getByRole('button', { name: 'Load their version' }).click();
    await second.page.getByTestId('field-expectedCloseDate').getByText('Dec 24, 2026').waitFor();
    await first.context.close();
    await second.context.close();
  }, 120_000);

  it('shows every detail page in English and Spanish on desktop and phone, with no serious axe finding', async () => {
    for (const language of ['en', 'es'] as const)
      for (const [width, viewport] of [
        [1440, DESKTOP],
        [390, PHONE],
      ] as const) {
        const { context, page } = await newPage(language, viewport);
        for (const section of Object.keys(ids) as (keyof typeof ids)[]) {
          await openDetail(page, section);
          await screenshot(page, `crm-detail-${section}-${language}-${width}`);
          // axe once per page and language (the phone layout is the same markup).
          if (width !== 1440) continue;
          const violations = await axeSeriousViolations(page);
          expect(violations, `${section} ${language}: ${JSON.stringify(violations)}`).toEqual([]);
        }
        await context.close();
      }
  }, 600_000);
});
