import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminInboxContext, launchBrowser, startCharla, type RunningCharla } from './harness';
import { adminApi, waitFor, type AdminApi } from './widget-fixtures';

// The admin screens at 1280 and 390 px, in English and Spanish: Business hours without an empty
// band and with aligned rows, a mail log whose Subject stays readable beside a long SMTP error, one
// title size and one input look across Settings, the Invite dialog saying what is missing, and a
// `javascript:` privacy link refused with its own message. Geometry and computed styles, not timing.

const SHOTS = '/tmp/shots-settings';
const LONG_ERROR =
  '550 5.7.1 Recipient address rejected: this mailbox is over its storage quota and cannot accept new messages until its owner frees some space; please try again later';
const SECTIONS = [
  'profile',
  'notifications',
  'canned-responses',
  'company',
  'pipelines',
  'users',
  'teams',
  'labels',
  'business-hours',
  'email',
  'webhooks',
  'api-tokens',
  'privacy',
  'identity',
];

let charla: RunningCharla;
let browser: Browser;
let api: AdminApi;
let smtp: Server;

/** An SMTP server that refuses every recipient with a long reason, which the mail log then shows. */
function refusingSmtp(): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => {
    socket.write('220 refusing.test ESMTP\r\n');
    let buffer = '';
    socket.on('data', (chunk) => {
      buffer += chunk.toString();
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const verb = buffer.slice(0, end).slice(0, 4).toUpperCase();
        buffer = buffer.slice(end + 2);
        if (verb === 'RCPT') socket.write(`${LONG_ERROR}\r\n`);
        else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
    socket.on('error', () => undefined);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address ? address.port : 0 });
    }),
  );
}

beforeAll(async () => {
  const refusing = await refusingSmtp();
  smtp = refusing.server;
  charla = await startCharla({
    SMTP_URL: `smtp://127.0.0.1:${refusing.port}`,
    MAIL_FROM: 'Charla <charla@example.com>',
  });
  browser = await launchBrowser();
  api = await adminApi(charla.baseUrl);
  await api.call('POST', '/api/v1/admin/users', {
    name: 'Carla Long-Surname de la Fuente y Montenegro',
    email: 'carla@example.com',
    password: 'password1234',
    role: 'regular',
  });
  await api.call('POST', '/api/v1/admin/invitations', {
    name: 'Bob',
    email: 'bob@example.com',
    role: 'regular',
  });
  await waitFor('the refused invitation in the mail log', async () => {
    const log = await api.call<{ items: { lastError: string | null }[] }>('GET', '/api/v1/admin/mail/log');
    return log.items.some((m) => m.lastError?.includes('over its storage quota'));
  });
  mkdirSync(SHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await charla?.stop();
  smtp?.close();
});

async function adminPage(language: 'en' | 'es', width: number): Promise<Page> {
  const viewport = { width, height: width < 600 ? 844 : 800 };
  const context = await adminInboxContext(browser, charla.baseUrl, { language, viewport });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('[page error]', err));
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

const box = async (target: Locator) => {
  const b = await target.boundingBox();
  if (!b) throw new Error('not laid out');
  return b;
};

/** The box of an element's text itself (a table cell is taller than its words). */
const textBox = (target: Locator) =>
  target.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const r = range.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });

const middle = (b: { y: number; height: number }) => b.y + b.height / 2;

describe('Business hours layout', () => {
  for (const language of ['en', 'es'] as const)
    it.each([1280, 390])(`has no empty band and aligned rows in ${language} at %i px`, async (width) => {
      const page = await adminPage(language, width);
      await page.goto(`${charla.baseUrl}/settings/business-hours`);
      const preview = page.getByTestId('hours-preview');
      await page.getByTestId('hours-mon').waitFor();
      await preview.waitFor();
      await shot(page, `hours-top-${language}-${width}`);

      // Each block follows the one above at the page's gap, and the preview's heading starts at its padding.
      const header = await box(page.locator('.settings__body > .page__header'));
      const scope = await box(page.locator('.hours-scope'));
      const card = await box(preview);
      const form = await box(page.locator('.hours-form'));
      expect(scope.y - (header.y + header.height)).toBeLessThanOrEqual(20);
      expect(card.y - (scope.y + scope.height)).toBeLessThanOrEqual(20);
      expect(form.y - (card.y + card.height)).toBeLessThanOrEqual(20);
      const padding = await preview.evaluate((e) => parseFloat(getComputedStyle(e).paddingTop));
      const heading = await box(preview.locator('h3'));
      expect(heading.y - card.y).toBeLessThanOrEqual(padding + 2);

      // A weekday's name, its hours (or "Closed") and its Add button line up.
      for (const day of ['mon', 'sat']) {
        const row = page.getByTestId(`hours-${day}`);
        const name = await textBox(row.locator('th'));
        const add = await box(row.locator('.hours-grid__add button'));
        expect(Math.abs(middle(name) - middle(add)), `${day}: name and Add button`).toBeLessThanOrEqual(2);
        const first = await textBox(row.locator('.hours-grid__intervals'));
        if (width < 600) expect(Math.abs(first.x - name.x), `${day}: left edges`).toBeLessThanOrEqual(1);
        else
          expect(Math.abs(middle(first) - middle(name)), `${day}: hours beside the name`).toBeLessThanOrEqual(
            2,
          );
      }
      const dayEdges = await page
        .locator('.hours-grid th')
        .evaluateAll((cells) => cells.map((c) => Math.round(c.getBoundingClientRect().left)));
      expect(new Set(dayEdges).size).toBe(1);

      // "No closed dates." keeps its distance from the heading above and the Date field below.
      const holidays = page.locator('.hours-holidays');
      await holidays.evaluate((e) => e.scrollIntoView({ block: 'center' }));
      await shot(page, `hours-holidays-${language}-${width}`);
      const none = await box(holidays.locator('.field__hint').first());
      const dateLabel = await box(holidays.locator('label[for="holiday-date"]'));
      expect(dateLabel.y - (none.y + none.height)).toBeGreaterThanOrEqual(8);
      await page.context().close();
    });
});

