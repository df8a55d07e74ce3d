import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import type { TMessageDto } from '@charla/protocol';
import {
  adminInboxContext,
  axeSeriousViolations,
  launchBrowser,
  screenshot,
  startCharla,
  type RunningCharla,
} from './harness';
import {
  adminApi,
  clickLauncher,
  createLiveChatPlaybook,
  unassignedConversation,
  widgetFrame,
  type AdminApi,
} from './widget-fixtures';

// Issue 18: the inbox's reply composer is the playbook card editor's WYSIWYG editor. An agent
// formats a reply with the keyboard alone (Ctrl+B, a list that Enter continues, Ctrl+K for a link),
// sends it with Enter, and a real visitor's widget shows the formatting.

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
/** A busy machine: conditions get time to become true (no timing is asserted). */
const POLL = { timeout: 10_000 };
const URL = 'https://example.com/pricing';

let charla: RunningCharla;
let browser: Browser;
let api: AdminApi;
const contexts: BrowserContext[] = [];
/** The first test's conversation (the second switches to it and back). */
let firstConversation = '';

beforeAll(async () => {
  charla = await startCharla();
  browser = await launchBrowser();
  api = await adminApi(charla.baseUrl);
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await charla?.stop();
});

async function inboxPage(language: 'en' | 'es', viewport: typeof DESKTOP): Promise<Page> {
  const context = await adminInboxContext(browser, charla.baseUrl, { language, viewport });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('[inbox page error]', err));
  return page;
}

/**
 * A visitor in the widget on the demo page who asked for a person while the admin's inbox is open
 * on `agent` (online); the admin takes the chat.
 */
async function visitorInLiveChat(agent: Page): Promise<{ frame: Frame; conversationId: string }> {
  const playbook = await createLiveChatPlaybook(api, 'en');
  await api.call('PUT', '/api/v1/me/online', { online: true });
  await agent.goto(`${charla.baseUrl}/inbox/unassigned`);
  const context = await browser.newContext({ viewport: DESKTOP });
  contexts.push(context);
  const visitor = await context.newPage();
  await visitor.goto(
    `${charla.baseUrl.replace('127.0.0.1', 'localhost')}/demo?playbook=${playbook.publicId}`,
  );
  await clickLauncher(visitor);
  const frame = await widgetFrame(visitor);
  await frame.getByRole('button', { name: 'Talk to someone' }).click();
  await frame.getByText('Waiting for someone from our team').waitFor();
  const conversation = await unassignedConversation(api);
  await api.call('POST', `/api/v1/conversations/${conversation.id}/assign`);
  await frame.getByRole('log').getByText('Admin joined the conversation').waitFor();
  return { frame, conversationId: conversation.id };
}

/** The editor's text as the agent reads it, and the caret's offset in it (end of the selection). */
async function editorText(page: Page): Promise<{ text: string; caretAtEnd: boolean }> {
  return page.getByTestId('composer-input').evaluate((el) => {
    const selection = getSelection();
    const range = document.createRange();
    range.selectNodeContents(el);
    if (selection && selection.rangeCount > 0) {
      const caret = selection.getRangeAt(0);
      range.setEnd(caret.endContainer, caret.endOffset);
    }
    const before = range.toString().length;
    return { text: (el as HTMLElement).innerText, caretAtEnd: before === (el.textContent ?? '').length };
  });
}

