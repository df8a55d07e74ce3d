import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TLanguage } from '@charla/protocol';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  adminInboxContext,
  launchBrowser,
  loginContext,
  screenshot,
  startCharla,
} from './harness';
import type { RunningCharla } from './harness';
import { visitorChats, type VisitorChat } from './visitor-chat';
import { adminApi, createLiveChatPlaybook, goOnline, waitFor, type AdminApi } from './widget-fixtures';

// Issue 16 item 8: the inbox at 1280, 1440, 1920 and 390 px, in English and Spanish, with a long
// person name, a long list of labels and the side panel open: no folder tab is cut ("Cerrad…").
// The header's name keeps to one line beside the actions and ends in "…" when too long (its title
// holds it whole): wrapped, it broke mid-word and "Visitor #2039" took two lines. Geometry, not
// timing: each check compares elements' boxes once the page is laid out.

const PERSON = 'María de los Ángeles Fernández-Villalobos';
/** 120 characters: no header has room for it. */
const LONG_PERSON =
  'Maximiliana Alexandrina Konstantinopoulou-Papadimitriou de la Santísima Trinidad y Fernández-Villalobos Ortega García';
const WIDTHS = [1280, 1440, 1920, 390];
const LABELS = [
  ['Cliente VIP', 'amber'],
  ['Facturas y pagos pendientes de revisión', 'blue'],
  ['Envío internacional', 'green'],
  ['Devolución', 'red'],
  ['Lead caliente — llamar hoy', 'purple'],
  ['Mayorista', 'teal'],
] as const;

let charla: RunningCharla;
let browser: Browser;
let api: AdminApi;
let visitor: VisitorChat;
/** A second chat left waiting: its header has "Assign to me" besides the other actions. */
let waiting: VisitorChat;
/** A third chat, assigned, whose person has a 120-character name. */
let longNamed: VisitorChat;
/** A fourth chat left waiting whose person has a name: the header adds "Visitor #…" to the clock. */
let waitingNamed: VisitorChat;
/** A fifth chat, closed, whose person has a name: a row of Closed. */
let closedNamed: VisitorChat;
let agent: { close(): void };

beforeAll(async () => {
  charla = await startCharla();
  browser = await launchBrowser();
  api = await adminApi(charla.baseUrl);
  // The waiting chat must still wait when the last check runs, minutes later on a busy machine:
  // the longest wait a playbook allows (60 s by default).
  const playbook = await createLiveChatPlaybook(api, 'en', 600);
  agent = await goOnline(charla.baseUrl, api);
  visitor = await visitorChats(browser, charla.baseUrl, playbook.publicId, 'Hola, ¿tenéis envío a Canarias?');
  const path = `/api/v1/conversations/${visitor.conversationId}`;
  await waitFor('the chat waiting', async () => {
    const c = await api.call<{ status: string }>('GET', path);
    return c.status === 'waiting';
  });
  await api.call('POST', `${path}/assign`, {});
  await api.call('PUT', `/api/v1/conversations/${visitor.conversationId}/panel`, {
    person: { name: PERSON },
  });
  for (const [name, color] of LABELS) {
    const label = await api.call<{ id: string }>('POST', '/api/v1/admin/labels', { name, color });
    await api.call('POST', `${path}/labels`, { labelId: label.id });
  }
  longNamed = await visitorChats(browser, charla.baseUrl, playbook.publicId, '¿Y a Baleares?');
  const longPath = `/api/v1/conversations/${longNamed.conversationId}`;
  await waitFor('the long-named chat waiting', async () => {
    const c = await api.call<{ status: string }>('GET', longPath);
    return c.status === 'waiting';
  });
  await api.call('POST', `${longPath}/assign`, {});
  await api.call('PUT', `${longPath}/panel`, { person: { name: LONG_PERSON } });
  // Its lead is titled after the 120-character name.
  await api.call('POST', `${longPath}/panel/lead`, {});
  waiting = await visitorChats(browser, charla.baseUrl, playbook.publicId, '¿Hacéis factura?');
  waitingNamed = await visitorChats(browser, charla.baseUrl, playbook.publicId, '¿Tenéis tienda física?');
  const namedPath = `/api/v1/conversations/${waitingNamed.conversationId}`;
  await waitFor('the named chat waiting', async () => {
    const c = await api.call<{ status: string }>('GET', namedPath);
    return c.status === 'waiting';
  });
  await api.call('PUT', `${namedPath}/panel`, { person: { name: PERSON } });
  closedNamed = await visitorChats(browser, charla.baseUrl, playbook.publicId, '¿Abrís el sábado?');
  const closedPath = `/api/v1/conversations/${closedNamed.conversationId}`;
  await waitFor('the chat to close waiting', async () => {
    const c = await api.call<{ status: string }>('GET', closedPath);
    return c.status === 'waiting';
  });
  await api.call('POST', `${closedPath}/assign`, {});
  await api.call('PUT', `${closedPath}/panel`, { person: { name: PERSON } });
  await api.call('POST', `${closedPath}/close`, {});
}, 120_000);

