import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { adminInboxContext, launchBrowser, screenshot, startCharla } from './harness';
import type { RunningCharla } from './harness';
import { visitorChats } from './visitor-chat';
import {
  adminApi,
  createLiveChatPlaybook,
  goOnline,
  userApi,
  waitFor,
  type AdminApi,
} from './widget-fixtures';

// Issue 16 item 4: whoever loses the race to "Assign to me" is told who took the chat. The
// inbox's realtime socket is held back so the page still shows the chat as unassigned when the
// colleague takes it, as happens when two people click within the same moment.

const COLLEAGUE = 'Ana Belén Ruiz';

let charla: RunningCharla;
let browser: Browser;
let api: AdminApi;
let publicId = '';
let online: { close(): void };

beforeAll(async () => {
  charla = await startCharla();
  browser = await launchBrowser();
  api = await adminApi(charla.baseUrl);
  const playbook = await createLiveChatPlaybook(api, 'en');
  online = await goOnline(charla.baseUrl, api);
  publicId = playbook.publicId;
}, 120_000);

afterAll(async () => {
  online?.close();
  await browser?.close();
  await charla?.stop();
});

describe('the loser of an assign race (issue 16)', () => {
  it.each(['en', 'es'] as const)('is told who took the chat (%s)', async (language) => {
    const { api: ana } = await userApi(charla.baseUrl, api, COLLEAGUE, `ana-${language}@charla.test`);
    const chat = await visitorChats(
      browser,
      charla.baseUrl,
      publicId,
      `¿Hacéis envíos a Canarias? (${language})`,
    );
    const path = `/api/v1/conversations/${chat.conversationId}`;
    await waitFor(
      'the chat waiting',
      async () => (await api.call<{ status: string }>('GET', path)).status === 'waiting',
    );

    const viewport = { width: 1280, height: 800 };
    const context = await adminInboxContext(browser, charla.baseUrl, { language, viewport });
    await context.routeWebSocket(/\/ws\/agent/, () => undefined); // no live updates reach this page
    const page = await context.newPage();
    await page.goto(`${charla.baseUrl}/inbox/unassigned/${chat.conversationId}`);
    await page.getByTestId('assign').waitFor();

    await ana.call('POST', `${path}/assign`);
    await page.getByTestId('assign').click();
    const error = page.getByTestId('action-error');
    await error.waitFor();
    expect(await error.innerText()).toContain(COLLEAGUE);
    await screenshot(page, `assign-race-${language}`);
    await chat.close();
    await context.close();
  });
});