describe('the mail log beside a long SMTP error', () => {
  for (const language of ['en', 'es'] as const)
    it.each([1280, 390])(
      `keeps the Subject readable and the whole error in ${language} at %i px`,
      async (width) => {
        const page = await adminPage(language, width);
        await page.goto(`${charla.baseUrl}/settings/email`);
        const error = page.locator('.email-log__error').first();
        await error.waitFor();
        await error.evaluate((e) => e.closest('tr')?.scrollIntoView({ block: 'center' }));
        await shot(page, `mail-log-error-${language}-${width}`);
        const subject = await box(page.getByTestId('mail-log-row').first().locator('.email-log__subject'));
        expect(subject.width).toBeGreaterThanOrEqual(width < 600 ? 120 : 160);
        // Nothing of the reason is cut off, and it stays inside the table.
        const clipped = await error.evaluate((e) => e.scrollWidth - e.clientWidth);
        expect(clipped).toBeLessThanOrEqual(1);
        expect(await error.textContent()).toContain('over its storage quota');
        const wrap = page.locator('.settings-log');
        expect(await wrap.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(1);
        await page.context().close();
      },
    );
});

describe('one look across Settings', () => {
  it.each([1280, 390])('gives every settings page the same title size and one h1 at %i px', async (width) => {
    const page = await adminPage('en', width);
    const titles: Record<string, string> = {};
    for (const section of SECTIONS) {
      await page.goto(`${charla.baseUrl}/settings/${section}`);
      const title = page.locator('.settings__body .page__header :is(h1, h2)').first();
      await title.waitFor();
      const style = await title.evaluate((e) => {
        const s = getComputedStyle(e);
        return `${s.fontSize} ${s.fontWeight}`;
      });
      titles[section] = style;
      expect(await page.locator('h1').count(), `${section}: one h1`).toBe(1);
    }
    expect(new Set(Object.values(titles)).size, JSON.stringify(titles)).toBe(1);
    await page.context().close();
  });

  it.each([1280, 390])(
    'draws capacity and time inputs like the app’s other inputs at %i px',
    async (width) => {
      const page = await adminPage('es', width);
      const look = (target: Locator) =>
        target.evaluate((e) => {
          const s = getComputedStyle(e);
          return {
            height: Math.round(e.getBoundingClientRect().height),
            border: `${s.borderTopWidth} ${s.borderTopStyle} ${s.borderTopColor}`,
            radius: s.borderTopLeftRadius,
            background: s.backgroundColor,
          };
        });
      await page.goto(`${charla.baseUrl}/settings/business-hours`);
      await page.getByTestId('hours-mon').waitFor();
      const reference = await look(page.locator('#holiday-label'));
      expect(await look(page.getByTestId('hours-mon').locator('input[type="time"]').first())).toEqual(
        reference,
      );
      await page.getByTestId('hours-mon').scrollIntoViewIfNeeded();
      await shot(page, `hours-inputs-es-${width}`);
      await page.goto(`${charla.baseUrl}/settings/users`);
      const capacity = page.getByLabel(
        'Máximo de chats abiertos de Carla Long-Surname de la Fuente y Montenegro',
      );
      await capacity.waitFor();
      await capacity.scrollIntoViewIfNeeded();
      await shot(page, `users-capacity-es-${width}`);
      expect(await look(capacity)).toEqual(reference);
      await page.context().close();
    },
  );
});

describe('the Invite dialog with empty fields', () => {
  for (const [language, width] of [
    ['en', 1280],
    ['es', 390],
  ] as const)
    it(`keeps Send enabled and says what is missing on submit in ${language} at ${width} px`, async () => {
      const page = await adminPage(language, width);
      await page.goto(`${charla.baseUrl}/settings/users`);
      await page
        .getByRole('button', { name: language === 'es' ? 'Invitar por correo' : 'Invite by email' })
        .click();
      const send = page.getByRole('button', {
        name: language === 'es' ? 'Enviar invitación' : 'Send invitation',
      });
      expect(await send.isEnabled()).toBe(true);
      await send.click();
      const required = language === 'es' ? 'Rellena este campo.' : 'Fill in this field.';
      expect(await page.locator('#invite-user-name-error').textContent()).toBe(required);
      expect(await page.locator('#invite-user-email-error').textContent()).toBe(required);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('invite-user-name');
      await shot(page, `invite-empty-${language}-${width}`);
      await page.context().close();
    });
});

describe('the privacy link', () => {
  for (const [language, width] of [
    ['en', 1280],
    ['es', 390],
  ] as const)
    it(`refuses a javascript: link with its own message in ${language} at ${width} px`, async () => {
      const page = await adminPage(language, width);
      await page.goto(`${charla.baseUrl}/settings/privacy`);
      const url = page.locator('#privacy-url');
      await url.fill('javascript:alert(document.cookie)');
      await page.locator('form[aria-labelledby="privacy-retention"] button[type="submit"]').click();
      const message = page.locator('#privacy-url-error');
      await message.waitFor();
      expect(await message.textContent()).toBe(
        language === 'es'
          ? 'Usa una dirección web que empiece por https:// o http://.'
          : 'Use a web address that starts with https:// or http://.',
      );
      expect(await url.getAttribute('aria-invalid')).toBe('true');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('privacy-url');
      await shot(page, `privacy-javascript-link-${language}-${width}`);
      const saved = await api.call<{ privacyUrl: string | null }>('GET', '/api/v1/admin/privacy/settings');
      expect(saved.privacyUrl).toBeNull();
      await page.context().close();
    });
});

describe('empty Teams and Labels', () => {
  const empty = {
    en: {
      teams: ['No teams yet', 'Group users to send a live chat card’s chats to a team'],
      labels: ['No labels yet', 'Labels help you find conversations again'],
    },
    es: {
      teams: ['Aún no hay equipos', 'Agrupa usuarios para dirigir los chats'],
      labels: ['Aún no hay etiquetas', 'Las etiquetas ayudan a volver a encontrar conversaciones'],
    },
  };
  for (const [language, width] of [
    ['en', 1280],
    ['es', 390],
  ] as const)
    it(`say what the section is for, as the other empty sections do, in ${language} at ${width} px`, async () => {
      const page = await adminPage(language, width);
      for (const section of ['teams', 'labels'] as const) {
        await page.goto(`${charla.baseUrl}/settings/${section}`);
        const [title, text] = empty[language][section];
        const state = page.locator('.settings__body .empty');
        await state.waitFor();
        expect(await state.locator('.empty__title').textContent()).toBe(title);
        expect(await state.locator('.empty__text').textContent()).toContain(text);
        expect(await state.locator('.empty__icon svg').count()).toBe(1);
        await shot(page, `empty-${section}-${language}-${width}`);
      }
      await page.context().close();
    });
});

describe('the test mail form', () => {
  for (const [language, width] of [
    ['en', 1280],
    ['es', 390],
  ] as const)
    it(`keeps Send enabled and says what the address lacks in ${language} at ${width} px`, async () => {
      const page = await adminPage(language, width);
      await page.goto(`${charla.baseUrl}/settings/email`);
      const send = page.getByRole('button', { name: language === 'es' ? 'Enviar prueba' : 'Send test' });
      const to = page.locator('#mail-test-to');
      await to.waitFor();
      expect(await send.isEnabled()).toBe(true);
      await send.click();
      const message = page.locator('#mail-test-to-error');
      expect(await message.textContent()).toBe(
        language === 'es' ? 'Rellena este campo.' : 'Fill in this field.',
      );
      expect(await to.getAttribute('aria-invalid')).toBe('true');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('mail-test-to');
      await to.fill('bob@');
      await send.click();
      await waitFor('the address message', async () =>
        ((await message.textContent()) ?? '').includes(
          language === 'es' ? 'nombre@ejemplo.com' : 'name@example.com',
        ),
      );
      await shot(page, `mail-test-invalid-${language}-${width}`);
      // Send stays level with the address field while the message shows under it.
      const field = await box(to);
      const button = await box(send);
      if (width > 600) expect(Math.abs(middle(button) - middle(field))).toBeLessThanOrEqual(2);
      await page.context().close();
    });
});
