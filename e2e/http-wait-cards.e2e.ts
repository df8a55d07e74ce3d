import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TPlaybookDto } from '@charla/protocol';
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
import { adminApi, clickLauncher, richText, widgetFrame, type AdminApi } from './widget-fixtures';

// Issue 18 item 4, end to end in Chromium: an admin builds greeting → wait → HTTP request →
// "Your plan" / "could not check" in the flow editor, tries both exits in the preview (which never
// calls the URL), activates; a widget visitor sees the bot typing through the pause and then the
// plan the server fetched from a JSON API on 127.0.0.1 (allowed through the private-targets
// setting). Screenshots of both cards' dialogs in English and Spanish, desktop and 390 px.

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const DONE = 'Your plan: {{plan}}';
const SORRY = 'We could not check your plan.';

let charla: RunningCharla;
let browser: Browser;
let api: AdminApi;
let playbook: TPlaybookDto;
let site: Server;
let siteOrigin: string;
let jsonApi: Server;
let jsonApiUrl: string;
const apiCalls: string[] = [];
const contexts: BrowserContext[] = [];

async function adminPage(language: 'en' | 'es'): Promise<Page> {
  const context = await browser.newContext({ viewport: DESKTOP });
  contexts.push(context);
  await context.addInitScript((lang) => localStorage.setItem('charla.language', lang), language);
  await loginContext(context, charla.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('[page error]', err));
  return page;
}

/** Opens a card's dialog from the keyboard (a pointer click may land outside the canvas at 390 px). */
async function openCard(page: Page, cardId: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  for (let tries = 0; tries < 3 && !(await dialog.isVisible()); tries += 1) {
    await page.getByTestId(`card-${cardId}`).getByRole('button').first().press('Enter');
    await dialog.waitFor({ timeout: 3000 }).catch(() => undefined);
  }
  await dialog.waitFor();
}