afterAll(async () => {
  await visitor?.close();
  await waiting?.close();
  await longNamed?.close();
  await waitingNamed?.close();
  await closedNamed?.close();
  agent?.close();
  await browser?.close();
  await charla?.stop();
});

async function inboxAt(language: TLanguage, width: number): Promise<Page> {
  const viewport = { width, height: width < 600 ? 844 : 900 };
  return (await adminInboxContext(browser, charla.baseUrl, { language, viewport })).newPage();
}

/** Elements matching `selector` whose content is wider than their box (cut or ellipsised). */
function clipped(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (elements) =>
    elements.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent ?? ''),
  );
}

/**
 * The header's name: how many lines its text takes, whether it ends in "…", its title, and the
 * header actions its box overlaps or that are cut or wrapped themselves.
 */
function headerName(page: Page) {
  return page.$eval('.conv-header', (header) => {
    const name = header.querySelector('h2');
    if (!name) throw new Error('no name in the header');
    const box = name.getBoundingClientRect();
    const style = getComputedStyle(name);
    const range = document.createRange();
    range.selectNodeContents(name);
    const lines = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size;
    const actions = Array.from(
      header.querySelectorAll<HTMLElement>('.conv-header__actions button, .conv-header__actions a'),
    );
    const label = (e: HTMLElement) => e.getAttribute('aria-label') ?? e.textContent ?? '';
    const overlapped = actions
      .filter((a) => {
        const r = a.getBoundingClientRect();
        return (
          r.width > 0 && r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top
        );
      })
      .map(label);
    // An action squeezed: its content cut, or its label wrapped onto a second line.
    const squeezed = actions
      .filter((a) => a.getBoundingClientRect().width > 0)
      .filter((a) => a.scrollWidth > a.clientWidth + 1 || a.getBoundingClientRect().height > 40)
      .map(label);
    return {
      lines,
      oneLineHigh: box.height < parseFloat(style.lineHeight) * 1.5,
      ellipsis: style.textOverflow === 'ellipsis' && name.scrollWidth > name.clientWidth + 1,
      title: name.title,
      overlapped,
      squeezed,
    };
  });
}

/** The room left in an input once its placeholder is drawn (negative: the placeholder is cut). */
function placeholderRoom(page: Page, selector: string): Promise<number> {
  return page.$eval(selector, (input: HTMLInputElement) => {
    const style = getComputedStyle(input);
    const context = document.createElement('canvas').getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return room - context.measureText(input.placeholder).width;
  });
}

/**
 * Visitors' and the bot's one-line text bubbles wider than their text (stretched to the author's
 * name above them). Bubbles with answer buttons are left out: the buttons set their width.
 */
function stretchedBubbles(page: Page): Promise<string[]> {
  return page.$$eval('.msg--in .msg__bubble', (bubbles) =>
    bubbles
      .filter((bubble) => {
        if (bubble.querySelector('.msg__options')) return false;
        const walker = document.createTreeWalker(bubble, NodeFilter.SHOW_TEXT);
        let left = Infinity;
        let right = -Infinity;
        const lines = new Set<number>();
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const range = document.createRange();
          range.selectNodeContents(node);
          for (const rect of Array.from(range.getClientRects())) {
            left = Math.min(left, rect.left);
            right = Math.max(right, rect.right);
            lines.add(Math.round(rect.top));
          }
        }
        // Wrapped text fills its box with slack at the line ends: only one-line bubbles tell.
        if (lines.size !== 1) return false;
        const style = getComputedStyle(bubble);
        const chrome =
          parseFloat(style.paddingLeft) +
          parseFloat(style.paddingRight) +
          parseFloat(style.borderLeftWidth) +
          parseFloat(style.borderRightWidth);
        return right > left && bubble.getBoundingClientRect().width > right - left + chrome + 4;
      })
      .map((bubble) => bubble.textContent ?? ''),
  );
}

