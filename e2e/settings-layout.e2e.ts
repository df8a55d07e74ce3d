import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TLanguage } from '@charla/protocol';
import { ADMIN_EMAIL, ADMIN_PASSWORD, launchBrowser, loginContext, screenshot, startCharla } from './harness';
import type { RunningCharla } from './harness';
import { visitorChats, type VisitorChat } from './visitor-chat';
import { adminApi, createLiveChatPlaybook, goOnline, waitFor, type AdminApi } from './widget-fixtures';

// Testers' walk of the inbox app at 1280 and 390 px, in English and Spanish: keyboard focus shows
// on every button, long names wrap inside their cells, the document itself never scrolls past the
// app, the Settings tab strip shows the current tab, and table cards on a phone label their values.
// Geometry and computed styles, not timing.

const WIDTHS = [1280, 390];
const LANGUAGES: TLanguage[] = ['en', 'es'];
const LONG_NAME = 'T'.repeat(100);

let charla: RunningCharla;
let browser: Browser;
let api: AdminApi;
let visitor: VisitorChat;
let agent: { close(): void };

beforeAll(async () => {
  charla = await startCharla();
  browser = await launchBrowser();
  api = await adminApi(charla.baseUrl);
  await api.call('POST', '/api/v1/admin/api-tokens', {
    name: LONG_NAME,
    scopes: ['read'],
    expiresInDays: 90,
  });
  await api.call('POST', '/api/v1/admin/labels', { name: 'Cliente VIP', color: 'amber' });
  // Without SMTP each invitation lands in the mail log as "not sent": addresses to lay out.
  for (const [name, email] of [
    ['Bob', 'bob@example.com'],
    ['B'.repeat(100), 'a-very-long-address-for-testing@example-company-domain.com'],
  ])
    await api.call('POST', '/api/v1/admin/invitations', { name, email, role: 'regular' });
  await api.call('POST', '/api/v1/admin/users', {
    name: 'Bartolomé Esteban Murillo de la Concepción Fernández',
    email: 'bartolome@example.com',
    password: 'a first password 123',
  });
  const playbook = await createLiveChatPlaybook(api, 'en');
  agent = await goOnline(charla.baseUrl, api);
  visitor = await visitorChats(browser, charla.baseUrl, playbook.publicId, 'Hello, do you ship abroad?');
  const path = `/api/v1/conversations/${visitor.conversationId}`;
  await waitFor('the chat waiting', async () => {
    const c = await api.call<{ status: string }>('GET', path);
    return c.status === 'waiting';
  });
  await api.call('POST', `${path}/assign`, {});
}, 120_000);

afterAll(async () => {
  await visitor?.close();
  agent?.close();
  await browser?.close();
  await charla?.stop();
});

/** The admin's page; `prompt` keeps the desktop-notification banner (its buttons are checked too). */
async function adminPage(language: TLanguage, width: number, prompt = false): Promise<Page> {
  const viewport = { width, height: width < 600 ? 844 : 800 };
  const context = await browser.newContext({ viewport, locale: language === 'es' ? 'es-ES' : 'en-US' });
  await context.addInitScript(
    ([lang, keepPrompt]) => {
      localStorage.setItem('charla.language', lang);
      if (!keepPrompt) localStorage.setItem('charla.notificationPromptDismissed', '1');
    },
    [language, prompt] as const,
  );
  await loginContext(context, charla.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('[page error]', err));
  return page;
}

/** What a focus ring is drawn with. */
function ringOf(
  target: Locator,
): Promise<{ outline: string; outlineWidth: number; shadow: string; focusVisible: boolean }> {
  return target.evaluate((el) => {
    const style = getComputedStyle(el);
    return {
      outline: style.outlineStyle === 'none' ? 'none' : `${style.outlineStyle} ${style.outlineWidth}`,
      outlineWidth: style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth),
      shadow: style.boxShadow,
      focusVisible: el.matches(':focus-visible'),
    };
  });
}

