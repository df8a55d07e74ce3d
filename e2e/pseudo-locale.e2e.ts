import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCrmDealDto, TCrmPipelineDto, TPlaybookDto } from '@charla/protocol';
import { launchBrowser, loginContext, screenshot, startCharla, ADMIN_EMAIL, ADMIN_PASSWORD } from './harness';
import type { RunningCharla } from './harness';
import { intlWords, pageLeftovers, widgetLeftovers, type Leftover } from './pseudo-check';
import { visitorChats, type VisitorChat } from './visitor-chat';
import {
  adminApi,
  clickLauncher,
  createLiveChatPlaybook,
  goOnline,
  widgetFrame,
  waitFor,
  type AdminApi,
} from './widget-fixtures';

// Issue 23: every screen of the inbox, admin, CRM and widget in the pseudo-locale en-XA (built
// from English at build time). Any visible text or accessible name that is not pseudo-localized
// is a string someone hard-coded: the test lists them all and fails.

/** What the test types (data, not translations). */
const DATA = {
  admin: 'Zoë Quintana',
  company: 'Obrador Quintana',
  person: 'Íñigo Ballester',
  organization: 'Cerámicas Ballester',
  deal: 'Vajilla Ballester',
  visitorText: 'Hola, quiero 40 tazas',
  reply: 'Perfecto, Íñigo',
  webhook: 'https://hooks.example.com/charla',
  token: 'Exportación nocturna',
  userAgent: 'node', // the test's visitor WebSocket, as the side panel reads its user agent
  playbook: 'Live chat en-XA', // the name createLiveChatPlaybook gives it
};
const ALLOWED = Object.values(DATA);

let charla: RunningCharla;
let browser: Browser;
let api: AdminApi;
let visitor: VisitorChat;
let playbook: TPlaybookDto;
let dealId = '';
let online: { close(): void } | undefined;
const found: Leftover[] = [];

type Screen = { name: string; path: () => string; ready: (page: Page) => Promise<unknown> };

const anyTestId = (p: Page, id: string) => p.getByTestId(id).first().waitFor();

const SCREENS: Screen[] = [
  {
    name: 'inbox-unassigned',
    path: () => '/inbox/unassigned',
    ready: (p) => anyTestId(p, 'conversation-list'),
  },
  {
    name: 'conversation',
    path: () => `/conversations/${visitor.conversationId}`,
    ready: async (p) => {
      await anyTestId(p, 'timeline');
      await anyTestId(p, 'side-panel');
    },
  },
  {
    name: 'conversation-assigned',
    path: () => `/conversations/${visitor.conversationId}`,
    ready: async (p) => {
      await anyTestId(p, 'timeline');
      if (await p.getByTestId('assign').isVisible()) await p.getByTestId('assign').click();
      await p.getByTestId('composer-input').waitFor();
      await p.getByTestId('composer-input').fill(DATA.reply);
      await p.getByTestId('send').click();
      await p.getByText(DATA.reply).first().waitFor();
    },
  },
  {
    name: 'shortcuts',
    path: () => '/inbox/mine',
    ready: async (p) => {
      await anyTestId(p, 'conversation-list');
      await p.keyboard.press('?');
      await anyTestId(p, 'shortcuts-help');
    },
  },
  { name: 'inbox-closed', path: () => '/inbox/closed', ready: (p) => p.locator('main').waitFor() },
  { name: 'playbooks', path: () => '/playbooks', ready: (p) => p.locator('main h1').waitFor() },
  {
    name: 'editor-flow',
    path: () => `/playbooks/${playbook.id}`,
    ready: (p) => anyTestId(p, 'flow-canvas').then(() => p.locator('.react-flow__node').first().waitFor()),
  },
  {
    name: 'editor-card',
    path: () => `/playbooks/${playbook.id}`,
    ready: async (p) => {
      await p.locator('.react-flow__node').first().waitFor();
      await p.locator('.react-flow__node button').first().click();
      await p.getByRole('dialog').waitFor();
    },
  },
  {
    name: 'editor-appearance',
    path: () => `/playbooks/${playbook.id}`,
    ready: async (p) => {
      await p.getByRole('tab').nth(1).click();
      await p.locator('#ap-language').waitFor();
    },
  },
  {
    name: 'editor-install',
    path: () => `/playbooks/${playbook.id}`,
    ready: async (p) => {
      await p.getByRole('tab').nth(2).click();
      await p.locator('textarea, pre, code').first().waitFor();
    },
  },
  { name: 'crm-leads', path: () => '/crm/leads', ready: (p) => p.locator('.crm-table').waitFor() },
  { name: 'crm-deals', path: () => '/crm/deals', ready: (p) => p.locator('.crm-table').waitFor() },
  { name: 'crm-board', path: () => '/crm/deals?view=board', ready: (p) => anyTestId(p, 'board-sums') },
  { name: 'crm-persons', path: () => '/crm/persons', ready: (p) => p.locator('.crm-table').waitFor() },
  {
    name: 'crm-organizations',
    path: () => '/crm/organizations',
    ready: (p) => p.locator('.crm-table').waitFor(),
  },
  { name: 'crm-activities', path: () => '/crm/activities', ready: (p) => p.locator('.crm-table').waitFor() },
  { name: 'crm-deal', path: () => `/crm/deals/${dealId}`, ready: (p) => p.locator('main h1').waitFor() },
  { name: 'my-activities', path: () => '/activities', ready: (p) => anyTestId(p, 'window-today') },
  { name: 'reports', path: () => '/reports', ready: (p) => p.locator('main h2').first().waitFor() },
  ...[
    'profile',
    'notifications',
    'company',
    'pipelines',
    'users',
    'email',
    'webhooks',
    'api-tokens',
    'privacy',
    'labels',
  ].map((section): Screen => ({
    name: `settings-${section}`,
    path: () => `/settings/${section}`,
    ready: (p) => p.locator('main h1, main h2').first().waitFor(),
  })),
];

