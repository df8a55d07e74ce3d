import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCrmActivityDto, TCrmDealDto, TLanguage } from '@charla/protocol';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  launchBrowser,
  loginContext,
  startCharla,
  type RunningCharla,
} from './harness';
import { adminApi, waitFor, type AdminApi } from './widget-fixtures';

// A CRM record's page in Chromium: Delete behind a confirmation that says what becomes of the
// linked records (Escape and Cancel change nothing), Add activity that shows in the record's
// activities at once, and at 390 px the section tabs on one scrolling line and status pills at
// their own width. Geometry and server state, not timing.

const SHOTS = '/tmp/shots-crm';
const LONG_PERSON = 'María José García-Fernández de Villalobos y Montenegro-Santisteban';
const LONG_ORG = 'Construcciones Fernández-Villalobos y Asociados del Guadalquivir, S.L.';

let charla: RunningCharla;
let browser: Browser;
let api: AdminApi;

type Section = 'persons' | 'organizations' | 'leads' | 'deals';

async function newPage(language: TLanguage, width: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height: width < 600 ? 844 : 900 } });
  await context.addInitScript((lang) => {
    localStorage.setItem('charla.language', lang);
  }, language);
  await loginContext(context, charla.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('[page error]', err));
  return { context, page };
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  // A toast or dialog still fading in would show half transparent.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

const create = <T = { id: string }>(section: string, body: Record<string, unknown>) =>
  api.call<T>('POST', `/api/v1/crm/${section}`, body);

/** The status of GET /api/v1/crm/<section>/<id> (404 once deleted). */
async function recordStatus(section: string, id: string): Promise<number> {
  const res = await fetch(`${charla.baseUrl}/api/v1/crm/${section}/${id}`, {
    headers: { cookie: api.cookie },
  });
  return res.status;
}

/** A person with a long name, their organization, and a lead and a won deal linked to both. */
async function records(tag: string): Promise<Record<Section, string>> {
  const org = await create('organizations', { name: `${LONG_ORG} ${tag}` });
  const person = await create('persons', { name: `${LONG_PERSON} ${tag}`, organizationId: org.id });
  const links = { personId: person.id, organizationId: org.id };
  const lead = await create('leads', { title: `Reforma integral de oficinas ${tag}`, ...links });
  const deal = await create('deals', {
    title: `Hamacas para la oficina de Sevilla ${tag}`,
    status: 'won',
    ...links,
  });
  return { persons: person.id, organizations: org.id, leads: lead.id, deals: deal.id };
}

async function openRecord(page: Page, section: Section, id: string): Promise<void> {
  await page.goto(`${charla.baseUrl}/crm/${section}/${id}`);
  await page.getByTestId('delete-record').waitFor();
}

beforeAll(async () => {
  charla = await startCharla();
  browser = await launchBrowser();
  api = await adminApi(charla.baseUrl);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await charla?.stop();
});

describe('deleting a CRM record from its page', () => {
  it('asks first: Escape and Cancel keep the person, focus stays in the dialog and comes back', async () => {
    const ids = await records('keep');
    const { context, page } = await newPage('en', 1280);
    await openRecord(page, 'persons', ids.persons);
    const trigger = page.getByTestId('delete-record');
    const dialog = page.getByRole('dialog');

    await trigger.click();
    await dialog.getByText('Their leads, deals, activities and notes are kept').waitFor();
    expect(await dialog.getByRole('heading').innerText()).toBe(`Delete “${LONG_PERSON} keep”?`);
    await shot(page, 'delete-person-dialog-en-1280');
    // Tab never reaches the page behind the modal (inert): focus is in the dialog or, past its
    // last button, on the browser's own controls (the document body here).
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      expect(
        await page.evaluate(
          () =>
            document.activeElement === document.body || document.activeElement?.closest('dialog') !== null,
        ),
      ).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await waitFor('focus back on Delete', () =>
      page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'delete-record'),
    );

    await trigger.click();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await recordStatus('persons', ids.persons)).toBe(200);
    expect(page.url()).toContain(`/crm/persons/${ids.persons}`);
    await context.close();
  }, 120_000);

  it('deletes a person on confirmation: back to the list with a toast, their deal kept unlinked', async () => {
    const ids = await records('gone');
    const { context, page } = await newPage('en', 1280);
    await openRecord(page, 'persons', ids.persons);
    await page.getByTestId('delete-record').click();
    await page.getByTestId('confirm-delete').click();

    await page.waitForURL(`${charla.baseUrl}/crm/persons`);
    await page.getByTestId('crm-toast').getByText(`“${LONG_PERSON} gone” was deleted.`).waitFor();
    await page.getByText(`${LONG_PERSON} keep`).waitFor();
    expect(await page.getByText(`${LONG_PERSON} gone`, { exact: true }).count()).toBe(0);
    await shot(page, 'delete-person-toast-en-1280');
    expect(await recordStatus('persons', ids.persons)).toBe(404);
    const deal = await api.call<TCrmDealDto>('GET', `/api/v1/crm/deals/${ids.deals}`);
    expect(deal.person).toBeNull();
    await context.close();
  }, 120_000);

  it('deletes a deal in Spanish on a phone, saying what becomes of its activities and lead', async () => {
    const ids = await records('es');
    const { context, page } = await newPage('es', 390);
    await openRecord(page, 'deals', ids.deals);
    await page.getByTestId('delete-record').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('el lead del que salió sigue como convertido').waitFor();
    await shot(page, 'delete-deal-dialog-es-390');
    await page.getByTestId('confirm-delete').click();
    await page.waitForURL(`${charla.baseUrl}/crm/deals`);
    await page
      .getByTestId('crm-toast')
      .getByText('Se eliminó «Hamacas para la oficina de Sevilla es».')
      .waitFor();
    await shot(page, 'delete-deal-toast-es-390');
    expect(await recordStatus('deals', ids.deals)).toBe(404);
    expect(await recordStatus('leads', ids.leads)).toBe(200);
    await context.close();
  }, 120_000);
});

