import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCrmDealDto, TCrmPipelineDto, TPlaybookSummaryDto, TUserDto } from '@charla/protocol';
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
import { adminApi, clickLauncher, goOnline, waitFor, widgetFrame, type AdminApi } from './widget-fixtures';

// Issue 8, end to end in Chromium: the admin screens (playbooks, CRM, settings) of the inbox app.
// The visitor page is served by a tiny http server on "localhost" (another origin than Charla's
// 127.0.0.1 PUBLIC_URL), holding exactly the snippet the admin copied.

const DESKTOP = { width: 1440, height: 900 };
const REGULAR = { email: 'agent@charla.test', password: 'agent e2e password', name: 'Ana Agent' };
const LINK = 'https://example.com/pricing';

let charla: RunningCharla;
let browser: Browser;
let api: AdminApi;
let page: Page;
let site: Server | null = null;

async function newAdminPage(language: 'en' | 'es'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: DESKTOP });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: charla.baseUrl });
  await context.addInitScript((lang) => localStorage.setItem('charla.language', lang), language);
  await loginContext(context, charla.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
  const p = await context.newPage();
  p.on('pageerror', (err) => console.error('[page error]', err));
  return { context, page: p };
}

/** Screenshot plus axe-core: no serious or critical violation on any admin screen. */
async function check(p: Page, name: string): Promise<void> {
  await p.waitForTimeout(300);
  await screenshot(p, `admin-${name}`);
  const violations = await axeSeriousViolations(p);
  expect(violations, `${name}: ${JSON.stringify(violations)}`).toEqual([]);
}

beforeAll(async () => {
  charla = await startCharla();
  browser = await launchBrowser();
  api = await adminApi(charla.baseUrl);
  ({ page } = await newAdminPage('en'));
});

afterAll(async () => {
  site?.close();
  await browser?.close();
  await charla?.stop();
});

