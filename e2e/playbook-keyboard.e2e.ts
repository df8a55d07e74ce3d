import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TPlaybookDto } from '@charla/protocol';
import {
  adminInboxContext,
  axeSeriousViolations,
  launchBrowser,
  screenshot,
  startCharla,
  type RunningCharla,
} from './harness';
import { focused, tabUntil } from './playbook-canvas';
import { adminApi, type AdminApi } from './widget-fixtures';

// Issue 18's keyboard-only acceptance, in Chromium: in a Blank playbook an admin, without the
// mouse, reaches the cards with Tab, moves between them with the arrows, adds cards already
// connected ("N" and the card-type menu), deletes one and takes it back with Ctrl+Z, writes a
// card's text with bold, moves a card, and saves. Every step checks where the focus is.

const DESKTOP = { width: 1440, height: 900 };

let charla: RunningCharla;
let browser: Browser;
let api: AdminApi;
let playbook: TPlaybookDto;
const contexts: BrowserContext[] = [];

async function adminPage(language: 'en' | 'es'): Promise<Page> {
  const context = await adminInboxContext(browser, charla.baseUrl, { language, viewport: DESKTOP });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('[page error]', err));
  return page;
}

/** The focused card's state as the keyboard user sees it: selected, outlined, and its name. */
async function focusedCard(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const card = el.querySelector<HTMLElement>('.pb-card');
    return {
      selected: card?.classList.contains('pb-card--selected') ?? false,
      outline: card ? getComputedStyle(card).outlineStyle : '',
      label: el.getAttribute('aria-label') ?? '',
    };
  });
}

async function expectFocus(page: Page, want: string) {
  await expect.poll(() => focused(page), { timeout: 5000 }).toBe(want);
}

beforeAll(async () => {
  charla = await startCharla();
  browser = await launchBrowser();
  api = await adminApi(charla.baseUrl);
  playbook = await api.call<TPlaybookDto>('POST', '/api/v1/playbooks', {
    name: 'Keyboard only',
    templateId: 'blank',
    language: 'en',
  });
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await charla?.stop();
});

