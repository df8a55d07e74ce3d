import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TCannedResponseDto } from '@charla/protocol';
import sharp from 'sharp';
import {
  adminInboxContext,
  axeSeriousViolations,
  launchBrowser,
  screenshot,
  startCharla,
  type RunningCharla,
} from './harness';
import { visitorChats } from './visitor-chat';
import {
  adminApi,
  createLiveChatPlaybook,
  goOnline,
  unassignedConversation,
  waitFor,
  type AdminApi,
} from './widget-fixtures';

// Files of canned responses (issue 17) in Chromium: an admin attaches a PDF and a picture to a new
// response (they upload once it is saved), opens it again, sees the chips with a thumbnail, adds a
// PDF with its progress under a slow network, sees why a text file is refused, removes it and
// downloads the PDF and opens the picture in a new tab. Screenshots (e2e/screenshots/canned-files-*.png): the editor in
// English and Spanish, desktop and 390 px.

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

let charla: RunningCharla;
let browser: Browser;
let api: AdminApi;
const contexts: BrowserContext[] = [];

/** A one-page PDF with some padding, so a throttled upload shows its progress. */
function pdf(text: string, padding = 0): Buffer {
  const head = `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj\n% ${text}\n`;
  return Buffer.concat([
    Buffer.from(head, 'latin1'),
    Buffer.alloc(padding, 0x20),
    Buffer.from('trailer<</Root 1 0 R>>\n%%EOF\n', 'latin1'),
  ]);
}

/** A shop-front picture (a gradient with a sign), for the thumbnail. */
async function storefront(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="240">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#6366f1"/><stop offset="1" stop-color="#0ea5e9"/></linearGradient></defs>
    <rect width="320" height="240" fill="url(#g)"/><rect x="60" y="80" width="200" height="80" rx="12" fill="#fff"/>
    <rect x="80" y="108" width="160" height="24" rx="6" fill="#f59e0b"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

async function inboxPage(language: 'en' | 'es', viewport: typeof DESKTOP): Promise<Page> {
  const context = await adminInboxContext(browser, charla.baseUrl, { language, viewport });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('[inbox page error]', err));
  return page;
}