/** Lets lists, sockets and fonts settle: no request in flight and no spinner left. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => document.querySelectorAll('.spinner').length === 0, undefined, {
    timeout: 10_000,
  });
}

async function pseudoContext(language: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    timezoneId: 'Europe/Madrid',
  });
  await context.addInitScript((lang) => localStorage.setItem('charla.language', lang), language);
  return context;
}

beforeAll(async () => {
  charla = await startCharla();
  browser = await launchBrowser();
  api = await adminApi(charla.baseUrl);
  // The account and the company speak the pseudo-locale too: what the server words for them
  // (toasts, seeded stages, titles of records it names) must be pseudo as well.
  await api.call('PATCH', '/api/v1/me', { name: DATA.admin, language: 'en-XA' });
  await api.call('PUT', '/api/v1/settings/company', {
    name: DATA.company,
    timeZone: 'Europe/Madrid',
    defaultLanguage: 'en-XA',
  });
  const starters = await api.call<TPlaybookDto[]>('GET', '/api/v1/playbooks');
  for (const p of starters) await api.call('DELETE', `/api/v1/playbooks/${p.id}`);
  // The live chat waits long enough for the walk; someone online makes it land in Unassigned.
  playbook = await createLiveChatPlaybook(api, 'en-XA', 600);
  online = await goOnline(charla.baseUrl, api);
  const org = await api.call<{ id: string }>('POST', '/api/v1/crm/organizations', {
    name: DATA.organization,
  });
  const person = await api.call<{ id: string }>('POST', '/api/v1/crm/persons', {
    name: DATA.person,
    emails: ['inigo@ceramicas.example'],
    organizationId: org.id,
  });
  const [pipeline] = await api.call<TCrmPipelineDto[]>('GET', '/api/v1/crm/pipelines');
  const deal = await api.call<TCrmDealDto>('POST', '/api/v1/crm/deals', {
    title: DATA.deal,
    value: { amountMinor: 1_234_567, currency: 'EUR' },
    stageId: pipeline?.stages[1]?.id,
    personId: person.id,
    organizationId: org.id,
  });
  dealId = deal.id;
  await api.call('POST', '/api/v1/crm/activities', {
    type: 'call',
    subject: DATA.deal,
    dueAt: Date.now() + 3_600_000,
    assigneeId: (await api.call<{ id: string }>('GET', '/api/v1/me')).id,
  });
  await api.call('POST', '/api/v1/crm/leads', { title: DATA.organization, personId: person.id });
  await api.call('POST', '/api/v1/api-tokens', { name: DATA.token, scopes: ['read'] }).catch(() => undefined);
  visitor = await visitorChats(browser, charla.baseUrl, playbook.publicId, DATA.visitorText);
  await waitFor('the conversation in Unassigned', async () => {
    const page = await api.call<{ items: unknown[] }>('GET', '/api/v1/conversations?folder=unassigned');
    return page.items.length > 0;
  });
  await api.call('PUT', `/api/v1/conversations/${visitor.conversationId}/panel`, {
    person: { name: DATA.person, email: 'inigo@ceramicas.example', phone: null },
    organization: { name: DATA.organization, address: null },
  });
}, 180_000);

afterAll(async () => {
  await visitor?.close();
  online?.close();
  await browser?.close();
  await charla?.stop();
});

describe('pseudo-locale (issue 23)', () => {
  it('says nothing outside the pseudo-locale on the sign-in screen', async () => {
    const context = await pseudoContext('en-XA');
    const page = await context.newPage();
    await page.goto(`${charla.baseUrl}/`);
    await page.locator('form').waitFor();
    await settle(page);
    const intl = await intlWords(page, 'en');
    found.push(...(await pageLeftovers(page, 'login', ALLOWED, intl)));
    await screenshot(page, 'pseudo-login');
    await context.close();
  }, 60_000);

  it('says nothing outside the pseudo-locale on any inbox, admin or CRM screen', async () => {
    const context = await pseudoContext('en-XA');
    await loginContext(context, charla.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const page = await context.newPage();
    page.on('pageerror', (err) => console.error('[page error]', err));
    const intl = await intlWords(page, 'en');
    for (const screen of SCREENS) {
      await page.goto(`${charla.baseUrl}${screen.path()}`);
      await screen.ready(page);
      await settle(page);
      found.push(...(await pageLeftovers(page, screen.name, ALLOWED, intl)));
      await screenshot(page, `pseudo-${screen.name}`);
    }
    await context.close();
  }, 600_000);

  it('says nothing outside the pseudo-locale in the widget', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${charla.baseUrl.replace('127.0.0.1', 'localhost')}/demo?playbook=${playbook.publicId}`);
    await clickLauncher(page);
    const frame = await widgetFrame(page);
    // The bot's question and its answer buttons: the conversation has started.
    await frame.locator('.choice').first().waitFor();
    await settle(page);
    const intl = await intlWords(page, 'en');
    found.push(...(await widgetLeftovers(page, frame, 'widget', ALLOWED, intl)));
    await screenshot(page, 'pseudo-widget');
    await context.close();
  }, 120_000);

  it('found no leftover anywhere', () => {
    expect(found, JSON.stringify(found, null, 2)).toEqual([]);
  });
});
