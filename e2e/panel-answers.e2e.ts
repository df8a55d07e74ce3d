import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminInboxContext, launchBrowser, startCharla, type RunningCharla } from './harness';
import { visitorChats, type VisitorChat } from './visitor-chat';
import { adminApi, createLiveChatPlaybook, goOnline, type AdminApi } from './widget-fixtures';

// The side panel's requests answer in any order (issue 13: a loaded run showed a panel that
// went back in time). A refresh of the panel that the server answers late must never put back
// what a later request returned: here the window regains focus (a refresh starts), the user
// creates a lead at once, and the refresh's answer, held back until after the lead is shown,
// must not hide it again. And a save that fails (the connection dropped) says so without hiding
// the error another field shows meanwhile: the user would be left with a wrong email and no hint.

const DESKTOP = { width: 1440, height: 900 };
const POLL = { timeout: 20_000 };

let charla: RunningCharla;
let browser: Browser;
let api: AdminApi;
let visitor: VisitorChat;
let second: VisitorChat | undefined;
let playbookId: string;
let online: { close(): void };
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  charla = await startCharla();
  browser = await launchBrowser();
  api = await adminApi(charla.baseUrl);
  online = await goOnline(charla.baseUrl, api);
  const playbook = await createLiveChatPlaybook(api, 'en');
  playbookId = playbook.publicId;
  visitor = await visitorChats(browser, charla.baseUrl, playbookId, 'Two hammocks, please');
}, 120_000);

afterAll(async () => {
  await visitor?.close();
  await second?.close();
  online?.close();
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await charla?.stop();
});

/** The page's second GET of the panel reaches the server at once; its answer is held until `release()`. */
async function holdSecondPanelGet(page: Page) {
  let gets = 0;
  let release = () => undefined as void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held: Request | null = null;
  await page.route('**/api/v1/conversations/*/panel', async (route) => {
    if (route.request().method() !== 'GET' || ++gets !== 2) return route.continue();
    held = route.request();
    const response = await route.fetch();
    await released;
    await route.fulfill({ response });
  });
  return { release, held: () => held };
}

/** The page's first PUT of the panel is held until `fail()`, which drops it as a lost connection would. */
async function holdFirstPanelPut(page: Page) {
  let fail = () => undefined as void;
  const failed = new Promise<void>((resolve) => (fail = resolve));
  let held = false;
  await page.route('**/api/v1/conversations/*/panel', async (route) => {
    if (route.request().method() !== 'PUT' || held) return route.continue();
    held = true;
    await failed;
    await route.abort('connectionreset');
  });
  return { fail, held: () => held };
}

/** A page of the admin's inbox in English, in a browser context of its own. */
async function adminPage(): Promise<Page> {
  const context = await adminInboxContext(browser, charla.baseUrl, { language: 'en', viewport: DESKTOP });
  contexts.push(context);
  return context.newPage();
}

describe('side panel answers', () => {
  it('keeps a created lead when an older refresh of the panel answers after it', async () => {
    const page = await adminPage();
    const hold = await holdSecondPanelGet(page);
    await page.goto(`${charla.baseUrl}/conversations/${visitor.conversationId}`);
    await page.getByTestId('panel-personName').waitFor(POLL);

    // The window regains focus: the panel refreshes (its answer is held back).
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect.poll(() => hold.held() !== null, POLL).toBe(true);

    await page.getByTestId('panel-personName').fill('Rosa Hamaca');
    await page.getByTestId('panel-personName').blur();
    await page.getByTestId('create-lead').click();
    const linked = page.getByTestId('panel-linked-lead');
    await linked.waitFor(POLL);

    // From now on, any moment without the lead on screen counts (a check after a fixed wait alone
    // would pass while a slow render of the stale answer was still to come).
    await page.evaluate(() => {
      const flags = window as unknown as { leadGone?: boolean };
      flags.leadGone = false;
      new MutationObserver(() => {
        if (!document.querySelector('[data-testid="panel-linked-lead"]')) flags.leadGone = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    // The old refresh answers now, without the lead.
    const answered = hold.held()!.response();
    hold.release();
    const stale = await answered;
    expect(stale?.status()).toBe(200);
    expect(((await stale!.json()) as { linked: unknown }).linked).toBeNull();
    // Let React render whatever that answer caused: the lead never left.
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 1500))),
    );
    expect(await page.evaluate(() => (window as unknown as { leadGone?: boolean }).leadGone)).toBe(false);
    expect(await linked.isVisible()).toBe(true);
  });

  it("keeps a field's own error on screen when an earlier save of another field fails", async () => {
    // A chat of its own: the first test linked a lead to the other one.
    second = await visitorChats(browser, charla.baseUrl, playbookId, 'A hammock stand, please');
    const page = await adminPage();
    const hold = await holdFirstPanelPut(page);
    await page.goto(`${charla.baseUrl}/conversations/${second.conversationId}`);
    await page.getByTestId('panel-personName').waitFor(POLL);

    // Leaving the name saves it (held); the email typed next is wrong and says so.
    await page.getByTestId('panel-personName').fill('Rosa Hamaca Azul');
    await page.getByTestId('panel-personEmail').fill('not-an-email');
    await expect.poll(() => hold.held(), POLL).toBe(true);
    await page.getByTestId('panel-personEmail').blur();
    const emailError = page.locator('#panel-personEmail-error');
    await emailError.waitFor(POLL);

    // The name's save fails: the panel says so, and the email's error stays.
    hold.fail();
    await page.locator('.side-panel .save-state--error').waitFor(POLL);
    expect(await emailError.isVisible()).toBe(true);
    expect(await page.getByTestId('panel-personEmail').getAttribute('aria-invalid')).toBe('true');
  });
});
