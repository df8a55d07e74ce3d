import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCrmDealDto, TCrmLeadDto, TCrmPipelineDto } from '@charla/protocol';
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
import { visitorChats, type VisitorChat } from './visitor-chat';
import { adminApi, createLiveChatPlaybook, type AdminApi } from './widget-fixtures';

// Issue 15: every CRM screen (lists, board, convert dialog, My activities, pipeline settings and
// the side panel's linked records) in English and Spanish, at desktop and phone widths, with long
// names; axe-core finds nothing serious on the desktop ones.

const VIEWPORTS = { 1440: { width: 1440, height: 900 }, 390: { width: 390, height: 844 } } as const;

let charla: RunningCharla;
let browser: Browser;
let api: AdminApi;
let visitor: VisitorChat;
let leadId = '';
let pipeline: TCrmPipelineDto;

type Screen = { name: string; path: () => string; ready: (page: Page) => Promise<unknown> };

const SCREENS: Screen[] = [
  { name: 'leads', path: () => '/crm/leads', ready: (p) => p.locator('.crm-table').waitFor() },
  { name: 'deals', path: () => '/crm/deals', ready: (p) => p.locator('.crm-table').waitFor() },
  { name: 'board', path: () => '/crm/deals?view=board', ready: (p) => p.getByTestId('board-sums').waitFor() },
  { name: 'persons', path: () => '/crm/persons', ready: (p) => p.locator('.crm-table').waitFor() },
  {
    name: 'organizations',
    path: () => '/crm/organizations',
    ready: (p) => p.locator('.crm-table').waitFor(),
  },
  { name: 'activities', path: () => '/crm/activities', ready: (p) => p.locator('.crm-table').waitFor() },
  { name: 'my-activities', path: () => '/activities', ready: (p) => p.getByTestId('window-today').waitFor() },
  {
    name: 'pipelines',
    path: () => '/settings/pipelines',
    ready: (p) => p.getByTestId('stage-row').first().waitFor(),
  },
  {
    name: 'convert-dialog',
    path: () => `/crm/leads/${leadId}`,
    ready: async (p) => {
      await p.getByTestId('convert').click();
      await p.getByTestId('convert-amount').waitFor();
      await p.getByTestId('convert-stage').locator('option').nth(1).waitFor({ state: 'attached' });
    },
  },
  {
    name: 'panel',
    path: () => `/conversations/${visitor.conversationId}`,
    ready: async (p) => {
      // On a phone the panel opens from the header's details button.
      await p.getByTestId('timeline').waitFor();
      const panel = p.getByTestId('side-panel');
      if (!(await panel.isVisible()))
        await p
          .getByRole('button', { name: /details|detalles/i })
          .first()
          .click();
      await p.getByTestId('panel-linked-lead').waitFor();
    },
  },
];

beforeAll(async () => {
  charla = await startCharla();
  browser = await launchBrowser();
  api = await adminApi(charla.baseUrl);
  const me = await api.call<{ id: string }>('GET', '/api/v1/me');
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
  const lead = await api.call<TCrmLeadDto>('POST', '/api/v1/crm/leads', {
    title: 'Reforma integral de las oficinas centrales de Sevilla y Málaga',
    personId: person.id,
    organizationId: org.id,
    value: { amountMinor: 1_150_000, currency: 'EUR' },
  });
  leadId = lead.id;
  const pipelines = await api.call<TCrmPipelineDto[]>('GET', '/api/v1/crm/pipelines');
  pipeline = pipelines.find((p) => p.isDefault) ?? pipelines[0]!;
  for (const [i, stage] of pipeline.stages.entries())
    await api.call('POST', '/api/v1/crm/deals', {
      title: `Hamacas para la terraza de la sede ${i + 1}`,
      value: { amountMinor: 250_000 * (i + 1), currency: i === 1 ? 'USD' : 'EUR' },
      stageId: stage.id,
      personId: person.id,
      organizationId: org.id,
    });
  const now = Date.now();
  for (const [subject, dueAt] of [
    ['Llamar a María José por la oferta de hamacas', now - 86_400_000],
    ['Enviar el presupuesto revisado', now + 3_600_000],
    ['Reunión en la obra de Sevilla', now + 3 * 86_400_000],
  ] as const)
    await api.call('POST', '/api/v1/crm/activities', { type: 'call', subject, dueAt, assigneeId: me.id });
  await api.call('POST', '/api/v1/crm/activities', {
    type: 'task',
    subject: 'Short task no date',
    dueAt: null,
    assigneeId: me.id,
  });
  const playbook = await createLiveChatPlaybook(api, 'en');
  visitor = await visitorChats(browser, charla.baseUrl, playbook.publicId, 'Necesitamos 20 hamacas');
  await api.call('PUT', `/api/v1/conversations/${visitor.conversationId}/panel`, {
    person: { name: 'María José García-Fernández de Villalobos', email: 'mj@example.com', phone: null },
  });
  await api.call('POST', `/api/v1/conversations/${visitor.conversationId}/panel/lead`, {});
}, 180_000);