/** Settings → Canned responses → edit `title`, with a refused text file among its chips. */
async function editorWithFiles(page: Page, title: string, edit: string): Promise<void> {
  await page.goto(`${charla.baseUrl}/settings/canned-responses`);
  await page.getByRole('button', { name: new RegExp(`^${edit} .${title}.$`) }).click();
  await page.getByTestId('canned-file').first().waitFor();
  await page
    .getByTestId('canned-file-input')
    .setInputFiles([{ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') }]);
  await page.locator('.canned-file--failed').waitFor();
  await expect.poll(() => page.locator('.canned-file__thumb img').evaluate(loaded)).toBe(true);
  await page.getByTestId('canned-attach').scrollIntoViewIfNeeded();
}

const loaded = (img: Element) =>
  (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0;

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

describe('files of canned responses', () => {
  it('attaches files to a new response, shows them as chips, uploads with progress and previews them', async () => {
    const page = await inboxPage('en', DESKTOP);
    await page.goto(`${charla.baseUrl}/settings/canned-responses`);
    await page.getByTestId('canned-add').click();
    await page.getByTestId('canned-title').fill('Price list');
    await page.getByTestId('canned-body').fill('Here is our price list, {{visitor.name | there}}.');
    await page.getByTestId('canned-file-input').setInputFiles([
      { name: 'price-list-2026.pdf', mimeType: 'application/pdf', buffer: pdf('prices') },
      { name: 'storefront.png', mimeType: 'image/png', buffer: await storefront() },
    ]);
    await expect.poll(() => page.getByTestId('canned-file').count()).toBe(2);
    await page.getByText('uploads when saved').first().waitFor();
    await expect.poll(() => page.locator('.canned-file__thumb img').evaluate(loaded)).toBe(true);
    await page.getByTestId('canned-attach').scrollIntoViewIfNeeded();
    await screenshot(page, 'canned-files-new-en');
    await page.getByTestId('canned-save').click();
    const row = page.getByTestId('canned-row').filter({ hasText: 'Price list' });
    await row.getByText('2 files').waitFor();
    const [saved] = (await api.call<TCannedResponseDto[]>('GET', '/api/v1/canned-responses')).filter(
      (c) => c.title === 'Price list',
    );
    expect(saved?.files.map((f) => [f.name, f.contentType])).toEqual([
      ['price-list-2026.pdf', 'application/pdf'],
      ['storefront.png', 'image/png'],
    ]);

    // Editing: a slow network shows the progress of a bigger PDF; then it is stored at once.
    await page.getByRole('button', { name: 'Edit “Price list”' }).click();
    await expect.poll(() => page.locator('.canned-file__thumb img').evaluate(loaded)).toBe(true);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 60 * 1024,
    });
    await page
      .getByTestId('canned-file-input')
      .setInputFiles([
        { name: 'terms-and-conditions.pdf', mimeType: 'application/pdf', buffer: pdf('terms', 400_000) },
      ]);
    const bar = page.getByRole('progressbar', { name: 'Uploading terms-and-conditions.pdf' });
    await expect
      .poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 15_000 })
      .toBeGreaterThan(10);
    await page.getByTestId('canned-attach').scrollIntoViewIfNeeded();
    await screenshot(page, 'canned-files-progress-en');
    expect(await page.getByTestId('canned-save').isDisabled()).toBe(true);
    await bar.waitFor({ state: 'detached', timeout: 30_000 });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });

    // A text file is refused before any byte leaves, and says why.
    await page
      .getByTestId('canned-file-input')
      .setInputFiles([{ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') }]);
    await page.locator('.canned-file--failed').getByText('This type of file cannot be sent').waitFor();
    expect(await axeSeriousViolations(page)).toEqual([]);
    await page.getByTestId('canned-attach').scrollIntoViewIfNeeded();
    await screenshot(page, 'canned-files-edit-en');
    await page.getByRole('button', { name: 'Remove notes.txt', exact: true }).click();
    await expect.poll(() => page.getByTestId('canned-file').count()).toBe(3);

    // Through signed links: the PDF's name downloads it, the picture's opens it in a new tab.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'price-list-2026.pdf', exact: true }).click();
    expect((await download).suggestedFilename()).toBe('price-list-2026.pdf');
    const opened = page.context().waitForEvent('page');
    await page.getByRole('button', { name: 'storefront.png', exact: true }).click();
    const tab = await opened;
    await expect.poll(() => tab.url()).toMatch(/\/api\/v1\/canned-files\//);
    await tab.close();
    await page.getByRole('button', { name: 'Cancel' }).click();
    const withThree = await waitFor('three files listed', async () => {
      const list = await api.call<TCannedResponseDto[]>('GET', '/api/v1/canned-responses');
      return list.find((c) => c.title === 'Price list' && c.files.length === 3);
    });
    expect(withThree.files.map((f) => f.name)).toContain('terms-and-conditions.pdf');
    await row.getByText('3 files').waitFor();
    await screenshot(page, 'canned-files-list-en');
  });

  it('shows the editor’s files in Spanish and on a phone', async () => {
    const phone = await inboxPage('en', PHONE);
    await editorWithFiles(phone, 'Price list', 'Edit');
    await screenshot(phone, 'canned-files-edit-en-phone');

    const spanish = await inboxPage('es', DESKTOP);
    await editorWithFiles(spanish, 'Price list', 'Editar');
    await spanish.getByText('Adjuntar archivos').waitFor();
    expect(await axeSeriousViolations(spanish)).toEqual([]);
    await screenshot(spanish, 'canned-files-edit-es');

    const spanishPhone = await inboxPage('es', PHONE);
    await editorWithFiles(spanishPhone, 'Price list', 'Editar');
    await screenshot(spanishPhone, 'canned-files-edit-es-phone');
  });

  it('puts a response’s files in the chat’s tray when it is inserted, and sends them with its text', async () => {
    const playbook = await createLiveChatPlaybook(api, 'en');
    const agent = await goOnline(charla.baseUrl, api);
    const chat = await visitorChats(browser, charla.baseUrl, playbook.publicId, 'Do you have a price list?');
    const conversation = await unassignedConversation(api);
    await api.call('POST', `/api/v1/conversations/${conversation.id}/assign`);
    const page = await inboxPage('en', DESKTOP);
    await page.goto(`${charla.baseUrl}/inbox/mine/${conversation.id}`);
    const input = page.getByTestId('composer-input');
    await input.click();
    await input.pressSequentially('/price');
    await page.getByTestId('canned-option').filter({ hasText: 'Price list' }).first().waitFor();
    await input.press('Enter');
    // Its files join the tray as already uploaded: nothing to wait for, Send is ready.
    await expect.poll(() => page.locator('[data-testid=tray-item][data-state=done]').count()).toBe(3);
    await screenshot(page, 'canned-files-in-composer-en');
    await page.getByTestId('send').click();
    await page.getByTestId('upload-tray').waitFor({ state: 'detached' });
    const sent = await waitFor('the reply with the response’s files', async () => {
      const page = await api.call<{ items: { attachments: { name: string }[] }[] }>(
        'GET',
        `/api/v1/conversations/${conversation.id}/messages?limit=200`,
      );
      return page.items.find((m) => m.attachments.length > 0);
    });
    expect(sent.attachments.map((a) => a.name).sort()).toEqual(
      ['price-list-2026.pdf', 'storefront.png', 'terms-and-conditions.pdf'].sort(),
    );
    agent.close();
    await chat.close();
  });
});