describe('adding an activity from a record’s page', () => {
  it.each<Section>(['persons', 'organizations', 'leads', 'deals'])(
    'adds one on a %s page that shows in its activities at once, linked to it',
    async (section) => {
      const ids = await records(`act-${section}`);
      const { context, page } = await newPage('en', 1280);
      await openRecord(page, section, ids[section]);
      const related = page.getByTestId('related-activities');
      await related.getByText('No activities.').waitFor();
      await related.getByTestId('add-activity').click();
      const dialog = page.getByRole('dialog');
      const subject = `Call back about ${section}`;
      await dialog.getByLabel('Subject').fill(subject);
      await dialog.getByLabel('Type').selectOption('meeting');
      if (section === 'deals') await shot(page, 'add-activity-dialog-en-1280');
      await dialog.getByTestId('add-activity-submit').click();
      await dialog.waitFor({ state: 'hidden' });
      await related.getByRole('link', { name: subject }).waitFor();
      const key = { persons: 'personId', organizations: 'organizationId', leads: 'leadId', deals: 'dealId' }[
        section
      ];
      const page1 = await api.call<{ items: TCrmActivityDto[] }>(
        'GET',
        `/api/v1/crm/activities?${key}=${ids[section]}`,
      );
      expect(page1.items).toEqual([expect.objectContaining({ subject, type: 'meeting' })]);
      await context.close();
    },
    120_000,
  );

  it('refuses an empty subject with a message under it, and nothing is created', async () => {
    const ids = await records('empty');
    const { context, page } = await newPage('es', 390);
    await openRecord(page, 'deals', ids.deals);
    await page.getByTestId('add-activity').click();
    const dialog = page.getByRole('dialog');
    const subject = dialog.getByLabel('Asunto');
    await subject.fill('   ');
    await dialog.getByTestId('add-activity-submit').click();
    const message = dialog.locator('.field__error');
    await message.waitFor();
    expect(await message.textContent()).toBe('Rellena este campo.');
    expect(await subject.getAttribute('aria-invalid')).toBe('true');
    expect(await subject.evaluate((el) => el === document.activeElement)).toBe(true);
    await shot(page, 'add-activity-dialog-es-390');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    const list = await api.call<{ items: unknown[] }>('GET', `/api/v1/crm/activities?dealId=${ids.deals}`);
    expect(list.items).toEqual([]);
    await context.close();
  }, 120_000);
});

describe('CRM record pages at 390 px', () => {
  for (const language of ['en', 'es'] as const)
    it(`keeps the tabs on one scrolling line and the status pill at its own width in ${language}`, async () => {
      const ids = await records(`phone-${language}`);
      for (const width of [390, 1280]) {
        const { context, page } = await newPage(language, width);
        for (const path of [`/crm/deals/${ids.deals}`, '/crm/deals', '/crm/activities']) {
          await page.goto(`${charla.baseUrl}${path}`);
          const nav = page.locator('.crm-tabs');
          const current = nav.locator('[aria-current="page"]');
          await current.waitFor();
          const tops = await nav
            .locator('.crm-tab')
            .evaluateAll((tabs) => tabs.map((tab) => tab.getBoundingClientRect().top));
          expect(Math.max(...tops) - Math.min(...tops), `${path} tabs on one line`).toBeLessThan(1);
          // The strip scrolls the current tab into view once laid out.
          await waitFor('the current tab inside the strip', async () => {
            const strip = (await nav.boundingBox())!;
            const tab = (await current.boundingBox())!;
            return tab.x >= strip.x - 0.5 && tab.x + tab.width <= strip.x + strip.width + 0.5;
          });
          if (path === '/crm/activities') await shot(page, `tabs-activities-${language}-${width}`);
        }
        await page.goto(`${charla.baseUrl}/crm/deals/${ids.deals}`);
        const cellOfPill = page.locator('.crm-facts dd', { has: page.locator('.crm-status') });
        const pill = cellOfPill.locator('.crm-status');
        await pill.waitFor();
        const pillBox = (await pill.boundingBox())!;
        const cell = (await cellOfPill.boundingBox())!;
        expect(pillBox.width).toBeLessThan(cell.width / 2);
        await shot(page, `deal-page-${language}-${width}`);
        await page.goto(`${charla.baseUrl}/crm/deals`);
        const listPill = page.locator('.crm-table .crm-status').first();
        await listPill.waitFor();
        const listBox = (await listPill.boundingBox())!;
        const row = (await page.locator('.crm-table tbody tr').first().boundingBox())!;
        expect(listBox.width).toBeLessThan(row.width / 2);
        await shot(page, `deals-list-${language}-${width}`);
        await context.close();
      }
    }, 180_000);
});