/** Presses Tab until `target` has the focus, as a keyboard user gets there. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < 80; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached the button');
}

/** Tabs to `target` and expects a ring (an outline or another box-shadow) it did not have before. */
async function expectFocusRing(page: Page, target: Locator, name: string): Promise<void> {
  await target.waitFor();
  const before = await ringOf(target);
  await tabTo(page, target);
  const after = await ringOf(target);
  expect(after.focusVisible, name).toBe(true);
  expect(after.outline !== before.outline || after.shadow !== before.shadow, `${name}: no visible ring`).toBe(
    true,
  );
  if (after.outline !== 'none') expect(after.outlineWidth, name).toBeGreaterThanOrEqual(2);
}

describe('keyboard focus on buttons', () => {
  it('rings secondary, ghost and icon buttons in Settings and the notification banner', async () => {
    const page = await adminPage('en', 1280, true);
    await page.goto(`${charla.baseUrl}/settings/labels`);
    await page.getByRole('button', { name: 'Edit label “Cliente VIP”' }).waitFor();
    await page.getByRole('button', { name: 'Not now' }).waitFor();
    for (const name of ['Allow notifications', 'Not now', 'New label', 'Edit label “Cliente VIP”'])
      await expectFocusRing(page, page.getByRole('button', { name, exact: true }), name);
    await screenshot(page, 'settings-focus-edit-label');
    await page.context().close();
  });

  it('rings Reassign and Close in the conversation header, like Email transcript', async () => {
    const page = await adminPage('en', 1280);
    await page.goto(`${charla.baseUrl}/inbox/mine/${visitor.conversationId}`);
    await page.getByTestId('conversation-title').waitFor();
    await expectFocusRing(page, page.getByTestId('reassign'), 'Reassign');
    await screenshot(page, 'conversation-focus-reassign');
    await expectFocusRing(page, page.getByTestId('close'), 'Close');
    await page.context().close();
  });
});

