import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { adminInboxContext, launchBrowser, screenshot, startCharla, type RunningCharla } from './harness';

// A field only the server checks (a company name of spaces passes the browser's `required`; the
// server trims it) gets its message in the reader's language from the answer's `rule`, not the
// validator's English or a vague "not valid".

let charla: RunningCharla;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  charla = await startCharla();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await charla?.stop();
});

describe('field messages from the server', () => {
  for (const [language, expected, save, status] of [
    ['en', 'Fill in this field.', 'Save changes', 'Check the marked fields.'],
    ['es', 'Rellena este campo.', 'Guardar cambios', 'Revisa los campos marcados.'],
  ] as const) {
    it(`says what a server-checked field needs, in ${language}`, async () => {
      const context = await adminInboxContext(browser, charla.baseUrl, {
        language,
        viewport: { width: 1280, height: 800 },
      });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${charla.baseUrl}/settings/company`);
      const name = page.locator('#company-name');
      await name.fill('   ');
      await page.getByRole('button', { name: save, exact: true }).click();
      const message = page.locator('#company-name ~ .field__error');
      await message.waitFor();
      expect(await message.textContent()).toBe(expected);
      expect(await name.getAttribute('aria-invalid')).toBe('true');
      expect(await name.getAttribute('aria-describedby')).toBe(await message.getAttribute('id'));
      // The form's status points at the field instead of saying something went wrong.
      expect(await page.locator('.settings-form__actions [role="status"]').textContent()).toBe(status);
      await screenshot(page, `field-messages-company-${language}`);
    });
  }
});