/** Both cards' dialogs, screenshot and axe-checked at desktop and phone width. */
async function shootDialogs(page: Page, language: 'en' | 'es'): Promise<void> {
  for (const [size, viewport] of [
    ['desktop', DESKTOP],
    ['390', PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    for (const [card, name] of [
      ['http_request_1', 'http'],
      ['wait_1', 'wait'],
    ] as const) {
      await openCard(page, card);
      const dialog = page.getByRole('dialog');
      if (name === 'http') {
        // POST shows the body template; a variable outside quotes is a finding, shown on leaving.
        await dialog.getByText('POST', { exact: true }).click();
        await dialog.locator('#http-body').fill('{"email": {{visitor_email}}, "plan": "{{plan}}"}');
        await dialog.locator('#http-timeout').focus();
        await dialog.getByTestId('field-error-http-body').waitFor();
        await dialog.locator('#http-body').scrollIntoViewIfNeeded();
      }
      await page.waitForTimeout(300);
      await screenshot(page, `cards-${name}-dialog-${language}-${size}`);
      const violations = await axeSeriousViolations(page);
      expect(violations, `${name} ${language} ${size}: ${JSON.stringify(violations)}`).toEqual([]);
      await dialog.getByRole('button', { name: language === 'en' ? 'Cancel' : 'Cancelar' }).click();
      await dialog.waitFor({ state: 'detached' });
    }
  }
  await page.setViewportSize(DESKTOP);
}

beforeAll(async () => {
  charla = await startCharla();
  browser = await launchBrowser();
  api = await adminApi(charla.baseUrl);
  jsonApi = createServer((req, res) => {
    apiCalls.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"data": {"plan": "Pro"}}');
  });
  await new Promise<void>((resolve) => jsonApi.listen(0, '127.0.0.1', resolve));
  jsonApiUrl = `http://127.0.0.1:${(jsonApi.address() as AddressInfo).port}`;
  // The JSON API runs on this machine: the company allows private targets (the webhooks' setting).
  await api.call('PUT', '/api/v1/admin/settings/webhooks', { allowPrivateWebhookTargets: true });
  const created = await api.call<TPlaybookDto>('POST', '/api/v1/playbooks', {
    name: 'Plan lookup',
    templateId: 'blank',
    language: 'en',
  });
  const document = structuredClone(created.document);
  document.variables = [{ key: 'plan', label: 'Plan', type: 'text' }];
  document.flow.nodes = document.flow.nodes.map((n) =>
    n.id === 'end' ? { ...n, ui: { x: 0, y: 600 } } : { ...n, ui: { x: 0, y: 0 } },
  );
  document.flow.nodes.push(
    { id: 'done_msg', type: 'message', content: richText(DONE) as never, ui: { x: -200, y: 400 } },
    { id: 'sorry_msg', type: 'message', content: richText(SORRY) as never, ui: { x: 200, y: 400 } },
  );
  document.flow.edges.push(
    { id: 'e_done', from: { nodeId: 'done_msg', port: 'next' }, to: { nodeId: 'end' } },
    { id: 'e_sorry', from: { nodeId: 'sorry_msg', port: 'next' }, to: { nodeId: 'end' } },
  );
  playbook = await api.call<TPlaybookDto>('PUT', `/api/v1/playbooks/${created.id}`, {
    document,
    expectedRevision: created.revision,
  });
  site = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end(
      `<!doctype html><html lang="en"><title>Shop</title><body><h1>Shop</h1>
<script async src="${charla.baseUrl}/widget.js" data-playbook="${playbook.publicId}"></script></body></html>`,
    );
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteOrigin = `http://localhost:${(site.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await charla?.stop();
  site?.close();
  jsonApi?.close();
});

describe('HTTP request and wait cards (issue 18)', () => {
  it('an admin builds wait → HTTP request in the editor and tries both exits in the preview', async () => {
    const page = await adminPage('en');
    await page.goto(`${charla.baseUrl}/playbooks/${playbook.id}`);
    await page.getByTestId('card-greeting').waitFor();

    await page.getByTestId('add-card').click();
    await page.getByRole('menuitem', { name: 'HTTP request' }).click();
    let dialog = page.getByRole('dialog', { name: 'Edit HTTP request card' });
    // An empty address is a finding, shown once the field is left.
    await dialog.getByLabel('URL', { exact: true }).focus();
    await dialog.getByLabel('Timeout (seconds)').focus();
    await dialog.getByTestId('field-error-http-url').waitFor();
    await dialog.getByLabel('URL', { exact: true }).fill(`${jsonApiUrl}/plan?lang={{locale}}`);
    await dialog.getByTestId('field-error-http-url').waitFor({ state: 'detached' });
    await dialog.getByTestId('http-add-mapping').click();
    await dialog.locator('#http-map-0-path').fill('data.plan');
    await dialog.locator('#http-map-0-variable').selectOption('plan');
    await dialog.getByLabel('Next', { exact: true }).selectOption('done_msg');
    await dialog.getByLabel('Failed', { exact: true }).selectOption('sorry_msg');
    await dialog.getByTestId('card-apply').click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByTestId('add-card').click();
    await page.getByRole('menuitem', { name: 'Wait' }).click();
    dialog = page.getByRole('dialog', { name: 'Edit Wait card' });
    await dialog.getByLabel('Pause (seconds)').fill('3');
    await dialog.getByLabel('Next', { exact: true }).selectOption('http_request_1');
    await dialog.getByTestId('card-apply').click();
    await dialog.waitFor({ state: 'detached' });

    await openCard(page, 'greeting');
    await page.getByRole('dialog').getByLabel('Next', { exact: true }).selectOption('wait_1');
    await page.getByTestId('card-apply').click();
    await page.getByText('No errors', { exact: true }).waitFor();
    expect(await page.getByTestId('card-http_request_1').locator('.pb-port__label').allInnerTexts()).toEqual([
      'Next',
      'Failed',
    ]);

    // The preview says where the bot pauses and never calls the URL: the admin picks the exit.
    const preview = page.getByTestId('widget-preview');
    await preview.getByText('The bot pauses 3 s here, typing.').waitFor();
    await preview
      .getByText(/Here the server would call GET http:\/\/127\.0\.0\.1:\d+\/plan\?lang=en/)
      .waitFor();
    await preview.getByText('Choose how it goes:', { exact: false }).waitFor();
    await screenshot(page, 'cards-http-preview-en');
    await preview.getByTestId('preview-call-failed').click();
    await preview.getByText(SORRY).waitFor();
    await page.getByRole('button', { name: 'Restart' }).click();
    await preview.getByTestId('preview-call-ok').click();
    await preview.getByText('Your plan:', { exact: true }).waitFor();
    expect(apiCalls).toEqual([]);
    // New cards land in the middle of the view, on top of each other: lay the flow out again.
    await page.getByRole('button', { name: 'Tidy up' }).click();
    await page.getByRole('button', { name: 'Fit the whole flow' }).click();
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await page.waitForTimeout(400);
    await screenshot(page, 'cards-http-wait-editor-en');

    await page.getByTestId('save-playbook').click();
    await page.getByText('All changes saved').waitFor();
    await page.getByRole('button', { name: 'Activate' }).click();
    await page.locator('.pb-editor__name .pb-status--active').waitFor();
    const saved = await api.call<TPlaybookDto>('GET', `/api/v1/playbooks/${playbook.id}`);
    expect(saved.document.flow.nodes.find((n) => n.id === 'http_request_1')).toMatchObject({
      type: 'http_request',
      method: 'GET',
      url: `${jsonApiUrl}/plan?lang={{locale}}`,
      timeoutSeconds: 5,
      mapping: [{ path: 'data.plan', variable: 'plan' }],
    });
    expect(saved.document.flow.nodes.find((n) => n.id === 'wait_1')).toMatchObject({ seconds: 3 });
    await shootDialogs(page, 'en');
  });

  it('a visitor sees the bot typing through the pause, then the plan the server fetched', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${siteOrigin}/`);
    await clickLauncher(page);
    const frame = await widgetFrame(page);
    const log = frame.getByRole('log');
    // After the greeting, the bot "types" through the 3 s pause (and the call), then answers.
    await log.getByText('How can we help you today?').waitFor({ timeout: 15_000 });
    await frame.locator('.bubble.typing').waitFor({ timeout: 5_000 });
    await screenshot(page, 'cards-visitor-waiting');
    expect(await log.getByText('Your plan: Pro').count()).toBe(0);
    await log.getByText('Your plan: Pro').waitFor({ timeout: 15_000 });
    expect(apiCalls).toHaveLength(1);
    expect(apiCalls[0]).toMatch(/^GET \/plan\?lang=en/);
    await screenshot(page, 'cards-visitor-plan');
  });

  it('shows both cards’ dialogs in Spanish', async () => {
    const page = await adminPage('es');
    await page.goto(`${charla.baseUrl}/playbooks/${playbook.id}`);
    await page.getByTestId('card-http_request_1').getByText('Falla', { exact: true }).waitFor();
    await shootDialogs(page, 'es');
  });
});
