import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TPlaybookDto } from '@charla/protocol';
import {
  adminInboxContext,
  axeSeriousViolations,
  launchBrowser,
  screenshot,
  startCharla,
  type RunningCharla,
} from './harness';
import { dropLinkOnEmptyCanvas } from './playbook-canvas';
import { adminApi, clickLauncher, waitFor, widgetFrame, type AdminApi } from './widget-fixtures';

// Issue 18's acceptance, in Chromium: an admin builds a lead-qualification flow from "Blank" in
// the editor, by hand — links dropped on empty canvas create the capture, condition, HTTP request
// and End cards already connected, the rest is set in the cards' dialogs — tries both paths in the
// preview (with what the run would create in the CRM), publishes it, and a visitor on a shop of
// another origin talks to it through the real widget: the server asks a company-lookup API on
// 127.0.0.1 (allowed by the admin), and the lead and its activity appear in the API and the CRM.

const DESKTOP = { width: 1440, height: 900 };
const NAME = 'Lead qualification (hand-built)';

let charla: RunningCharla;
let browser: Browser;
let api: AdminApi;
let lookup: Server;
let lookupUrl: string;
let site: Server;
let siteOrigin = '';
let publicId = '';
let playbookId = '';
const lookups: string[] = [];
const contexts: BrowserContext[] = [];

async function adminPage(): Promise<Page> {
  const context = await adminInboxContext(browser, charla.baseUrl, { language: 'en', viewport: DESKTOP });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('[page error]', err));
  return page;
}

/** Opens a card's dialog with its pencil button (again if a re-render swallowed the key). */
async function openCard(page: Page, cardId: string) {
  const dialog = page.getByRole('dialog');
  for (let tries = 0; tries < 3 && !(await dialog.isVisible()); tries += 1) {
    await page.getByTestId(`card-${cardId}`).getByRole('button').first().press('Enter');
    await dialog.waitFor({ timeout: 3000 }).catch(() => undefined);
  }
  await dialog.waitFor();
  return dialog;
}

async function apply(page: Page) {
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('card-apply').click();
  await dialog.waitFor({ state: 'detached' });
}

/** A link dropped from `port` of `cardId` on empty canvas, and the card type picked there. */
async function addLinked(page: Page, cardId: string, port: string, type: string, newId: string) {
  const picker = await dropLinkOnEmptyCanvas(page, cardId, port);
  await picker.getByRole('menuitem', { name: type, exact: true }).click();
  await page.getByTestId(`card-${newId}`).waitFor();
  // A card dropped where there was room can still sit close to others: lay the flow out again.
  await page.getByTestId('tidy-up').click();
  await page.waitForTimeout(400);
}