describe('a record’s facts and activities with long texts', () => {
  for (const [language, width] of [
    ['en', 1280],
    ['es', 390],
  ] as const) {
    it(`starts every value at one edge and keeps each activity's icon by its subject in ${language} at ${width} px`, async () => {
      const ids = await records(`facts ${language}`);
      const subject =
        'Llamar para confirmar la reunión con el equipo de compras y el departamento legal sobre el contrato marco';
      await create('activities', { type: 'call', subject, personId: ids.persons, dueAt: Date.now() });
      const { context, page } = await newPage(language, width);
      await openRecord(page, 'persons', ids.persons);
      await page.getByTestId('related-activities').getByRole('link', { name: subject }).waitFor();
      // Editable values (buttons) and read-only ones (Source, Created) share one left edge.
      const starts = await page.$$eval('.crm-facts dd', (cells) =>
        cells.map((cell) => {
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (!node.textContent?.trim() || node.parentElement?.closest('.sr-only')) continue;
            const range = document.createRange();
            range.selectNodeContents(node);
            return range.getClientRects()[0]?.left ?? NaN;
          }
          return NaN;
        }),
      );
      expect(Math.max(...starts) - Math.min(...starts), `value edges ${starts.join(', ')}`).toBeLessThan(0.5);
      // The icon sits beside the first line of a subject that wraps, not on a line of its own.
      const item = page.getByTestId('related-activities').locator('li', { hasText: subject });
      const icon = (await item.locator('svg').first().boundingBox())!;
      const firstLine = await item.getByRole('link', { name: subject }).evaluate((link) => {
        // The text's line boxes (the link itself is one block box, as a flex or grid item).
        const range = document.createRange();
        range.selectNodeContents(link);
        const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0);
        const lines = new Set(rects.map((r) => Math.round(r.top))).size;
        return { top: rects[0]!.top, bottom: rects[0]!.bottom, left: rects[0]!.left, lines };
      });
      expect(firstLine.lines).toBeGreaterThan(1);
      expect(icon.y + icon.height / 2).toBeGreaterThanOrEqual(firstLine.top);
      expect(icon.y + icon.height / 2).toBeLessThanOrEqual(firstLine.bottom);
      expect(icon.x + icon.width).toBeLessThanOrEqual(firstLine.left);
      await shot(page, `person-facts-activities-${language}-${width}`);
      await context.close();
    }, 120_000);
  }
});

describe('My activities’ quick add', () => {
  for (const [language, width, add] of [
    ['es', 1280, 'Añadir actividad'],
    ['en', 390, 'Add activity'],
  ] as const) {
    it(`keeps focus on the subject after adding and lines each detail up with its subject in ${language} at ${width} px`, async () => {
      const { context, page } = await newPage(language, width);
      await page.goto(`${charla.baseUrl}/activities`);
      await page.getByTestId('window-today').waitFor();
      const form = page.getByRole('form', { name: add });
      const subjectField = form.getByRole('textbox').first();
      // No field lies under the Send button (in English at 390 px it covered "Due").
      const send = (await form.getByRole('button', { name: add }).boundingBox())!;
      const under = await form
        .locator('input, select')
        .evaluateAll(
          (fields, b) =>
            fields
              .map((f) => f.getBoundingClientRect())
              .filter(
                (r) => r.left < b.x + b.width && b.x < r.right && r.top < b.y + b.height && b.y < r.bottom,
              ).length,
          send,
        );
      expect(under).toBe(0);
      const subject = `Preparar la propuesta económica para las oficinas centrales ${language} ${width}`;
      await subjectField.fill(subject);
      await form.getByRole('button', { name: add }).click();
      const link = page.getByRole('link', { name: subject });
      await link.waitFor();
      // Send was disabled while saving; focus comes back to the subject, ready for the next one.
      await expect.poll(() => subjectField.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await subjectField.inputValue()).toBe('');
      // The detail line ("Call") starts where the subject does, not under the checkbox.
      const item = page.locator('.my-activity', { has: link });
      const linkBox = (await link.boundingBox())!;
      const metaLeft = await item.locator('.my-activity__meta').evaluate((meta) => {
        const range = document.createRange();
        range.selectNodeContents(meta);
        return range.getClientRects()[0]!.left;
      });
      expect(Math.abs(metaLeft - linkBox.x)).toBeLessThan(1);
      await shot(page, `my-activities-added-${language}-${width}`);
      await context.close();
    }, 120_000);
  }
});
