import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshot, startCharla, type RunningCharla } from './harness';
import { clickLauncher, waitFor, widgetFrame } from './widget-fixtures';

// A fresh install without CHARLA_ADMIN_*: the first admin sets Charla up from a Spanish browser,
// and the starter playbook seeded in English at install greets visitors on /demo in Spanish.
describe('setup in Spanish on a fresh install (issue 23)', () => {
  let charla: RunningCharla;
  let browser: Browser;

  beforeAll(async () => {
    charla = await startCharla({ CHARLA_ADMIN_EMAIL: '', CHARLA_ADMIN_PASSWORD: '' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await charla.stop();
  });

  it('the starter playbook speaks Spanish on /demo after a Spanish setup', async () => {
    const setupUrl = await waitFor('the setup link in the logs', async () =>
      Promise.resolve(/https?:\/\/\S+\/setup\?token=\S+/.exec(charla.logs.join(''))?.[0]),
    );
    const context = await browser.newContext({ locale: 'es-ES', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(setupUrl);
    await page.locator('#setup-name').fill('Ana');
    await page.locator('#setup-email').fill('ana@example.com');
    await page.locator('#setup-password').fill('a very long password');
    await page.getByRole('button', { name: 'Crear cuenta de administrador' }).click();
    await page.waitForURL(/\/inbox\//);

    const visitor = await browser.newPage({ viewport: { width: 390, height: 800 } });
    await visitor.goto(`${charla.baseUrl}/demo`);
    await clickLauncher(visitor);
    const frame = await widgetFrame(visitor);
    await frame.getByText('¡Hola! 👋 Gracias por visitarnos.', { exact: true }).waitFor();
    await frame.getByRole('button', { name: 'Hablar con alguien' }).waitFor();
    expect(await frame.getByText('Thanks for stopping by').count()).toBe(0);
    await screenshot(visitor, 'setup-es-demo-widget');
    await context.close();
  });
});
