import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

// Issue 8, item 6: an admin creates an API token in Settings, sees it exactly once, and a script
// uses it with plain fetch (no cookie, no Origin); revoking it in the UI stops it at once.

const DESKTOP = { width: 1440, height: 900 };

let charla: RunningCharla;
let browser: Browser;

async function newAdminPage(language: 'en' | 'es'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: DESKTOP });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: charla.baseUrl });
  await context.addInitScript((lang) => localStorage.setItem('charla.language', lang), language);
  await loginContext(context, charla.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('[page error]', err));
  return { context, page };
}

async function check(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300);
  await screenshot(page, `admin-${name}`);
  const violations = await axeSeriousViolations(page);
  expect(violations, `${name}: ${JSON.stringify(violations)}`).toEqual([]);
}

function bearerFetch(token: string, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${charla.baseUrl}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  });
}

beforeAll(async () => {
  charla = await startCharla();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await charla?.stop();
});

describe('API tokens (admin)', () => {
  it('creates a token in the UI, shows it once, and a script uses it until it is revoked', async () => {
    const { context, page } = await newAdminPage('en');
    await page.goto(`${charla.baseUrl}/settings/api-tokens`);
    await page.getByRole('heading', { name: 'API tokens' }).waitFor();
    await page.getByText('No API tokens yet').waitFor();

    await page.getByRole('button', { name: 'Create token' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Create token' });
    await dialog.getByLabel('Name').fill('CRM sync script');
    await dialog.getByRole('checkbox', { name: /^Write/ }).check();
    await dialog.getByLabel('Expires').selectOption('30');
    await check(page, 'api-tokens-create-en');
    await dialog.getByRole('button', { name: 'Create token' }).click();

    const shown = page.getByRole('dialog', { name: 'Your new API token' });
    await shown.getByText('you won’t see it again').waitFor();
    const token = (await shown.getByTestId('api-token-secret').textContent()) ?? '';
    expect(token).toMatch(/^chk_[A-Za-z0-9_-]{43}$/);
    await shown.getByRole('button', { name: 'Copy token' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
    await check(page, 'api-tokens-created-en');
    await shown.getByRole('button', { name: 'I have copied it' }).click();

    // Shown once: the list (and a reload) never shows it again.
    await page.reload();
    const row = page.getByTestId('api-token-row').filter({ hasText: 'CRM sync script' });
    await row.waitFor();
    expect(await page.content()).not.toContain(token);
    await expect(row.textContent()).resolves.toMatch(/Read.*Write/);
    await check(page, 'api-tokens-en');

    // A script: bearer only, no cookie, no Origin.
    expect((await bearerFetch(token, '/api/v1/crm/persons')).status).toBe(200);
    const created = await bearerFetch(token, '/api/v1/crm/persons', {
      method: 'POST',
      body: JSON.stringify({ name: 'Created by a script' }),
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ name: 'Created by a script', source: 'api' });
    expect((await bearerFetch(token, '/api/v1/admin/users')).status).toBe(403);

    await page.reload();
    await row.waitFor();
    await row.getByText('Not yet').waitFor({ state: 'detached' }); // last used is recorded
    await row.getByRole('button', { name: 'Revoke' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke “CRM sync script”?' });
    await confirm.getByRole('button', { name: 'Revoke' }).click();
    await row.getByText('Revoked', { exact: true }).waitFor();
    expect((await bearerFetch(token, '/api/v1/crm/persons')).status).toBe(401);
    await context.close();
  });

  it('shows the API tokens page in Spanish', async () => {
    const { context, page } = await newAdminPage('es');
    await page.goto(`${charla.baseUrl}/settings/api-tokens`);
    await page.getByRole('heading', { name: 'Tokens de API' }).waitFor();
    await page.getByTestId('api-token-row').first().waitFor();
    await check(page, 'api-tokens-es');
    await context.close();
  });
});