describe('settings layout at 1280 and 390 px', () => {
  for (const language of LANGUAGES)
    it.each(WIDTHS)(`never scrolls the document past the app in ${language} at %i px`, async (width) => {
      const page = await adminPage(language, width);
      for (const path of [
        '/reports',
        '/settings/notifications',
        '/settings/business-hours',
        '/settings/email',
        '/settings/api-tokens',
      ]) {
        await page.goto(`${charla.baseUrl}${path}`);
        await page.locator('.main__content h1:visible, .main__content h2:visible').first().waitFor();
        await page.waitForTimeout(300);
        const size = await page.evaluate(() => {
          const root = document.scrollingElement ?? document.documentElement;
          return { height: root.scrollHeight, width: root.scrollWidth, innerHeight, innerWidth };
        });
        expect(size.height, `${path}: the document is taller than the window`).toBeLessThanOrEqual(
          size.innerHeight,
        );
        expect(size.width, `${path}: the document is wider than the window`).toBeLessThanOrEqual(
          size.innerWidth,
        );
        await page.locator('.main__content').evaluate((main) => main.scrollTo(0, main.scrollHeight));
        await screenshot(page, `layout${path.replace(/\//g, '-')}-${language}-${width}`);
      }
      await page.context().close();
    });

  for (const language of LANGUAGES)
    it.each(WIDTHS)(
      `keeps a 100-letter token name and its Revoke button in the card in ${language} at %i px`,
      async (width) => {
        const page = await adminPage(language, width);
        await page.goto(`${charla.baseUrl}/settings/api-tokens`);
        const row = page.getByTestId('api-token-row').first();
        await row.waitFor();
        await screenshot(page, `layout-api-tokens-row-${language}-${width}`);
        const wrap = await page.locator('.crm-table-wrap').evaluate((e) => ({
          overflow: e.scrollWidth - e.clientWidth,
          right: e.getBoundingClientRect().right,
        }));
        expect(wrap.overflow).toBeLessThanOrEqual(1);
        const revoke = await row.locator('button').boundingBox();
        expect(revoke).not.toBeNull();
        expect(revoke!.x + revoke!.width).toBeLessThanOrEqual(wrap.right);
        if (width < 600) {
          // Each value says which column it is; the status pill keeps its own width.
          const labels = await row
            .locator('td:not(:first-child):not(:last-child)')
            .evaluateAll((tds) => tds.map((td) => getComputedStyle(td, '::before').content));
          expect(labels).toHaveLength(5);
          for (const label of labels) expect(label).toMatch(/^".+"$/);
          const pill = await row.locator('.crm-status').boundingBox();
          expect(pill!.width).toBeLessThan(120);
        }
        await page.context().close();
      },
    );

  for (const language of LANGUAGES)
    it(`labels the values of the Users cards and keeps the status pill narrow in ${language} at 390 px`, async () => {
      const page = await adminPage(language, 390);
      await page.goto(`${charla.baseUrl}/settings/users`);
      const row = page.getByTestId('user-row').first();
      await row.waitFor();
      const labels = await row
        .locator('td:nth-child(2), td:nth-child(3), td:nth-child(4)')
        .evaluateAll((tds) => tds.map((td) => getComputedStyle(td, '::before').content));
      for (const label of labels) expect(label).toMatch(/^".+"$/);
      expect((await row.locator('.crm-status').boundingBox())!.width).toBeLessThan(120);
      await page.context().close();
    });

  // At 1024 px the table's columns left the names one or two letters wide ("Ad/min/istr/ado/ra"):
  // between phone and wide screens each user is a card too, every word of a name whole.
  for (const language of LANGUAGES)
    it.each([1024, 1280, 1440])(
      `keeps every word of the users' names whole and the table in its card in ${language} at %i px`,
      async (width) => {
        const page = await adminPage(language, width);
        await page.goto(`${charla.baseUrl}/settings/users`);
        await page.getByTestId('user-row').nth(1).waitFor();
        await page.locator('.capacity-input').nth(1).waitFor();
        await screenshot(page, `layout-users-${language}-${width}`);
        const broken = await page.$$eval(
          '.settings-users :is(.settings-user__name, .settings-user__email)',
          (cells) =>
            cells.flatMap((cell) => {
              const text = cell.firstChild;
              if (!(text instanceof Text)) return [];
              const words: string[] = [];
              for (const match of (text.textContent ?? '').matchAll(/\S+/g)) {
                const range = document.createRange();
                range.setStart(text, match.index);
                range.setEnd(text, match.index + match[0].length);
                // On two lines when a piece starts below the first's middle (an accented letter
                // drawn by another font sits a pixel off: the same line).
                const rects = Array.from(range.getClientRects());
                const first = rects[0];
                if (first && rects.some((r) => r.top > first.top + first.height / 2)) words.push(match[0]);
              }
              return words;
            }),
        );
        expect(broken).toEqual([]);
        const wrap = await page.locator('.crm-table-wrap').evaluate((e) => e.scrollWidth - e.clientWidth);
        expect(wrap).toBeLessThanOrEqual(1);
        // The admin has one chat open: "1 abierto", not "1 abiertos".
        const load = page.getByTestId('user-row').first().locator('.capacity .field__hint');
        expect(await load.textContent()).toBe(language === 'es' ? '1 abierto' : '1 open');
        await page.context().close();
      },
    );

  for (const language of LANGUAGES)
    it(`shows the current Settings tab on one line in a strip that fades in ${language} at 390 px`, async () => {
      const page = await adminPage(language, 390);
      await page.goto(`${charla.baseUrl}/settings/users`);
      const nav = page.locator('.settings__nav');
      const current = nav.locator('[aria-current="page"]');
      await current.waitFor();
      // The strip scrolls the current tab into view once laid out: however long that takes here.
      const inStrip = async () => {
        const strip = (await nav.boundingBox())!;
        const tab = (await current.boundingBox())!;
        return tab.x >= strip.x && tab.x + tab.width <= strip.x + strip.width;
      };
      await waitFor('the current tab inside the strip', inStrip);
      await screenshot(page, `layout-settings-tabs-${language}-390`);
      const heights = await nav
        .locator('.settings__link')
        .evaluateAll((links) => links.map((link) => link.getBoundingClientRect().height));
      expect(Math.max(...heights) - Math.min(...heights)).toBeLessThan(1);
      expect(await nav.evaluate((e) => getComputedStyle(e).maskImage)).toContain('gradient');
      await page.context().close();
    });

  for (const language of LANGUAGES)
    it.each(WIDTHS)(`fits every webhook event name in its column in ${language} at %i px`, async (width) => {
      const page = await adminPage(language, width);
      await page.goto(`${charla.baseUrl}/settings/webhooks`);
      await page.locator('.settings__body .page__header button.btn--primary').click();
      const events = page.locator('.settings-events');
      await events.waitFor();
      await screenshot(page, `layout-webhook-events-${language}-${width}`);
      const outside = await events.evaluate((box) => {
        const right = box.getBoundingClientRect().right;
        return Array.from(box.querySelectorAll('code'))
          .filter(
            (code) => code.getBoundingClientRect().right > right + 0.5 || code.scrollWidth > code.clientWidth,
          )
          .map((code) => code.textContent);
      });
      expect(outside).toEqual([]);
      await page.context().close();
    });

  for (const language of LANGUAGES)
    it.each(WIDTHS)(
      `keeps mail log addresses whole and draws no stray line in ${language} at %i px`,
      async (width) => {
        const page = await adminPage(language, width);
        await page.goto(`${charla.baseUrl}/settings/email`);
        const rows = page.getByTestId('mail-log-row');
        await rows.first().waitFor();
        await page.locator('.email-log__head').evaluate((head) => head.scrollIntoView({ block: 'start' }));
        await screenshot(page, `layout-mail-log-${language}-${width}`);
        // An address may wrap before its "@", never inside "bob@example.com".
        const broken = await page.locator('.email-log__to').evaluateAll((cells) =>
          cells
            .filter((cell) => {
              const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                if (node.textContent?.includes('-')) continue; // hyphenated parts may wrap at a hyphen
                const range = document.createRange();
                range.selectNodeContents(node);
                if (range.getClientRects().length > 1) return true;
              }
              return false;
            })
            .map((cell) => cell.textContent),
        );
        expect(broken).toEqual([]);
        const filter = page.locator('#mail-log-filter').locator('..');
        expect(await filter.evaluate((e) => getComputedStyle(e).borderTopStyle)).toBe('none');
        await page.context().close();
      },
    );

  for (const language of LANGUAGES)
    it(`says email digests are off as a notice set apart from its text in ${language} at 1280 px`, async () => {
      const page = await adminPage(language, 1280);
      await page.goto(`${charla.baseUrl}/settings/notifications`);
      const digest = page.getByTestId('email-digest-settings');
      const notice = digest.getByText(
        language === 'es'
          ? 'El correo (SMTP) no está configurado en el servidor: no se envía ningún resumen.'
          : 'Email (SMTP) is not configured on the server: no digest is sent.',
      );
      await notice.waitFor();
      await digest.getByRole('checkbox').first().waitFor();
      await digest.scrollIntoViewIfNeeded();
      await screenshot(page, `layout-digest-no-smtp-${language}`);
      // The server's state, not the reader's mistake: warning colours, not the error red.
      const colours = await notice.evaluate((e) => getComputedStyle(e).color);
      expect(colours).toBe('rgb(120, 53, 15)');
      const text = await digest.locator('.field__hint').boundingBox();
      const box = await notice.boundingBox();
      if (!text || !box) throw new Error('not laid out');
      expect(box.y - (text.y + text.height)).toBeGreaterThanOrEqual(6);
      await page.context().close();
    });
});