afterAll(async () => {
  await visitor?.close();
  await browser?.close();
  await charla?.stop();
});

describe('CRM screens (issue 15)', () => {
  it('shows every CRM screen in English and Spanish on desktop and phone, with no serious axe finding', async () => {
    for (const language of ['en', 'es'] as const)
      for (const width of [1440, 390] as const) {
        const context = await browser.newContext({ viewport: VIEWPORTS[width], timezoneId: 'Europe/Madrid' });
        await context.addInitScript((lang) => localStorage.setItem('charla.language', lang), language);
        await loginContext(context, charla.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
        const page = await context.newPage();
        page.on('pageerror', (err) => console.error('[page error]', err));
        for (const screen of SCREENS) {
          await page.goto(`${charla.baseUrl}${screen.path()}`);
          await screen.ready(page);
          await screenshot(page, `crm-screen-${screen.name}-${language}-${width}`);
          if (width !== 1440) continue;
          const violations = await axeSeriousViolations(page);
          expect(violations, `${screen.name} ${language}: ${JSON.stringify(violations)}`).toEqual([]);
        }
        await context.close();
      }
  }, 600_000);
});

describe('My activities and the deals board from the keyboard', () => {
  it('lists an open activity without a due date in its own group, after the dated ones', async () => {
    for (const [language, heading] of [
      ['en', 'No due date'],
      ['es', 'Sin fecha'],
    ] as const) {
      const context = await browser.newContext({ viewport: VIEWPORTS[1440] });
      await context.addInitScript((lang) => localStorage.setItem('charla.language', lang), language);
      await loginContext(context, charla.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
      const page = await context.newPage();
      await page.goto(`${charla.baseUrl}/activities`);
      const undated = page.getByTestId('window-undated');
      await undated.getByRole('link', { name: 'Short task no date' }).waitFor();
      await undated.getByRole('heading', { name: heading }).waitFor();
      expect(await page.locator('[data-testid^="window-"]').last().getAttribute('data-testid')).toBe(
        'window-undated',
      );
      await screenshot(page, `crm-my-activities-undated-${language}`);
      await context.close();
    }
  }, 120_000);

  it('moves a deal with its stage menu only on Enter and keeps the focus on it; dragging still moves', async () => {
    const [first, second, third] = pipeline.stages;
    if (!first || !second || !third) throw new Error('the default pipeline needs three stages');
    const deal = await api.call<TCrmDealDto>('POST', '/api/v1/crm/deals', {
      title: 'Keyboard deal',
      stageId: first.id,
    });
    const stageOf = async () => (await api.call<TCrmDealDto>('GET', `/api/v1/crm/deals/${deal.id}`)).stage.id;
    const context = await browser.newContext({ viewport: VIEWPORTS[1440] });
    await loginContext(context, charla.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const page = await context.newPage();
    await page.goto(`${charla.baseUrl}/crm/deals?view=board`);
    const column = (stage: typeof first) => page.getByTestId(`stage-${stage.name}`);
    const menu = page.getByRole('combobox', { name: 'Stage of Keyboard deal' });
    const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');

    // Arrow keys only step the choice: nothing moves or is saved yet.
    await menu.focus();
    await menu.press('ArrowDown');
    await menu.press('ArrowDown');
    expect(await menu.inputValue()).toBe(third.id);
    await page.waitForTimeout(500);
    expect(await stageOf()).toBe(first.id);
    expect(await column(first).getByRole('link', { name: 'Keyboard deal', exact: true }).count()).toBe(1);
    expect(await focusedId()).toBe(`move-${deal.id}`);

    // Escape puts the choice back; Enter moves the deal and the focus stays on its menu.
    await menu.press('Escape');
    expect(await menu.inputValue()).toBe(first.id);
    await menu.press('ArrowDown');
    await menu.press('Enter');
    await column(second).getByRole('link', { name: 'Keyboard deal', exact: true }).waitFor();
    await expect.poll(stageOf).toBe(second.id);
    await expect.poll(focusedId).toBe(`move-${deal.id}`);
    await screenshot(page, 'crm-board-keyboard-moved-en');

    // Dragging the card still moves it at once.
    await column(second).getByTestId('deal-card').filter({ hasText: 'Keyboard deal' }).dragTo(column(third));
    await column(third).getByRole('link', { name: 'Keyboard deal', exact: true }).waitFor();
    await expect.poll(stageOf).toBe(third.id);
    await context.close();
  }, 120_000);
});

describe('Settings → Pipelines', () => {
  it('keeps each stage’s delete quiet and named after its stage; the confirmation stays red', async () => {
    for (const [language, width, label] of [
      ['en', 1440, 'Delete'],
      ['es', 390, 'Eliminar'],
    ] as const) {
      const context = await browser.newContext({ viewport: VIEWPORTS[width] });
      await context.addInitScript((lang) => localStorage.setItem('charla.language', lang), language);
      await loginContext(context, charla.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
      const page = await context.newPage();
      await page.goto(`${charla.baseUrl}/settings/pipelines`);
      const stage = pipeline.stages[0]!;
      const remove = page.getByRole('button', { name: `${label} ${stage.name}`, exact: true });
      await remove.waitFor();
      // No solid red button on every row: the row's delete has no fill until it is used.
      const solidRed = await page
        .getByTestId('stage-row')
        .locator('button')
        .evaluateAll(
          (buttons) =>
            buttons.filter((b) => getComputedStyle(b).backgroundColor === 'rgb(185, 28, 28)').length,
        );
      expect(solidRed).toBe(0);
      await screenshot(page, `crm-pipelines-rows-${language}-${width}`);
      await remove.click();
      const confirm = page.getByRole('group', { name: `${label} ${stage.name}` }).getByRole('button');
      expect(await confirm.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(185, 28, 28)');
      await screenshot(page, `crm-pipelines-confirm-${language}-${width}`);
      await context.close();
    }
  }, 120_000);
});

describe('a person’s page', () => {
  it('reads each label with its value’s first line and keeps the organization’s edit button beside it', async () => {
    const persons = await api.call<{ items: { id: string; organization: unknown }[] }>(
      'GET',
      '/api/v1/crm/persons',
    );
    const person = persons.items.find((p) => p.organization !== null);
    if (!person) throw new Error('no person');
    for (const [language, width] of [
      ['en', 1440],
      ['es', 390],
    ] as const) {
      const context = await browser.newContext({ viewport: VIEWPORTS[width] });
      await context.addInitScript((lang) => localStorage.setItem('charla.language', lang), language);
      await loginContext(context, charla.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
      const page = await context.newPage();
      await page.goto(`${charla.baseUrl}/crm/persons/${person.id}`);
      await page.locator('.crm-facts .crm-link').first().waitFor();
      await screenshot(page, `crm-person-facts-${language}-${width}`);
      // Each label's top beside its value's first line (centred, a label floated by a wrapped email).
      const offsets = await page.$$eval('.crm-facts__row', (rows) =>
        rows.map((row) => {
          const label = row.querySelector('dt')?.getBoundingClientRect();
          const value = row.querySelector('dd');
          if (!label || !value) return { row: row.textContent, off: Infinity };
          const range = document.createRange();
          range.selectNodeContents(value);
          const first = Array.from(range.getClientRects()).find((r) => r.height > 0);
          return { row: row.textContent, off: first ? Math.abs(first.top - label.top) : Infinity };
        }),
      );
      expect(offsets.filter((o) => o.off > 4)).toEqual([]);
      // The organization's name wraps; its edit button stays at the end of the first line.
      const placement = await page.$eval('.crm-facts .crm-field__linked', (linked) => {
        const link = linked.querySelector('.crm-link');
        const edit = linked.querySelector('.crm-field__edit')?.getBoundingClientRect();
        if (!link || !edit) throw new Error('no linked value');
        const firstLine = link.getClientRects()[0];
        if (!firstLine) throw new Error('link not laid out');
        return { lines: link.getClientRects().length, editMiddle: edit.top + edit.height / 2, firstLine };
      });
      expect(placement.lines).toBeGreaterThan(1);
      expect(placement.editMiddle).toBeGreaterThanOrEqual(placement.firstLine.top);
      expect(placement.editMiddle).toBeLessThanOrEqual(placement.firstLine.bottom);
      await context.close();
    }
  }, 120_000);
});