beforeAll(async () => {
  charla = await startCharla();
  browser = await launchBrowser();
  api = await adminApi(charla.baseUrl);
  lookup = createServer((req, res) => {
    lookups.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"company": {"name": "Acme Corp"}}');
  });
  await new Promise<void>((resolve) => lookup.listen(0, '127.0.0.1', resolve));
  lookupUrl = `http://127.0.0.1:${(lookup.address() as AddressInfo).port}`;
  site = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end(
      `<!doctype html><html lang="en"><title>Acme shop</title><body><h1>Acme shop</h1>
<script async src="${charla.baseUrl}/widget.js" data-playbook="${publicId}"></script></body></html>`,
    );
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  // localhost, not 127.0.0.1: the shop is another origin than Charla.
  siteOrigin = `http://localhost:${(site.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await charla?.stop();
  lookup?.close();
  site?.close();
});

describe('playbook editor acceptance (issue 18)', () => {
  it('the admin allows the lookup API on this machine in the settings', async () => {
    const page = await adminPage();
    await page.goto(`${charla.baseUrl}/settings/webhooks`);
    // The lookup API runs on this machine: the webhooks' private-targets switch covers it too.
    await page.getByLabel('Allow endpoints on private networks').click();
    await waitFor('the setting saved', async () => {
      const settings = await api.call<{ allowPrivateWebhookTargets: boolean }>(
        'GET',
        '/api/v1/admin/settings/webhooks',
      );
      return settings.allowPrivateWebhookTargets;
    });
  });

  it('builds greeting → email → condition → HTTP lookup → qualified end from Blank, by hand', async () => {
    const page = await adminPage();
    await page.goto(`${charla.baseUrl}/playbooks`);
    await page.getByRole('button', { name: 'New playbook' }).first().click();
    const create = page.getByRole('dialog', { name: 'New playbook' });
    await create.getByLabel('Name', { exact: true }).fill(NAME);
    await create.getByText('Blank', { exact: true }).click();
    await create.getByRole('button', { name: 'Create playbook' }).click();
    await page.getByTestId('card-greeting').waitFor();
    playbookId = new URL(page.url()).pathname.split('/').pop() ?? '';

    // The greeting's link dropped on empty canvas: a menu of card types opens there.
    const picker = await dropLinkOnEmptyCanvas(page, 'greeting', 'next');
    expect(await picker.getByRole('menuitem').count()).toBe(9);
    await screenshot(page, 'acceptance-drop-picker-en');
    expect(await axeSeriousViolations(page)).toEqual([]);
    await picker.getByRole('menuitem', { name: 'Ask for data', exact: true }).click();
    await page.getByTestId('card-capture_1').waitFor();
    // One edit, one undo: the card goes and the greeting leads to the end again; redo brings both.
    await page.getByTestId('undo').click();
    await page.getByTestId('card-capture_1').waitFor({ state: 'detached' });
    await page.getByTestId('redo').click();
    await page.getByTestId('card-capture_1').waitFor();
    await page.getByTestId('tidy-up').click();
    await page.waitForTimeout(400);

    // Free email addresses are not companies: a condition sends them to the neutral end.
    await addLinked(page, 'capture_1', 'next', 'Condition', 'condition_1');
    let dialog = await openCard(page, 'condition_1');
    await dialog.getByLabel('Check').selectOption('variable');
    await dialog.getByLabel('Variable', { exact: true }).selectOption('visitor_email');
    await dialog.getByLabel('Operator').selectOption('contains');
    await dialog.getByLabel('Value', { exact: true }).fill('@gmail.');
    await dialog.locator('[id="port-rule:rule_1"]').selectOption('end');
    await apply(page);

    // Otherwise: the server looks the company up.
    await addLinked(page, 'condition_1', 'otherwise', 'HTTP request', 'http_request_1');
    dialog = await openCard(page, 'http_request_1');
    await dialog.getByLabel('URL', { exact: true }).fill(`${lookupUrl}/company?email={{visitor_email}}`);
    // Left, the address is checked (allowed: the setting above) before the next field is used.
    await dialog.getByLabel('URL', { exact: true }).press('Tab');
    expect(await dialog.getByTestId('field-error-http-url').count()).toBe(0);
    await dialog.getByTestId('http-add-mapping').click();
    await dialog.locator('#http-map-0-path').fill('company.name');
    await dialog.locator('#http-map-0-variable').selectOption('company_name');
    await dialog.locator('[id="port-failed"]').selectOption('end');
    await apply(page);

    // The lookup answered: a qualified end that creates a lead and a call for the team.
    await addLinked(page, 'http_request_1', 'next', 'End', 'end_1');
    dialog = await openCard(page, 'end_1');
    await dialog.getByLabel('Outcome').selectOption('qualified');
    await dialog.getByLabel('In the CRM').selectOption('lead');
    await dialog.getByLabel('Title of the record').fill('{{company_name}}: {{visitor_email}}');
    await dialog.getByLabel('Create an activity for the team').check();
    await dialog.getByLabel('Subject').fill('Call {{company_name}}');
    await apply(page);
    await page.getByText('No errors', { exact: true }).waitFor();
    await screenshot(page, 'acceptance-flow-en-1440');

    // The preview: a company address takes the lookup (the admin says how it went) to the lead.
    const preview = page.getByTestId('widget-preview');
    const say = async (text: string) => {
      await preview.getByLabel('Your message').fill(text);
      await preview.getByLabel('Your message').press('Enter');
    };
    await preview.getByText('What’s your email address?').waitFor();
    await say('jane@acme.test');
    await preview.getByText(/Here the server would call GET http:\/\/127\.0\.0\.1:\d+\/company/).waitFor();
    await preview.getByTestId('preview-call-ok').click();
    const crm = preview.getByTestId('preview-crm');
    await crm.getByText('Lead', { exact: true }).waitFor();
    await crm.getByText('Activity', { exact: true }).waitFor();
    await preview.getByText('Thanks for chatting with us!').waitFor();
    await screenshot(page, 'acceptance-preview-lead-en');
    // A free address ends neutral, creating nothing.
    await page.getByRole('button', { name: 'Restart' }).click();
    await say('bob@gmail.com');
    await preview.getByText('End of the conversation · Neutral').waitFor();
    expect(await preview.getByTestId('preview-crm').count()).toBe(0);
    expect(lookups).toEqual([]);

    // Published: saved and activated.
    await page.getByTestId('save-playbook').click();
    await page.getByTestId('save-state').getByText('All changes saved').waitFor();
    await page.getByRole('button', { name: 'Activate' }).click();
    await page.locator('.pb-editor__name .pb-status--active').waitFor();
    const saved = await api.call<TPlaybookDto>('GET', `/api/v1/playbooks/${playbookId}`);
    publicId = saved.publicId;
    expect(saved.status).toBe('active');
    const edges = saved.document.flow.edges.map((e) => `${e.from.nodeId}.${e.from.port}→${e.to.nodeId}`);
    expect(edges.sort()).toEqual(
      [
        'greeting.next→capture_1',
        'capture_1.next→condition_1',
        'condition_1.rule:rule_1→end',
        'condition_1.otherwise→http_request_1',
        'http_request_1.next→end_1',
        'http_request_1.failed→end',
      ].sort(),
    );
  });

  it('a visitor on another origin qualifies through the widget; the lead and call are in the CRM', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${siteOrigin}/`);
    await clickLauncher(page);
    const frame = await widgetFrame(page);
    const log = frame.getByRole('log');
    await log.getByText('What’s your email address?').waitFor({ timeout: 15_000 });
    const box = frame.getByRole('textbox', { name: 'Message' });
    await box.fill('jane@acme.test');
    await box.press('Enter');
    await log.getByText('Thanks for chatting with us!').waitFor({ timeout: 15_000 });
    await screenshot(page, 'acceptance-widget-en');
    expect(lookups).toEqual(['GET /company?email=jane%40acme.test']);

    const lead = await waitFor('the lead', async () => {
      const list = await api.call<{ items: { id: string; title: string }[] }>('GET', '/api/v1/crm/leads');
      return list.items.find((l) => l.title === 'Acme Corp: jane@acme.test');
    });
    const activity = await waitFor('the activity', async () => {
      const list = await api.call<{ items: { subject: string; type: string }[] }>(
        'GET',
        '/api/v1/crm/activities',
      );
      return list.items.find((a) => a.subject === 'Call Acme Corp');
    });
    expect(activity.type).toBe('call');

    const admin = await adminPage();
    await admin.goto(`${charla.baseUrl}/crm/leads`);
    await admin.getByText('Acme Corp: jane@acme.test').waitFor();
    await screenshot(admin, 'acceptance-crm-leads-en');
    await admin.goto(`${charla.baseUrl}/crm/leads/${lead.id}`);
    await admin.getByText('Call Acme Corp').first().waitFor();
    await screenshot(admin, 'acceptance-crm-lead-en');
  });
});