describe('inbox layout with long names and the panel open (issue 16)', () => {
  for (const language of ['en', 'es'] as const) {
    it.each(WIDTHS)(
      `cuts no folder tab and keeps the header name to one line in ${language} at %i px`,
      async (width) => {
        const page = await inboxAt(language, width);
        await page.goto(`${charla.baseUrl}/inbox/mine/${visitor.conversationId}`);
        await page.getByTestId('conversation-title').waitFor();
        const panel = page.getByTestId('side-panel');
        if (width >= 600 && !(await panel.isVisible())) await page.getByTestId('toggle-panel').click();
        if (width >= 600) await panel.waitFor();
        await expect.poll(() => page.getByTestId('conversation-title').innerText()).toBe(PERSON);
        await screenshot(page, `inbox-layout-${language}-${width}`);
        expect(await clipped(page, '.folder-tabs, .folder-tab, .folder-tab *')).toEqual([]);
        expect(await clipped(page, '.conv-header__status, .composer__hint')).toEqual([]);
        expect(await headerName(page)).toMatchObject({
          lines: 1,
          oneLineHigh: true,
          title: PERSON,
          overlapped: [],
        });
        // Six labels, one of 39 characters: the list row, the bar under the header and the panel
        // never grow wider than their column.
        expect(await clipped(page, '.inbox__list, .inbox__main, .side-panel')).toEqual([]);
        // A short message under the long name is as wide as its text.
        await page.locator('.msg--in .msg__bubble').first().waitFor();
        expect(await stretchedBubbles(page)).toEqual([]);
        // The search field says what it searches in full ("Search by name, email or m" was cut); on
        // a phone the list is its own screen.
        if (width < 600) await page.goto(`${charla.baseUrl}/inbox/mine`);
        await page.locator('.conv-list__search input').waitFor();
        expect(await placeholderRoom(page, '.conv-list__search input')).toBeGreaterThanOrEqual(0);
        await page.context().close();
      },
    );
    it.each(WIDTHS)(
      `keeps every header action of a waiting chat on screen in ${language} at %i px`,
      async (width) => {
        const page = await inboxAt(language, width);
        await page.goto(`${charla.baseUrl}/inbox/unassigned/${waiting.conversationId}`);
        await page.getByTestId('assign').waitFor();
        const offScreen = await page.$$eval('.conv-header button', (buttons) =>
          buttons
            .map((b) => ({
              label: b.getAttribute('aria-label') ?? b.textContent ?? '',
              box: b.getBoundingClientRect(),
            }))
            .filter(({ box }) => box.right > window.innerWidth + 1 || box.left < -1)
            .map(({ label }) => label),
        );
        expect(offScreen).toEqual([]);
        expect(await clipped(page, '.conv-header')).toEqual([]);
        if (width >= 600) {
          // The list beside the open panel: an anonymous visitor's number is all that tells the
          // rows apart, so the waiting clock beside it never cuts it ("Visitante #…").
          const panel = page.getByTestId('side-panel');
          if (!(await panel.isVisible())) await page.getByTestId('toggle-panel').click();
          await panel.waitFor();
          await page.getByTestId('conversation-clock').first().waitFor();
        }
        await screenshot(page, `inbox-layout-waiting-${language}-${width}`);
        // The anonymous row (a named person's row may end in "…": the name is not all it shows).
        const anonymousRow = `[data-conversation-id="${waiting.conversationId}"]`;
        expect(await clipped(page, `${anonymousRow} .conv-item__name`)).toEqual([]);
        // The waiting clock under the name stays on one line ("Esperando desde hace 0:08" took two).
        expect(
          await page
            .getByTestId('conversation-status')
            .evaluate((status) =>
              Math.round(status.clientHeight / parseFloat(getComputedStyle(status).lineHeight)),
            ),
        ).toBe(1);
        // "Visitor #2039" beside "Assign to me" with the panel open: one line, whole, no action squeezed.
        expect(await headerName(page)).toMatchObject({
          lines: 1,
          oneLineHigh: true,
          ellipsis: false,
          overlapped: [],
          squeezed: [],
        });
        await page.context().close();
      },
    );
    // "Visitante #1951 · En espera: 0:58" under a named visitor took two lines beside Assign to me
    // at 1280 px: the line stays one, and the clock is whole (the number gives way first).
    it.each([1280, 1440, 390])(
      `keeps a named waiting visitor's status on one line with its clock whole in ${language} at %i px`,
      async (width) => {
        const page = await inboxAt(language, width);
        await page.goto(`${charla.baseUrl}/inbox/unassigned/${waitingNamed.conversationId}`);
        await expect.poll(() => page.getByTestId('conversation-title').innerText()).toBe(PERSON);
        await page.getByTestId('assign').waitFor();
        if (width >= 600) {
          const panel = page.getByTestId('side-panel');
          if (!(await panel.isVisible())) await page.getByTestId('toggle-panel').click();
          await panel.waitFor();
        }
        const status = page.getByTestId('conversation-status');
        await expect.poll(() => status.textContent()).toMatch(/#\d+ · (Waiting for|En espera:) \d+:\d\d$/);
        await screenshot(page, `inbox-layout-waiting-named-${language}-${width}`);
        const line = await status.evaluate((p) => {
          // The text node of the state ("Waiting for 0:12"): drawn whole inside the line's box.
          const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
          let clock: Text | null = null;
          for (let node = walker.nextNode(); node; node = walker.nextNode())
            if (/\d+:\d\d/.test(node.textContent ?? '')) clock = node as Text;
          if (!clock?.parentElement) throw new Error('no clock in the status');
          const holder = clock.parentElement;
          const clockRange = document.createRange();
          clockRange.selectNodeContents(clock);
          const box = clockRange.getBoundingClientRect();
          const outer = p.getBoundingClientRect();
          return {
            lines: Math.round(p.clientHeight / parseFloat(getComputedStyle(p).lineHeight)),
            // Fractional widths: a box a twentieth of a pixel narrower than its text already ends
            // it in "…" ("En espera: 0:…"), which whole-pixel scrollWidth does not tell.
            clockWhole:
              box.width <= holder.getBoundingClientRect().width + 0.01 &&
              box.left >= outer.left - 1 &&
              box.right <= outer.right + 1,
          };
        });
        expect(line).toEqual({ lines: 1, clockWhole: true });
        expect(await headerName(page)).toMatchObject({ lines: 1, overlapped: [], squeezed: [] });
        await page.context().close();
      },
    );
    // Every row of Closed said "Closed 07:15 AM" ("Cerrada 07:15"), leaving a named person "M…"
    // beside the Missed badge: the folder says closed (and the row reads it out), the row shows the time.
    it.each([1280, 390])(
      `shows a closed row's time, not "Closed" again, in ${language} at %i px`,
      async (width) => {
        const page = await inboxAt(language, width);
        await page.goto(`${charla.baseUrl}/inbox/closed`);
        const row = page.locator(`[data-conversation-id="${closedNamed.conversationId}"]`);
        await row.waitFor();
        if (width >= 600) {
          await row.click();
          const panel = page.getByTestId('side-panel');
          if (!(await panel.isVisible())) await page.getByTestId('toggle-panel').click();
          await panel.waitFor();
        }
        await screenshot(page, `inbox-layout-closed-row-${language}-${width}`);
        const meta = row.getByTestId('conversation-clock');
        const shown = await meta.evaluate((e) => {
          const copy = e.cloneNode(true) as HTMLElement;
          copy.querySelectorAll('.sr-only').forEach((hidden) => hidden.remove());
          return copy.textContent?.trim();
        });
        expect(shown).toMatch(/^\d{1,2}:\d\d( [AP]M)?$/);
        // Read out whole: "Closed 07:15 AM".
        expect(await meta.textContent()).toMatch(language === 'es' ? /^Cerrada \d/ : /^Closed \d/);
        const name = await row.locator('.conv-item__name').evaluate((e) => e.getBoundingClientRect().width);
        expect(name).toBeGreaterThanOrEqual(120);
        await page.context().close();
      },
    );
    // The lead's section in the panel was titled "LEAD · MAXIMILIANA ALEXANDRINA …" in capitals over
    // four lines: the title keeps its own case on one line, whole in its tooltip.
    it.each([1280, 390])(
      `titles the panel's lead section on one line in ${language} at %i px`,
      async (width) => {
        const page = await inboxAt(language, width);
        await page.goto(`${charla.baseUrl}/inbox/mine/${longNamed.conversationId}`);
        await page.getByTestId('conversation-title').waitFor();
        const panel = page.getByTestId('side-panel');
        if (!(await panel.isVisible())) await page.getByTestId('toggle-panel').click();
        const title = page.getByTestId('panel-linked-lead').locator('h3');
        await title.waitFor();
        await title.scrollIntoViewIfNeeded();
        await screenshot(page, `inbox-layout-panel-lead-${language}-${width}`);
        const shape = await title.evaluate((h3) => {
          const name = h3.querySelector<HTMLElement>('[title]');
          return {
            lines: Math.round(
              h3.getBoundingClientRect().height / parseFloat(getComputedStyle(h3).lineHeight),
            ),
            nameCase: name ? getComputedStyle(name).textTransform : null,
            whole: name?.title ?? null,
          };
        });
        expect(shape).toMatchObject({ lines: 1, nameCase: 'none' });
        expect(shape.whole).toContain('Maximiliana');
        // Nothing in the panel wider than the panel (it would scroll sideways).
        expect(await clipped(page, '.side-panel, .side-panel > *')).toEqual([]);
        // The timeline's "created a lead" with that title wraps in a rounded box, not an oval.
        const event = page.getByTestId('event-lead_created').locator('.tl-event__line');
        const corner = await event.evaluate((e) => ({
          wrapped: e.getBoundingClientRect().height > 40,
          radius: parseFloat(getComputedStyle(e).borderTopLeftRadius),
        }));
        expect(corner.wrapped ? corner.radius : 0).toBeLessThanOrEqual(16);
        await page.context().close();
      },
    );
    it.each(WIDTHS)(`ends a 120-character name in “…” on one line in ${language} at %i px`, async (width) => {
      const page = await inboxAt(language, width);
      await page.goto(`${charla.baseUrl}/inbox/mine/${longNamed.conversationId}`);
      await expect.poll(() => page.getByTestId('conversation-title').innerText()).toBe(LONG_PERSON);
      if (width >= 600) {
        const panel = page.getByTestId('side-panel');
        if (!(await panel.isVisible())) await page.getByTestId('toggle-panel').click();
        await panel.waitFor();
      }
      await screenshot(page, `inbox-layout-long-name-${language}-${width}`);
      expect(await headerName(page)).toEqual({
        lines: 1,
        oneLineHigh: true,
        ellipsis: true,
        title: LONG_PERSON,
        overlapped: [],
        squeezed: [],
      });
      // Read whole by assistive technology: the heading's name is the full name.
      expect(await page.getByRole('heading', { name: LONG_PERSON, exact: true }).count()).toBe(1);
      await page.context().close();
    });
  }
});

// R21's prompt took about a quarter of a phone screen until dismissed: there it is a slim bar, the
// title above its two actions, the reason still read out; on a laptop the reason shows too.
describe('the notification prompt on a phone and a laptop', () => {
  for (const language of ['en', 'es'] as const) {
    it.each([390, 1280])(`stays slim and readable in ${language} at %i px`, async (width) => {
      const viewport = { width, height: width < 600 ? 844 : 900 };
      const context = await browser.newContext({ viewport, locale: language === 'es' ? 'es-ES' : 'en-US' });
      await context.addInitScript((lang) => localStorage.setItem('charla.language', lang), language);
      await loginContext(context, charla.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
      const page = await context.newPage();
      await page.goto(`${charla.baseUrl}/inbox/unassigned`);
      const prompt = page.getByRole('region', {
        name: language === 'es' ? 'Notificaciones de escritorio' : 'Desktop notifications',
      });
      await prompt.waitFor();
      await screenshot(page, `inbox-layout-prompt-${language}-${width}`);
      const box = await prompt.boundingBox();
      if (!box) throw new Error('the prompt has no box');
      if (width < 600) expect(box.height).toBeLessThanOrEqual(viewport.height * 0.15);
      // Both actions whole and on screen.
      for (const name of language === 'es'
        ? ['Permitir notificaciones', 'Ahora no']
        : ['Allow notifications', 'Not now']) {
        const action = await prompt.getByRole('button', { name, exact: true }).boundingBox();
        expect(action && action.x >= 0 && action.x + action.width <= width).toBe(true);
      }
      expect(await clipped(page, '.prompt button, .prompt strong')).toEqual([]);
      // The reason is in the text read out; shown (more than a clipped pixel) on a laptop only.
      const why = page.locator('.prompt__why');
      expect((await why.textContent())?.length).toBeGreaterThan(20);
      const shown = ((await why.boundingBox())?.width ?? 0) > 1;
      expect(shown).toBe(width >= 600);
      await context.close();
    });
  }
});
