import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ADMIN_EMAIL, ADMIN_PASSWORD, launchBrowser, loginContext, screenshot, startCharla } from './harness';
import type { RunningCharla } from './harness';
import { visitorChats, type VisitorChat } from './visitor-chat';
import { adminApi, createLiveChatPlaybook, goOnline, waitFor, type AdminApi } from './widget-fixtures';

// Issue 16 item 4: an Unassigned row counts down to the deadline the visitor's widget counts down
// to, and once nobody took the chat in time it shows "Missed" in Closed, where a filter keeps only
// the missed ones.

const WAIT_SECONDS = 45; // long enough for a loaded machine to open the inbox before the deadline

let charla: RunningCharla;
let browser: Browser;
let api: AdminApi;
let online: { close(): void };
let visitor: VisitorChat;
let page: Page;

beforeAll(async () => {
  charla = await startCharla();
  browser = await launchBrowser();
  api = await adminApi(charla.baseUrl);
  const playbook = await createLiveChatPlaybook(api, 'es', WAIT_SECONDS);
  online = await goOnline(charla.baseUrl, api);
  visitor = await visitorChats(browser, charla.baseUrl, playbook.publicId, '¿Alguien por ahí?');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'es-ES' });
  await context.addInitScript(() => {
    localStorage.setItem('charla.language', 'es');
    localStorage.setItem('charla.notificationPromptDismissed', '1');
  });
  await loginContext(context, charla.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await visitor?.close();
  online?.close();
  await browser?.close();
  await charla?.stop();
});

describe('waiting, seen by users (issue 16)', () => {
  it(
    'counts down in Unassigned, then marks and filters the missed chat in Closed',
    { timeout: 150_000 },
    async () => {
      await page.goto(`${charla.baseUrl}/inbox/unassigned`);
      const row = page.locator(`[data-conversation-id="${visitor.conversationId}"]`);
      const clock = row.getByTestId('conversation-clock');
      await clock.waitFor();
      expect(await clock.innerText()).toMatch(/quedan 0:[0-4]\d/);
      await screenshot(page, 'waiting-clock-unassigned-es');

      await waitFor(
        'the chat missed',
        async () => {
          const c = await api.call<{ closeReason: string | null }>(
            'GET',
            `/api/v1/conversations/${visitor.conversationId}`,
          );
          return c.closeReason === 'missed';
        },
        90_000,
      );
      await page.goto(`${charla.baseUrl}/inbox/closed`);
      const closed = page.locator(`[data-conversation-id="${visitor.conversationId}"]`);
      await closed.getByTestId('missed-badge').waitFor();
      expect(await closed.getByTestId('missed-badge').innerText()).toBe('Perdida');
      await page.getByTestId('closed-filter').selectOption('missed');
      await closed.waitFor();
      expect(await page.getByTestId('conversation-item').count()).toBe(1);
      await screenshot(page, 'waiting-clock-closed-missed-es');
    },
  );
});