describe('playbook editor with the keyboard only (issue 18)', () => {
  it('creates cards, connects them, deletes and restores one, formats a text and saves', async () => {
    const page = await adminPage('en');
    await page.goto(`${charla.baseUrl}/playbooks/${playbook.id}`);
    await page.getByTestId('card-greeting').waitFor();
    await page.waitForTimeout(500);

    // Tab reaches the first card: selected, outlined, named for a screen reader.
    await tabUntil(page, (f) => f === 'card:greeting');
    expect(await focusedCard(page)).toEqual({
      selected: true,
      outline: 'solid',
      label: 'Message card: Hi! 👋 How can we help you today?, Start',
    });
    await screenshot(page, 'keyboard-focus-en');
    // The arrows go to the nearest card that way; Home goes back to the start.
    await page.keyboard.press('ArrowRight');
    await expectFocus(page, 'card:end');
    expect((await focusedCard(page)).label).toBe('End card');
    await page.keyboard.press('ArrowLeft');
    await expectFocus(page, 'card:greeting');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Home');
    await expectFocus(page, 'card:greeting');

    // "?" lists the keys; Escape closes the list and the focus is back on the card.
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.getByText('Add a card connected to the card’s first free exit').waitFor();
    await screenshot(page, 'keyboard-help-en');
    expect(await axeSeriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    await expectFocus(page, 'card:greeting');

    // N opens the card-type menu beside the card; arrows move in it, Escape gives the focus back.
    await page.keyboard.press('n');
    const picker = page.getByTestId('card-type-picker');
    await picker.waitFor();
    await expect.poll(() => focused(page)).toContain('[menuitem]Message');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focused(page)).toContain('[menuitem]Question');
    await screenshot(page, 'keyboard-picker-en');
    await page.keyboard.press('Escape');
    await picker.waitFor({ state: 'detached' });
    await expectFocus(page, 'card:greeting');

    // N, Enter: a message card, connected from the greeting, takes the focus; N, End, Enter: an End after it.
    await page.keyboard.press('n');
    await picker.waitFor();
    await page.keyboard.press('Enter');
    await expectFocus(page, 'card:message_1');
    await page.keyboard.press('n');
    await picker.waitFor();
    await page.keyboard.press('End');
    await expect.poll(() => focused(page)).toContain('[menuitem]End');
    await page.keyboard.press('Enter');
    await expectFocus(page, 'card:end_1');

    // The old End card, now unreachable, is deleted (asked first) and Ctrl+Z brings it back.
    await tabUntil(page, (f) => f === 'card:end', true);
    await page.keyboard.press('Delete');
    const confirm = page.getByRole('dialog', { name: 'Delete this card?' });
    await confirm.waitFor();
    await tabUntil(page, (f) => f.includes('Delete card'));
    await page.keyboard.press('Enter');
    await page.getByTestId('card-end').waitFor({ state: 'detached' });
    await page.keyboard.press('Control+z');
    await page.getByTestId('card-end').waitFor();
    await page.keyboard.press('Control+Shift+z');
    await page.getByTestId('card-end').waitFor({ state: 'detached' });

    // Enter edits the message: its text written with Ctrl+B for bold, applied from the keyboard.
    await page.keyboard.press('Home');
    await expectFocus(page, 'card:greeting');
    await page.keyboard.press('ArrowRight');
    await expectFocus(page, 'card:message_1');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Edit Message card' });
    await dialog.waitFor();
    await tabUntil(page, (f) => f === 'editable');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Plans start at ');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('9 € a month');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('.');
    await dialog.locator('.ProseMirror strong').getByText('9 € a month').waitFor();
    await tabUntil(page, (f) => f.endsWith('Apply'));
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expectFocus(page, 'card:message_1');
    await page.getByTestId('card-message_1').getByText('Plans start at 9 € a month.').waitFor();

    // Shift+arrows move the card (an edit, like a drag).
    const before = await page.getByTestId('card-message_1').boundingBox();
    await page.keyboard.press('Shift+ArrowDown');
    await expect
      .poll(async () => ((await page.getByTestId('card-message_1').boundingBox())?.y ?? 0) - (before?.y ?? 0))
      .toBeGreaterThan(5);

    // Saved from the keyboard: back up to the Save button.
    await tabUntil(page, (f) => f.endsWith(']Save'), true, 80);
    await page.keyboard.press('Enter');
    await page.getByTestId('save-state').getByText('All changes saved').waitFor();
    await screenshot(page, 'keyboard-saved-en');

    const saved = await api.call<TPlaybookDto>('GET', `/api/v1/playbooks/${playbook.id}`);
    expect(saved.document.flow.nodes.map((n) => n.id).sort()).toEqual(['end_1', 'greeting', 'message_1']);
    const edges = saved.document.flow.edges.map((e) => `${e.from.nodeId}.${e.from.port}→${e.to.nodeId}`);
    expect(edges.sort()).toEqual(['greeting.next→message_1', 'message_1.next→end_1']);
    const message = saved.document.flow.nodes.find((n) => n.id === 'message_1');
    expect(message?.type === 'message' && message.content).toEqual({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Plans start at ' },
            { type: 'text', text: '9 € a month', marks: [{ type: 'bold' }] },
            { type: 'text', text: '.' },
          ],
        },
      ],
    });
  });

  it('names the keys and the menu in Spanish', async () => {
    const page = await adminPage('es');
    await page.goto(`${charla.baseUrl}/playbooks/${playbook.id}`);
    await page.getByTestId('card-greeting').waitFor();
    await page.waitForTimeout(500);
    await tabUntil(page, (f) => f === 'card:greeting');
    expect((await focusedCard(page)).label).toBe(
      'Tarjeta Mensaje: Hi! 👋 How can we help you today?, Inicio',
    );
    await page.keyboard.press('n');
    await page.getByTestId('card-type-picker').getByText('Añadir una tarjeta conectada').waitFor();
    await screenshot(page, 'keyboard-picker-es');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Atajos de teclado' }).click();
    await page
      .getByRole('dialog', { name: 'Atajos de teclado' })
      .getByText('Ir a la tarjeta de inicio')
      .waitFor();
    await screenshot(page, 'keyboard-help-es');
  });
});
