import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  adminInboxContext,
  launchBrowser,
  screenshot,
  startCharla,
  type RunningCharla,
} from './harness';
import { adminApi, waitFor } from './widget-fixtures';

// Bad input on the first-run setup form and in Settings → Users says what is wrong next to the
// field (the client's check, and the server's field errors mapped to the fields); a new user's row
// gets its capacity cell at once; the reports' label filter and the mail log speak the reader's language.

let charla: RunningCharla;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
const LONG_NAME = 'B'.repeat(300);

beforeAll(async () => {
  charla = await startCharla({ CHARLA_ADMIN_EMAIL: '', CHARLA_ADMIN_PASSWORD: '' });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await charla?.stop();
});

async function newPage(context: BrowserContext): Promise<Page> {
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return page;
}

async function inbox(language: 'en' | 'es', width = 1280): Promise<Page> {
  return newPage(
    await adminInboxContext(browser, charla.baseUrl, { language, viewport: { width, height: 800 } }),
  );
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const errorOf = (page: Page, id: string) => page.locator(`#${id}-error`).textContent();

describe('first-run setup form', () => {
  it('shows each bad field’s message next to it and focuses the first, then sets up', async () => {
    const setupUrl = await waitFor('the setup link in the logs', async () =>
      Promise.resolve(/https?:\/\/\S+\/setup\?token=\S+/.exec(charla.logs.join(''))?.[0]),
    );
    for (const [language, width] of [
      ['es', 390],
      ['en', 1280],
    ] as const) {
      const page = await newPage(
        await browser.newContext({
          locale: language === 'es' ? 'es-ES' : 'en-US',
          viewport: { width, height: 844 },
        }),
      );
      await page.goto(setupUrl);
      const submit = page.getByRole('button', {
        name: language === 'es' ? 'Crear cuenta de administrador' : 'Create admin account',
      });
      await page.locator('#setup-password').fill(ADMIN_PASSWORD);
      await submit.click();
      const required = language === 'es' ? 'Rellena este campo.' : 'Fill in this field.';
      expect(await errorOf(page, 'setup-name')).toBe(required);
      expect(await errorOf(page, 'setup-email')).toBe(required);
      expect(await focusedId(page)).toBe('setup-name');
      await screenshot(page, `setup-errors-empty-${language}-${width}`);

      await page.locator('#setup-name').fill(LONG_NAME);
      await page.locator('#setup-email').fill('not-an-email');
      await submit.click();
      expect(await errorOf(page, 'setup-name')).toBe(
        language === 'es' ? 'Usa como máximo 120 caracteres.' : 'Use at most 120 characters.',
      );
      expect(await errorOf(page, 'setup-email')).toBe(
        language === 'es'
          ? 'Escribe un correo como nombre@ejemplo.com.'
          : 'Enter an email address like name@example.com.',
      );
      expect(await focusedId(page)).toBe('setup-name');
      await screenshot(page, `setup-errors-bad-${language}-${width}`);
    }

    // Past the client's check, the server's refusal lands on the field too (its path is a string).
    const page = await newPage(
      await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } }),
    );
    await page.goto(setupUrl);
    await page.locator('#setup-name').fill('Ana Admin');
    await page.locator('#setup-email').fill('ana@example.c');
    await page.locator('#setup-password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Create admin account' }).click();
    await page.locator('#setup-email-error').waitFor();
    expect(await errorOf(page, 'setup-email')).toBe('Enter an email address like name@example.com.');
    expect(await focusedId(page)).toBe('setup-email');

    await page.locator('#setup-email').fill(ADMIN_EMAIL);
    await page.getByRole('button', { name: 'Create admin account' }).click();
    await page.waitForURL(/\/inbox\//);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});

describe('Settings → Users', () => {
  it('Add user: a too long name and a refused email say so on their fields, with no page error', async () => {
    const page = await inbox('en');
    await page.goto(`${charla.baseUrl}/settings/users`);
    await page.getByRole('button', { name: 'Add user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add user' });
    await dialog.getByLabel('Name').fill(LONG_NAME);
    await dialog.getByLabel('Email').fill('carl@example.com');
    await dialog.getByLabel('First password').fill('password1234');
    await dialog.getByRole('button', { name: 'Add user' }).click();
    expect(await errorOf(page, 'user-name')).toBe('Use at most 120 characters.');
    expect(await focusedId(page)).toBe('user-name');
    await screenshot(page, 'users-add-long-name-en-1280');

    // The server refuses an address the client lets through: its message shows on the email field.
    await dialog.getByLabel('Name').fill('Carl Agent');
    await dialog.getByLabel('Email').fill('carl@example.c');
    await dialog.getByRole('button', { name: 'Add user' }).click();
    await page.locator('#user-email-error').waitFor();
    expect(await errorOf(page, 'user-email')).toBe('Enter an email address like name@example.com.');

    // The admin's own address: the team already has it.
    await dialog.getByLabel('Email').fill(ADMIN_EMAIL);
    await dialog.getByRole('button', { name: 'Add user' }).click();
    await expect.poll(() => errorOf(page, 'user-email')).toBe('A user with this email already exists.');
    expect(pageErrors).toEqual([]);
  });

  it('a new user’s row has its capacity cell at once, and keeps it after a role change', async () => {
    const page = await inbox('en');
    await page.goto(`${charla.baseUrl}/settings/users`);
    await page.getByRole('button', { name: 'Add user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add user' });
    await dialog.getByLabel('Name').fill('Carl Agent');
    await dialog.getByLabel('Email').fill('carl@example.com');
    await dialog.getByLabel('First password').fill('password1234');
    await dialog.getByRole('button', { name: 'Add user' }).click();
    const capacity = page.getByLabel('Max open chats for Carl Agent');
    await capacity.waitFor();
    await page.getByLabel('Role of Carl Agent').selectOption('admin');
    await page.getByText('Carl Agent was updated.').waitFor();
    await capacity.waitFor();
    expect(await capacity.getAttribute('placeholder')).toBe('No limit');
    await screenshot(page, 'users-added-capacity-en-1280');
  });

  it('Invite: a long name is not cut but refused with a message; a teammate’s email gets admin wording', async () => {
    for (const [language, width] of [
      ['en', 1280],
      ['es', 390],
    ] as const) {
      const page = await inbox(language, width);
      await page.goto(`${charla.baseUrl}/settings/users`);
      await page
        .getByRole('button', { name: language === 'es' ? 'Invitar por correo' : 'Invite by email' })
        .click();
      await page.locator('#invite-user-name').fill(LONG_NAME);
      await page.locator('#invite-user-email').fill('long@example.com');
      const send = page.getByRole('button', {
        name: language === 'es' ? 'Enviar invitación' : 'Send invitation',
      });
      await send.click();
      expect((await page.locator('#invite-user-name').inputValue()).length).toBe(300);
      expect(await errorOf(page, 'invite-user-name')).toBe(
        language === 'es' ? 'Usa como máximo 120 caracteres.' : 'Use at most 120 characters.',
      );
      expect(await focusedId(page)).toBe('invite-user-name');

      await page.locator('#invite-user-name').fill('Carl Again');
      await page.locator('#invite-user-email').fill('carl@example.com');
      await send.click();
      await expect
        .poll(() => page.locator('#invite-user-email-error').textContent())
        .toBe(
          language === 'es'
            ? 'Alguien del equipo ya usa este correo.'
            : 'Someone on the team already uses this email.',
        );
      expect(await page.getByText(/Sign in instead|Inicia sesión/).count()).toBe(0);
      await screenshot(page, `users-invite-taken-${language}-${width}`);
    }
  });
});

describe('reports and the mail log in Spanish', () => {
  it('the label filter reads "Todas" and no note says labels do not exist', async () => {
    const api = await adminApi(charla.baseUrl);
    await api.call('POST', '/api/v1/admin/labels', { name: 'VIP', color: 'orange' });
    for (const width of [1280, 390]) {
      const page = await inbox('es', width);
      await page.goto(`${charla.baseUrl}/reports`);
      const filter = page.locator('#rep-label');
      await filter.waitFor();
      expect(await filter.locator('option').first().textContent()).toBe('Todas');
      expect(await page.getByText('no existen etiquetas').count()).toBe(0);
      await screenshot(page, `reports-label-filter-es-${width}`);
    }
  });

  it('says in Spanish that mail is not set up', async () => {
    const api = await adminApi(charla.baseUrl);
    await api.call('POST', '/api/v1/admin/mail/test', { to: 'someone@example.com', language: 'es' });
    for (const width of [1280, 390]) {
      const page = await inbox('es', width);
      await page.goto(`${charla.baseUrl}/settings/email`);
      const row = page.getByTestId('mail-log-row').first();
      await row.waitFor();
      expect(await row.locator('.email-log__error').textContent()).toBe(
        'El correo saliente no está configurado (SMTP_URL está vacío).',
      );
      expect(await row.getByText('SMTP is not configured').count()).toBe(0);
      await row.scrollIntoViewIfNeeded();
      await screenshot(page, `mail-log-reason-es-${width}`);
    }
  });
});