describe('the reply composer is the WYSIWYG editor (issue 18)', () => {
  it('formats with Ctrl+B, a list Enter continues and Ctrl+K, sends with Enter; the visitor sees it formatted', async () => {
    const page = await inboxPage('en', DESKTOP);
    const { frame, conversationId } = await visitorInLiveChat(page);
    firstConversation = conversationId;
    await page.goto(`${charla.baseUrl}/inbox/mine/${conversationId}`);
    const input = page.getByTestId('composer-input');
    await input.click();
    expect(await input.getAttribute('contenteditable')).toBe('true');
    // The hint under the editor (hidden in a column this narrow, read by screen readers through
    // aria-describedby) tells what Enter does.
    const hint = page.getByTestId('composer-hint');
    expect(await hint.textContent()).toBe('Enter to send · Shift+Enter for a new line');
    expect(await input.getAttribute('aria-describedby')).toBe(await hint.getAttribute('id'));

    // Bold by Ctrl+B, then a new line (Shift+Enter) that "- " turns into a list.
    await page.keyboard.type('Our ');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('plans');
    await page.keyboard.press('Control+b');
    await page.keyboard.type(':');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('- Basic');
    // In the list Enter adds an item, and the hint says so (and how to send from there).
    await expect.poll(() => hint.textContent()).toMatch(/^In a list: Enter adds an item/);
    await page.keyboard.press('Enter');
    await page.keyboard.type('Pro');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    expect(await input.locator('ul > li').allInnerTexts()).toEqual(['Basic', 'Pro']);
    expect(await page.getByTestId('message-user').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Bold (Ctrl+B)' }).getAttribute('aria-pressed')).toBe(
      'false',
    );

    // Out of the list: a link with nothing selected is the address itself.
    await page.keyboard.type('Details: ');
    await page.keyboard.press('Control+k');
    const address = page.getByRole('textbox', { name: 'Link address' });
    await address.waitFor();
    await address.fill(URL);
    await screenshot(page, 'composer-editor-link-en-desktop');
    await address.press('Enter');
    await input.locator(`a[href="${URL}"]`, { hasText: URL }).waitFor();
    const typed = await editorText(page);
    // Its lines as the agent reads them (innerText: paragraphs and items on lines of their own).
    expect(typed.text.split(/\n+/)).toEqual(['Our plans:', 'Basic', 'Pro', `Details: ${URL}`]);
    expect(typed.caretAtEnd).toBe(true);
    expect(await input.locator('strong').innerText()).toBe('plans');
    await screenshot(page, 'composer-editor-en-desktop');
    expect(await axeSeriousViolations(page, '[data-testid=composer]')).toEqual([]);

    await page.keyboard.press('Enter');
    await page.getByTestId('message-user').waitFor();
    expect((await editorText(page)).text.trim()).toBe('');

    // Stored as the rich-text AST: bold, a two-item list, a link.
    const { items } = await api.call<{ items: TMessageDto[] }>(
      'GET',
      `/api/v1/conversations/${conversationId}/messages?limit=50`,
    );
    const sent = items.find((m) => m.author.kind === 'user' && !m.event);
    expect(sent?.body).toEqual({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Our ' },
            { type: 'text', text: 'plans', marks: [{ type: 'bold' }] },
            { type: 'text', text: ':' },
          ],
        },
        {
          type: 'bullet_list',
          items: [
            { type: 'paragraph', content: [{ type: 'text', text: 'Basic' }] },
            { type: 'paragraph', content: [{ type: 'text', text: 'Pro' }] },
          ],
        },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Details: ' },
            { type: 'text', text: URL, marks: [{ type: 'link', href: URL }] },
          ],
        },
      ],
    });

    // The visitor's widget shows it formatted.
    const log = frame.getByRole('log');
    await log.locator('strong', { hasText: 'plans' }).waitFor();
    expect(await log.locator('ul li').allInnerTexts()).toEqual(['Basic', 'Pro']);
    expect(await log.locator(`a[href="${URL}"]`).innerText()).toBe(URL);
  });

  it('looks right in English and Spanish on a desktop and a phone', async () => {
    const agent = await inboxPage('en', DESKTOP);
    const { conversationId } = await visitorInLiveChat(agent);

    // A draft stays with its conversation, formatting included, while the agent looks at another.
    await agent.goto(`${charla.baseUrl}/inbox/mine/${conversationId}`);
    const input = agent.getByTestId('composer-input');
    await input.click();
    await agent.keyboard.type('Draft ');
    await agent.keyboard.press('Control+b');
    await agent.keyboard.type('kept');
    await agent.locator(`[data-conversation-id="${firstConversation}"]`).click();
    await expect.poll(() => input.getAttribute('id')).toBe(`composer-${firstConversation}`);
    expect((await input.innerText()).trim()).toBe('');
    await agent.keyboard.press('r');
    // Typing starts once the caret is in the editor, as a person sees it.
    await expect.poll(() => input.evaluate((el) => el.contains(document.activeElement)), POLL).toBe(true);
    await agent.keyboard.type('Other');
    await agent.locator(`[data-conversation-id="${conversationId}"]`).click();
    await expect.poll(() => input.getAttribute('id')).toBe(`composer-${conversationId}`);
    expect(await input.innerText()).toBe('Draft kept');
    expect(await input.locator('strong').innerText()).toBe('kept');
    await agent.locator(`[data-conversation-id="${firstConversation}"]`).click();
    await expect.poll(() => input.innerText()).toBe('Other');
    for (const language of ['en', 'es'] as const) {
      for (const [name, viewport] of [
        ['desktop', DESKTOP],
        ['phone', PHONE],
      ] as const) {
        const page = await inboxPage(language, viewport);
        await page.goto(`${charla.baseUrl}/inbox/mine/${conversationId}`);
        const input = page.getByTestId('composer-input');
        await input.click();
        const atBottom = await page
          .locator('.timeline')
          .evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight <= 1);
        await page.keyboard.press('Control+b');
        await page.keyboard.type(language === 'es' ? 'Hola' : 'Hello');
        await page.keyboard.press('Control+b');
        await page.keyboard.press('Shift+Enter');
        await page.keyboard.type(language === 'es' ? '- Primero' : '- First');
        await page.keyboard.press('Enter');
        await page.keyboard.type(language === 'es' ? 'Segundo' : 'Second');
        // The composer grew by three lines: a timeline that was at its latest message still shows it.
        if (atBottom) {
          const latest = page.getByTestId('timeline').locator('li.tl-row').last();
          await expect
            .poll(async () => {
              const row = await latest.boundingBox();
              const scroller = await page.locator('.timeline').boundingBox();
              return row && scroller ? Math.round(scroller.y + scroller.height - (row.y + row.height)) : -1;
            }, POLL)
            .toBeGreaterThanOrEqual(0);
        }
        await screenshot(page, `composer-editor-${language}-${name}`);
        if (name === 'desktop')
          expect(await axeSeriousViolations(page, '[data-testid=composer]')).toEqual([]);
        await page.context().close();
      }
    }
  });
});
