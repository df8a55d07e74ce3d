import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TPlaybookDto } from '@charla/protocol';
import { adminInboxContext, launchBrowser, startCharla, type RunningCharla } from './harness';
import { adminApi, clickLauncher, widgetFrame, type AdminApi } from './widget-fixtures';

// The playbook editor's layout, measured on screen: a card added with "Add card" lands on no other
// card, the whole flow is in view on open, a long card title ends in an ellipsis and says all of
// itself, the name field shows its limit, and the live preview's launcher is on screen at 1280×800.

const SHOTS = process.env.CHARLA_SHOTS_DIR ?? join(tmpdir(), 'shots-playbook');
const LONG_TITLE = 'Ask whether the visitor wants to talk to a person from the sales team right now or later';

let charla: RunningCharla;
let browser: Browser;
let api: AdminApi;
const contexts: BrowserContext[] = [];

async function adminPage(language: 'en' | 'es', viewport: { width: number; height: number }): Promise<Page> {
  const context = await adminInboxContext(browser, charla.baseUrl, { language, viewport });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('[page error]', err));
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** A Live chat playbook whose question card has a long title (the template's layout, placed on open). */
async function livePlaybook(name: string, language: 'en' | 'es'): Promise<TPlaybookDto> {
  const created = await api.call<TPlaybookDto>('POST', '/api/v1/playbooks', {
    name,
    templateId: 'live_chat',
    language,
  });
  const document = structuredClone(created.document);
  for (const node of document.flow.nodes) if (node.id === 'choose') node.label = LONG_TITLE.slice(0, 80);
  await api.call<TPlaybookDto>('PUT', `/api/v1/playbooks/${created.id}`, {
    document,
    expectedRevision: created.revision,
  });
  return api.call<TPlaybookDto>('POST', `/api/v1/playbooks/${created.id}/activate`);
}

type WidgetLook = {
  subtitle: string;
  header: string;
  avatar: { width: string; background: string; color: string };
  send: { width: string; height: string; radius: string; background: string; color: string; label: string };
  /** The bot's pictures beside its messages (one by the last of a run) and the "Powered by" line. */
  botAvatars: { width: string; background: string; color: string; text: string }[];
  brand: string;
};

/** What the header, Send button, message avatars and footer look like, in the preview (`.pb-*`) or the real widget's frame. */
function widgetLook(
  classes: Record<'sub' | 'header' | 'avatar' | 'send' | 'botAvatar' | 'brand', string>,
): WidgetLook {
  const css = (selector: string) => {
    const el = document.querySelector(selector);
    if (!el) throw new Error(`no ${selector}`);
    return { el, style: getComputedStyle(el) };
  };
  const avatar = css(classes.avatar).style;
  const send = css(classes.send);
  return {
    subtitle: css(classes.sub).el.textContent ?? '',
    header: css(classes.header).style.backgroundColor,
    avatar: { width: avatar.width, background: avatar.backgroundColor, color: avatar.color },
    send: {
      width: send.style.width,
      height: send.style.height,
      radius: send.style.borderRadius,
      background: send.style.backgroundColor,
      color: send.style.color,
      label: send.el.getAttribute('aria-label') ?? '',
    },
    botAvatars: Array.from(document.querySelectorAll(classes.botAvatar)).map((el) => {
      const style = getComputedStyle(el);
      return {
        width: style.width,
        background: style.backgroundColor,
        color: style.color,
        text: el.textContent ?? '',
      };
    }),
    brand: css(classes.brand).el.textContent ?? '',
  };
}

/** The real widget on the demo page, opened by a visitor: its header and Send button. */
async function realWidgetLook(publicId: string, name: string): Promise<WidgetLook> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${charla.baseUrl.replace('127.0.0.1', 'localhost')}/demo?playbook=${publicId}`);
  await clickLauncher(page);
  const frame = await widgetFrame(page);
  await frame.locator('.hd-sub').waitFor();
  await frame.locator('.choices button').first().waitFor();
  await shot(page, name);
  return frame.evaluate(widgetLook, {
    sub: '.hd-sub',
    header: '.hd',
    avatar: '.hd .av',
    send: '.send',
    botAvatar: '.log .row.in .av',
    brand: '.brand',
  });
}

type CardBox = { id: string; left: number; top: number; right: number; bottom: number };

/** Every card's screen box, and the canvas's. */
async function boxes(page: Page): Promise<{ cards: CardBox[]; canvas: CardBox }> {
  return page.evaluate(() => {
    const box = (id: string, r: DOMRect) => ({
      id,
      left: r.left,
      top: r.top,
      right: r.right,
      bottom: r.bottom,
    });
    const canvas = document.querySelector('.react-flow')?.getBoundingClientRect() ?? new DOMRect();
    return {
      canvas: box('canvas', canvas),
      cards: Array.from(document.querySelectorAll<HTMLElement>('.react-flow__node')).map((el) =>
        box(el.dataset.id ?? '', el.getBoundingClientRect()),
      ),
    };
  });
}

function overlapping(cards: CardBox[]): string[] {
  const out: string[] = [];
  for (const a of cards)
    for (const b of cards)
      if (a.id < b.id && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
        out.push(`${a.id}/${b.id}`);
  return out;
}

/** The canvas's zoom (the scale of xyflow's viewport transform). */
async function canvasZoom(page: Page): Promise<number> {
  return page.evaluate(() => {
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
    return viewport ? new DOMMatrix(getComputedStyle(viewport).transform).a : 1;
  });
}

/** The cards not wholly inside the canvas. */
async function cardsOutOfView(page: Page): Promise<string[]> {
  const { cards, canvas } = await boxes(page);
  return cards
    .filter(
      (c) =>
        c.left < canvas.left ||
        c.top < canvas.top ||
        c.right > canvas.right ||
        c.bottom > canvas.bottom ||
        c.right - c.left < 1,
    )
    .map((c) => c.id);
}

/** Adds a card of `type` (its visible name) with "Add card" and closes the card's dialog. */
async function addCard(page: Page, type: string, cancel: string): Promise<string> {
  const before = new Set((await boxes(page)).cards.map((c) => c.id));
  await page.getByTestId('add-card').click();
  await page.getByRole('menuitem', { name: type }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: cancel }).click();
  await dialog.waitFor({ state: 'detached' });
  let added = '';
  await expect
    .poll(async () => {
      added = (await boxes(page)).cards.find((c) => !before.has(c.id))?.id ?? '';
      return added;
    })
    .not.toBe('');
  return added;
}

beforeAll(async () => {
  charla = await startCharla();
  browser = await launchBrowser();
  api = await adminApi(charla.baseUrl);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await charla?.stop();
});

const TEXTS = {
  en: { message: 'Message', cancel: 'Cancel', limit: /characters left/ },
  es: { message: 'Mensaje', cancel: 'Cancelar', limit: /Quedan \d+ caracteres/ },
} as const;

for (const [language, width, height] of [
  ['en', 1280, 800],
  ['es', 1280, 800],
  ['en', 1440, 900],
] as const) {
  describe(`playbook editor layout: ${language}, ${width} px`, () => {
    let page: Page;
    let playbook: TPlaybookDto;
    beforeAll(async () => {
      playbook = await livePlaybook(`Layout ${language} ${width}`, language);
      page = await adminPage(language, { width, height });
      await page.goto(`${charla.baseUrl}/playbooks/${playbook.id}`);
      await page.getByTestId('card-choose').waitFor();
    });

    it('opens readable at the start card, and Fit view shows every card', async () => {
      // Opening never shrinks card text below 12 px (issue 18): the start card is on screen.
      await expect.poll(() => cardsOutOfView(page), { timeout: 10_000 }).not.toContain('greeting');
      expect(await canvasZoom(page)).toBeGreaterThanOrEqual(0.93);
      await shot(page, `layout-open-${language}-${width}`);
      await page.locator('.react-flow__controls-fitview').click();
      await expect.poll(() => cardsOutOfView(page), { timeout: 10_000 }).toEqual([]);
      await shot(page, `layout-fit-${language}-${width}`);
    });

    it('places a new card on free canvas, also beside a selected card', async () => {
      const first = await addCard(page, TEXTS[language].message, TEXTS[language].cancel);
      expect(overlapping((await boxes(page)).cards), `after adding ${first}`).toEqual([]);
      // One card selected: the new card goes beside it, still on no other card.
      await page.getByTestId('card-greeting').locator('.pb-card__type').click();
      await expect.poll(() => page.getByTestId('card-greeting').getAttribute('class')).toContain('selected');
      const second = await addCard(page, TEXTS[language].message, TEXTS[language].cancel);
      expect(overlapping((await boxes(page)).cards), `after adding ${second}`).toEqual([]);
      await shot(page, `layout-added-${language}-${width}`);
    });

    it('ends a long card title with an ellipsis and keeps the whole title readable', async () => {
      const title = page.getByTestId('card-choose').locator('.pb-card__title');
      const measured = await title.evaluate((el) => ({
        clipped: el.scrollWidth > el.clientWidth,
        overflow: getComputedStyle(el).textOverflow,
        text: el.textContent,
        hover: el.getAttribute('title'),
      }));
      expect(measured).toEqual({
        clipped: true,
        overflow: 'ellipsis',
        text: LONG_TITLE.slice(0, 80),
        hover: LONG_TITLE.slice(0, 80),
      });
      // The card's accessible name (keyboard users land on the card) holds the whole title too.
      const label = await page.locator('.react-flow__node[data-id="choose"]').getAttribute('aria-label');
      expect(label).toContain(LONG_TITLE.slice(0, 80));
    });

    it('shows how many characters the name may still have near its limit', async () => {
      const name = page.locator('#pb-name');
      expect(await name.getAttribute('maxlength')).toBe('80');
      const count = page.getByTestId('pb-name-count');
      expect(await count.count()).toBe(0);
      await name.fill('N'.repeat(75));
      await count.waitFor();
      expect(await count.innerText()).toMatch(TEXTS[language].limit);
      expect(await count.innerText()).toContain('5');
      expect(await name.getAttribute('aria-describedby')).toBe(await count.getAttribute('id'));
      await shot(page, `layout-name-limit-${language}-${width}`);
    });

    it('shows the preview as the real widget draws it (avatars, Powered by), with the whole launcher on screen', async () => {
      const launcher = await page.locator('.pb-launcher').boundingBox();
      const panel = await page.locator('.pb-editor__preview').boundingBox();
      expect(launcher && panel).toBeTruthy();
      if (!launcher || !panel) return;
      expect(launcher.y + launcher.height).toBeLessThanOrEqual(Math.min(height, panel.y + panel.height));
      expect(launcher.x + launcher.width).toBeLessThanOrEqual(Math.min(width, panel.x + panel.width));
      await shot(page, `layout-preview-${language}-${width}`);
      const preview = await page.evaluate(widgetLook, {
        sub: '.pb-widget__sub',
        header: '.pb-widget__header',
        avatar: '.pb-widget__avatar',
        send: '.pb-send',
        botAvatar: '.pb-msg__avatar:not(.pb-msg__avatar--space)',
        brand: '.pb-widget__brand',
      });
      expect(preview.botAvatars).toHaveLength(1);
      expect(preview).toEqual(
        await realWidgetLook(playbook.publicId, `layout-real-widget-${language}-${width}`),
      );
    });
  });
}

describe('playbook editor layout on a phone', () => {
  for (const language of ['es', 'en'] as const) {
    it(`puts the whole live preview under the canvas, its controls uncovered, in ${language} at 390 px`, async () => {
      const playbook = await livePlaybook(`Phone ${language}`, language);
      const page = await adminPage(language, { width: 390, height: 844 });
      await page.goto(`${charla.baseUrl}/playbooks/${playbook.id}`);
      await page.getByTestId('card-choose').waitFor();
      const restart = page.locator('.pb-preview__bar .btn');
      await restart.scrollIntoViewIfNeeded();
      const box = async (selector: string) => (await page.locator(selector).first().boundingBox())!;
      const canvas = await box('.pb-editor__main');
      const preview = await box('.pb-editor__preview');
      const widget = await box('.pb-widget');
      // The canvas ends where the preview starts, and the widget is drawn whole inside the preview.
      expect(canvas.y + canvas.height).toBeLessThanOrEqual(preview.y + 0.5);
      expect(widget.y + widget.height).toBeLessThanOrEqual(preview.y + preview.height + 0.5);
      // The bar's controls are the topmost thing where they are drawn (nothing lies over them).
      const uncovered = await page.evaluate(() =>
        Array.from(document.querySelectorAll('.pb-preview__bar > *')).map((el) => {
          const r = el.getBoundingClientRect();
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return { el: el.className, covered: !hit || !el.contains(hit) };
        }),
      );
      expect(uncovered.filter((u) => u.covered)).toEqual([]);
      await shot(page, `layout-preview-phone-${language}-390`);
      await page.locator('.pb-send').scrollIntoViewIfNeeded();
      await shot(page, `layout-preview-phone-widget-${language}-390`);
    });
  }
});
