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

// Issue 18 item 4, end to end in Chromium: an admin adds a condition card in the flow editor,
// connects it (a port dragged on the canvas, the others in the card dialog) and activates; widget
// visitors identified with plan=pro and plan=free (Charla.identify attributes, issue 24) each take
// their branch. Screenshots of the condition dialog in English and Spanish, desktop and 390 px.

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const PRO = 'Welcome back, Pro customer!';
const FREE = 'Have you seen our Pro plan?';

let charla: RunningCharla;
let browser: Browser;
let api: AdminApi;
let playbook: TPlaybookDto;
let site: Server;
let siteOrigin: string;
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

/** Drags from a card's exit handle to another card's entry handle, as an admin does with the mouse. */
async function dragConnect(page: Page, fromCard: string, port: string, toCard: string): Promise<void> {
  const from = page.getByTestId(`card-${fromCard}`).locator(`.react-flow__handle[data-handleid="${port}"]`);
  const to = page.getByTestId(`card-${toCard}`).locator('.react-flow__handle[data-handleid="in"]');
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('handles not on screen');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 8 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
}

/** The condition card's dialog, screenshot and axe-checked at desktop and phone width. */
async function shootDialog(page: Page, language: 'en' | 'es'): Promise<void> {
  for (const [size, viewport] of [
    ['desktop', DESKTOP],
    ['390', PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    const dialog = page.getByRole('dialog');
    // The card may lie outside the canvas at phone width: a click the canvas swallows is retried.
    for (let tries = 0; tries < 3 && !(await dialog.isVisible()); tries += 1) {
      await page.getByTestId('card-condition_1').getByRole('button').first().press('Enter');
      await dialog.waitFor({ timeout: 3000 }).catch(() => undefined);
    }
    await dialog.getByTestId('condition-rule-0').waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, `cards-condition-dialog-${language}-${size}`);
    const violations = await axeSeriousViolations(page);
    expect(violations, `${language} ${size}: ${JSON.stringify(violations)}`).toEqual([]);
    await dialog.getByRole('button', { name: language === 'en' ? 'Cancel' : 'Cancelar' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.setViewportSize(DESKTOP);
  }
}

/** A visitor on the company's site, identified (unsigned) with `plan`, opens the chat. */
async function visitorWithPlan(plan: string): Promise<string[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${siteOrigin}/`);
  await page.waitForFunction(() => 'Charla' in window);
  // The widget holds the start until identify() has answered (packages/widget, identity.ts).
  await page.evaluate((value) => {
    const w = window as unknown as { Charla: { identify(v: Record<string, unknown>): void } };
    w.Charla.identify({ attributes: { plan: value } });
  }, plan);
  await clickLauncher(page);
  const frame = await widgetFrame(page);
  const log = frame.getByRole('log');
  await log.getByText(plan === 'pro' ? PRO : FREE).waitFor({ timeout: 15_000 });
  await screenshot(page, `cards-visitor-${plan}`);
  return (await log.innerText()).split('\n');
}

beforeAll(async () => {
  charla = await startCharla();
  browser = await launchBrowser();
  api = await adminApi(charla.baseUrl);
  // A blank playbook (greeting → end) with the two answers the condition will choose between.
  const created = await api.call<TPlaybookDto>('POST', '/api/v1/playbooks', {
    name: 'Plans',
    templateId: 'blank',
    language: 'en',
  });
  const document = structuredClone(created.document);
  document.flow.nodes = document.flow.nodes.map((n) =>
    n.id === 'end' ? { ...n, ui: { x: 0, y: 600 } } : { ...n, ui: { x: 0, y: 0 } },
  );
  document.flow.nodes.push(
    { id: 'pro_msg', type: 'message', content: richText(PRO) as never, ui: { x: -200, y: 400 } },
    { id: 'free_msg', type: 'message', content: richText(FREE) as never, ui: { x: 200, y: 400 } },
  );
  document.flow.edges.push(
    { id: 'e_pro', from: { nodeId: 'pro_msg', port: 'next' }, to: { nodeId: 'end' } },
    { id: 'e_free', from: { nodeId: 'free_msg', port: 'next' }, to: { nodeId: 'end' } },
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
});

describe('condition card (issue 18)', () => {
  it('an admin adds a condition on an identify() attribute, connects it and activates', async () => {
    const page = await adminPage('en');
    await page.goto(`${charla.baseUrl}/playbooks/${playbook.id}`);
    await page.getByTestId('card-greeting').waitFor();

    await page.getByTestId('add-card').click();
    await page.getByRole('menuitem', { name: 'Condition' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Condition card' });
    await dialog.getByLabel('Check').selectOption('visitor_attribute');
    await dialog.getByLabel('Attribute name').fill('plan');
    await dialog.getByLabel('Operator').selectOption('equals');
    await dialog.getByLabel('Value', { exact: true }).fill('PRO');
    // The rule's exit, named after the rule, leads to the pro message.
    await dialog.getByLabel('visitor.plan = PRO').selectOption('pro_msg');
    await dialog.getByTestId('card-apply').click();
    await dialog.waitFor({ state: 'detached' });

    // "Otherwise" is unconnected: the card says so, in words.
    const card = page.getByTestId('card-condition_1');
    await card.getByText('Connect the “otherwise” path to a next card.').waitFor();
    expect(await card.locator('.pb-port__label').allInnerTexts()).toEqual([
      'visitor.plan = PRO',
      'Otherwise',
    ]);
    // Drawn on the canvas and connectable there: drag "Otherwise" onto the free message.
    // Fit stops at a readable zoom (issue 18): zoom out by hand to see both ends of the drag.
    await page.getByRole('button', { name: 'Fit the whole flow' }).click();
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await page.waitForTimeout(400);
    await screenshot(page, 'cards-editor-before-drag-en');
    await dragConnect(page, 'condition_1', 'otherwise', 'free_msg');
    await card.getByText('Connect the “otherwise” path to a next card.').waitFor({ state: 'detached' });

    // The greeting now leads to the condition instead of the end.
    await page.getByTestId('card-greeting').getByRole('button').first().press('Enter');
    await page.getByRole('dialog').getByLabel('Next', { exact: true }).selectOption('condition_1');
    await page.getByTestId('card-apply').click();
    await page.getByText('No errors', { exact: true }).waitFor();
    // The live preview tries the branches with attributes typed as identify() would pass them.
    const preview = page.getByTestId('widget-preview');
    await preview.getByText(FREE).waitFor();
    await page.getByLabel('Visitor attributes to try').fill('plan=pro');
    await preview.getByText(PRO).waitFor();
    expect(await preview.getByText(FREE).count()).toBe(0);
    await screenshot(page, 'cards-editor-en');

    await page.getByTestId('save-playbook').click();
    await page.getByText('All changes saved').waitFor();
    await page.getByRole('button', { name: 'Activate' }).click();
    await page.locator('.pb-editor__name .pb-status--active').waitFor();

    const saved = await api.call<TPlaybookDto>('GET', `/api/v1/playbooks/${playbook.id}`);
    const condition = saved.document.flow.nodes.find((n) => n.id === 'condition_1');
    expect(condition).toMatchObject({
      type: 'condition',
      rules: [{ input: { kind: 'visitor_attribute', key: 'plan' }, operator: 'equals', value: 'PRO' }],
    });
    expect(saved.document.flow.edges.filter((e) => e.from.nodeId === 'condition_1')).toEqual([
      expect.objectContaining({
        from: { nodeId: 'condition_1', port: 'rule:rule_1' },
        to: { nodeId: 'pro_msg' },
      }),
      expect.objectContaining({
        from: { nodeId: 'condition_1', port: 'otherwise' },
        to: { nodeId: 'free_msg' },
      }),
    ]);
    await shootDialog(page, 'en');
  });

  it('a visitor identified with plan=pro gets the pro branch, plan=free the other', async () => {
    const pro = await visitorWithPlan('pro');
    expect(pro.join('\n')).toContain(PRO);
    expect(pro.join('\n')).not.toContain(FREE);
    const free = await visitorWithPlan('free');
    expect(free.join('\n')).toContain(FREE);
    expect(free.join('\n')).not.toContain(PRO);
  });

  it('shows the condition dialog in Spanish', async () => {
    const page = await adminPage('es');
    await page.goto(`${charla.baseUrl}/playbooks/${playbook.id}`);
    await page.getByTestId('card-condition_1').waitFor();
    await page.getByTestId('card-condition_1').getByText('Si no', { exact: true }).waitFor();
    await shootDialog(page, 'es');
  });
});