describe('playbooks (admin)', () => {
  let snippet = '';
  let playbookId = '';

  it('creates a playbook from the Live chat template, formats the online message, saves and activates', async () => {
    await page.goto(`${charla.baseUrl}/playbooks`);
    await page.getByRole('heading', { name: 'Playbooks' }).waitFor();
    await check(page, 'playbooks-initial-en');

    await page.getByRole('button', { name: 'New playbook' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New playbook' });
    await dialog.getByLabel('Name', { exact: true }).fill('Website – talk to sales');
    await dialog.getByRole('radio', { name: /Live chat/ }).check();
    await check(page, 'playbooks-new-en');
    await dialog.getByRole('button', { name: 'Create playbook' }).click();
    await page.waitForURL(/\/playbooks\/[^/]+$/);
    playbookId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByTestId('card-live_chat').waitFor();
    await check(page, 'playbook-editor-en');

    // The live chat card editor: make part of the online message bold and add a link.
    await page.getByRole('button', { name: /^Edit card .*connecting you/i }).press('Enter');
    const editor = page.getByRole('dialog');
    const online = editor.getByTestId('rte-online').getByRole('textbox');
    // Selects a part of the text as a user would with the mouse (the editor is WYSIWYG).
    const selectText = async (part: string) =>
      online.evaluate((el: HTMLElement, target) => {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const start = node.textContent?.indexOf(target) ?? -1;
          if (start < 0) continue;
          el.focus();
          const range = document.createRange();
          range.setStart(node, start);
          range.setEnd(node, start + target.length);
          getSelection()?.removeAllRanges();
          getSelection()?.addRange(range);
          return;
        }
        throw new Error(`"${target}" not in the editor`);
      }, part);
    await selectText('connecting you with our team');
    await editor.getByTestId('rte-online').getByRole('button', { name: /^Bold/ }).click();
    await selectText('Someone will be with you');
    await editor.getByTestId('rte-online').getByRole('button', { name: /^Link/ }).click();
    await editor.getByLabel('Link address').fill(LINK);
    await editor.getByRole('button', { name: 'Insert' }).click();
    // What the editor shows is what visitors get.
    await expect.poll(() => online.locator('strong').textContent()).toBe('connecting you with our team');
    await expect.poll(() => online.locator('a').getAttribute('href')).toBe(LINK);
    await check(page, 'playbook-livechat-card-en');
    await editor.getByTestId('card-apply').click();

    // The live preview runs the unsaved flow: the bold text shows there before saving.
    const widget = page.getByTestId('widget-preview');
    await widget.getByRole('button', { name: 'Talk to someone' }).click();
    await widget.locator('strong', { hasText: 'connecting you with our team' }).waitFor();
    await check(page, 'playbook-preview-online-en');
    // Nobody answers in time: the offline path captures the lead, and the preview lists what the
    // end card would create in the CRM (without creating it).
    await widget.getByTestId('preview-timeout').click();
    const answer = async (text: string) => {
      await widget.getByLabel('Your message').fill(text);
      await widget.getByLabel('Your message').press('Enter');
    };
    await widget.getByText('What’s your name?').waitFor();
    await answer('Ana Preview');
    await widget.getByText(/email/i).first().waitFor();
    await answer('ana@example.com');
    const crm = widget.getByTestId('preview-crm');
    await crm.waitFor();
    expect(await crm.locator('li').allInnerTexts()).toEqual([
      expect.stringMatching(/^Person\s+Ana Preview$/),
      expect.stringMatching(/^Lead\s+Ana Preview \(live chat, offline\)$/),
      expect.stringMatching(/^Activity\s+Reply to Ana Preview · due in 4 hours$/),
      expect.stringMatching(/^Note\s+the conversation’s transcript$/),
    ]);
    await screenshot(page, 'playbook-preview-crm-en');

    await page.getByTestId('save-playbook').click();
    await page.getByText('All changes saved').waitFor();
    await page.getByRole('button', { name: 'Activate' }).click();
    await page.locator('.pb-editor__name .pb-status--active').waitFor();

    await page.getByRole('tab', { name: 'Appearance' }).click();
    await page.getByLabel('Text on main colour', { exact: true }).last().fill('#A5B4FC');
    await page.getByText(/below WCAG AA/).waitFor();
    await screenshot(page, 'admin-playbook-appearance-contrast-en');
    await page.getByLabel('Text on main colour', { exact: true }).last().fill('#FFFFFF');
    await check(page, 'playbook-appearance-en');
    await page.getByRole('tab', { name: 'Installation' }).click();
    await check(page, 'playbook-install-en');
  });

  it('copies the embed snippet from the list', async () => {
    await page.goto(`${charla.baseUrl}/playbooks`);
    const row = page.getByTestId('playbook-row').filter({ hasText: 'Website – talk to sales' });
    await row.getByText('Active').waitFor();
    await row.getByText('Offline mode only').waitFor();
    await row.getByRole('button', { name: 'Embed' }).click();
    await page.getByRole('button', { name: 'Copy snippet' }).click();
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    snippet = await page.evaluate(() => navigator.clipboard.readText());
    expect(snippet).toContain('data-playbook=');
    expect(snippet).toBe(await page.getByTestId('embed-snippet').textContent());
    await check(page, 'playbooks-embed-en');
  });

  it('shows a visitor on another site the bold text and a working link', async () => {
    site = createServer((req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      if (req.url === '/pricing') res.end('<!doctype html><title>Pricing</title><h1>Pricing page</h1>');
      else
        res.end(
          `<!doctype html><html lang="en"><title>Acme</title><body><h1>Acme</h1>${snippet}</body></html>`,
        );
    });
    await new Promise<void>((resolve) => site?.listen(0, '127.0.0.1', resolve));
    const sitePort = (site.address() as AddressInfo).port;
    const siteUrl = `http://localhost:${sitePort}/`;

    const agent = await goOnline(charla.baseUrl, api);
    try {
      const visitorContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      // The sandbox has no internet: the link's target is answered locally.
      await visitorContext.route(`${LINK}**`, (route) =>
        route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Pricing</title>' }),
      );
      const visitor = await visitorContext.newPage();
      await visitor.goto(siteUrl);
      await clickLauncher(visitor);
      const frame = await widgetFrame(visitor);
      await frame.getByRole('button', { name: 'Talk to someone' }).click();
      const bold = frame.locator('strong', { hasText: 'connecting you with our team' });
      await bold.waitFor({ timeout: 15_000 });
      const link = frame.locator(`a[href="${LINK}"]`);
      await link.waitFor();
      expect(await link.textContent()).toBe('Someone will be with you');
      await screenshot(visitor, 'admin-visitor-sees-formatting');
      // A working link: clicking opens the page in a new tab.
      const [popup] = await Promise.all([visitor.context().waitForEvent('page'), link.click()]);
      await popup.waitForLoadState('domcontentloaded');
      expect(popup.url()).toBe(LINK);
      await visitor.context().close();
    } finally {
      agent.close();
    }
    // The server recorded the install (R8): the list shows where, and the badge is gone.
    await waitFor('the install to be recorded', async () => {
      const list = await api.call<TPlaybookSummaryDto[]>('GET', '/api/v1/playbooks');
      const pb = list.find((p) => p.id === playbookId);
      return pb && pb.installs.length > 0 ? pb : null;
    });
    await page.goto(`${charla.baseUrl}/playbooks`);
    const row = page.getByTestId('playbook-row').filter({ hasText: 'Website – talk to sales' });
    await row.getByText(`localhost:${sitePort}`).waitFor();
    expect(await row.getByText('Offline mode only').count()).toBe(0);
    await check(page, 'playbooks-list-en');
  });

  it('gives a regular user no edit controls, and the API refuses the same edit with 403', async () => {
    await api.call<TUserDto>('POST', '/api/v1/admin/users', { ...REGULAR, role: 'regular' });
    const context = await browser.newContext({ viewport: DESKTOP });
    await loginContext(context, charla.baseUrl, REGULAR.email, REGULAR.password);
    const regular = await context.newPage();
    await regular.goto(`${charla.baseUrl}/playbooks/${playbookId}`);
    await regular.waitForURL(/\/inbox\//);
    expect(await regular.getByTestId('nav-playbooks').count()).toBe(0);
    expect(await regular.getByRole('button', { name: /Save|Activate|Edit card/ }).count()).toBe(0);
    await regular.goto(`${charla.baseUrl}/settings/users`);
    await regular.waitForURL(/\/settings\/notifications|\/inbox\//);
    expect(await regular.getByRole('link', { name: 'Users' }).count()).toBe(0);
    // A section's own address opens its first screen, as the navigation does.
    await regular.goto(`${charla.baseUrl}/settings`);
    await regular.waitForURL(/\/settings\/notifications$/);

    const pb = await api.call<{ document: unknown; revision: number }>(
      'GET',
      `/api/v1/playbooks/${playbookId}`,
    );
    const res = await context.request.put(`${charla.baseUrl}/api/v1/playbooks/${playbookId}`, {
      headers: { origin: charla.baseUrl },
      data: { document: pb.document, expectedRevision: pb.revision },
    });
    expect(res.status()).toBe(403);
    await context.close();
  });
});

describe('CRM', () => {
  it('lists leads, converts one into a deal, and persists a deal dragged to another stage', async () => {
    const person = await api.call<{ id: string }>('POST', '/api/v1/crm/persons', {
      name: 'Lucía Fernández',
      emails: ['lucia@acme.test'],
    });
    const org = await api.call<{ id: string }>('POST', '/api/v1/crm/organizations', {
      name: 'Acme Iberia',
      address: 'Calle Mayor 1, Madrid',
    });
    await api.call('POST', '/api/v1/crm/leads', {
      title: 'Acme – website chat',
      personId: person.id,
      organizationId: org.id,
      value: { amountMinor: 480000, currency: 'EUR' },
    });
    await api.call('POST', '/api/v1/crm/deals', {
      title: 'Globex – annual plan',
      value: { amountMinor: 1200000, currency: 'EUR' },
      personId: person.id,
    });
    await api.call('POST', '/api/v1/crm/activities', {
      type: 'call',
      subject: 'Call Lucía back',
      personId: person.id,
      dueAt: Date.now() + 86_400_000,
    });

    await page.goto(`${charla.baseUrl}/crm/leads`);
    await page.getByTestId('crm-row').first().waitFor();
    await check(page, 'crm-leads-en');
    await page.getByRole('searchbox').fill('acme');
    await page.waitForURL(/q=acme/);
    await page.getByRole('link', { name: 'Acme – website chat' }).click();
    await page.getByRole('heading', { name: 'Acme – website chat' }).waitFor();
    await check(page, 'crm-lead-detail-en');
    await page.getByRole('button', { name: 'Convert to deal' }).click();
    // The dialog comes pre-filled from the lead (issue 15, item 5): confirm it as it is.
    await page.getByRole('dialog').getByTestId('convert-submit').click();
    await page.waitForURL(/\/crm\/deals\//);
    await page.getByRole('heading', { name: 'Acme – website chat' }).waitFor();
    await check(page, 'crm-deal-detail-en');

    await page.goto(`${charla.baseUrl}/crm/deals?view=board`);
    const board = page.getByTestId('deals-board');
    await board.waitFor();
    const pipelines = await api.call<TCrmPipelineDto[]>('GET', '/api/v1/crm/pipelines');
    const stages = (pipelines.find((p) => p.isDefault) ?? pipelines[0])?.stages ?? [];
    const [first, second] = [stages[0], stages[1]];
    if (!first || !second) throw new Error('the default pipeline needs two stages');
    const card = page
      .getByTestId(`stage-${first.name}`)
      .getByTestId('deal-card')
      .filter({ hasText: 'Globex – annual plan' });
    await card.dragTo(page.getByTestId(`stage-${second.name}`));
    await page
      .getByTestId(`stage-${second.name}`)
      .getByRole('link', { name: 'Globex – annual plan' })
      .waitFor();
    await check(page, 'crm-deals-board-en');
    await waitFor('the stage change to be saved', async () => {
      const deals = await api.call<{ items: TCrmDealDto[] }>('GET', '/api/v1/crm/deals?q=globex');
      return deals.items[0]?.stage.id === second.id ? true : null;
    });
    await page.reload();
    await page
      .getByTestId(`stage-${second.name}`)
      .getByRole('link', { name: 'Globex – annual plan' })
      .waitFor();
    expect(
      await page
        .getByTestId(`stage-${first.name}`)
        .getByRole('link', { name: 'Globex – annual plan' })
        .count(),
    ).toBe(0);

    for (const section of ['deals', 'persons', 'organizations', 'activities'] as const) {
      await page.goto(`${charla.baseUrl}/crm/${section}`);
      await page.getByTestId('crm-row').first().waitFor();
      await check(page, `crm-${section}-en`);
    }
  });
});

describe('settings', () => {
  it('shows users, company, notifications and webhooks to an admin', async () => {
    await page.goto(`${charla.baseUrl}/settings/users`);
    await page.getByTestId('user-row').filter({ hasText: REGULAR.email }).waitFor();
    await check(page, 'settings-users-en');
    await page.getByRole('button', { name: 'Add user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add user' });
    await dialog.getByLabel('Name').fill('Bea Builder');
    await dialog.getByLabel('Email').fill('bea@charla.test');
    await dialog.getByLabel('First password').fill('a long first password');
    await check(page, 'settings-add-user-en');
    await dialog.getByRole('button', { name: 'Add user' }).click();
    await page.getByTestId('user-row').filter({ hasText: 'bea@charla.test' }).waitFor();
    await page.getByLabel('Role of Bea Builder').selectOption('admin');
    await page.getByText('Bea Builder was updated.').waitFor();

    await page.goto(`${charla.baseUrl}/settings/company`);
    await page.getByLabel('Company name').fill('Acme Iberia');
    await page.getByLabel('Time zone').selectOption('Europe/Madrid');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved', { exact: true }).waitFor();
    expect(await api.call('GET', '/api/v1/settings/company')).toMatchObject({
      name: 'Acme Iberia',
      timeZone: 'Europe/Madrid',
    });
    await check(page, 'settings-company-en');

    await page.goto(`${charla.baseUrl}/settings/notifications`);
    await page.waitForTimeout(500);
    await check(page, 'settings-notifications-en');

    await page.goto(`${charla.baseUrl}/settings/webhooks`);
    await page.getByRole('button', { name: 'Add endpoint' }).first().click();
    await page.getByLabel('Endpoint URL').fill('https://93.184.215.14/charla');
    await page.getByRole('dialog').getByRole('button', { name: 'Add endpoint' }).click();
    await page.getByRole('dialog', { name: 'Signing secret' }).waitFor();
    await check(page, 'settings-webhook-secret-en');
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await page.getByRole('button', { name: 'Send test' }).click();
    await page.getByRole('cell', { name: 'ping' }).waitFor();
    await check(page, 'settings-webhooks-en');
  });
});

describe('Spanish', () => {
  it('shows every admin screen in Spanish', async () => {
    const { context, page: es } = await newAdminPage('es');
    const list = await api.call<TPlaybookSummaryDto[]>('GET', '/api/v1/playbooks');
    const pb = list.find((p) => p.name === 'Website – talk to sales') ?? list[0];
    const screens: [string, string, string][] = [
      ['playbooks-es', '/playbooks', 'Nuevo playbook'],
      ['playbook-editor-es', `/playbooks/${pb?.id ?? ''}`, 'Añadir tarjeta'],
      ['crm-leads-es', '/crm/leads', 'Nuevo lead'],
      ['crm-deals-board-es', '/crm/deals?view=board', 'Nueva oportunidad'],
      ['crm-persons-es', '/crm/persons', 'Nueva persona'],
      ['crm-organizations-es', '/crm/organizations', 'Nueva organización'],
      ['crm-activities-es', '/crm/activities', 'Actividades'],
      ['settings-users-es', '/settings/users', 'Añadir usuario'],
      ['settings-company-es', '/settings/company', 'Guardar cambios'],
      ['settings-notifications-es', '/settings/notifications', 'Notificaciones'],
      ['settings-webhooks-es', '/settings/webhooks', 'Añadir destino'],
    ];
    for (const [name, path, text] of screens) {
      await es.goto(`${charla.baseUrl}${path}`);
      await es.getByText(text).first().waitFor();
      await check(es, name);
    }
    await es.goto(`${charla.baseUrl}/playbooks/${pb?.id ?? ''}`);
    await es.getByRole('button', { name: /^Editar tarjeta .*connecting/i }).press('Enter');
    await es.getByRole('dialog').waitFor();
    await check(es, 'playbook-livechat-card-es');
    await context.close();
  });
});
