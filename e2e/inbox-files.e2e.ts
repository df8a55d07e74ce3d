import { mkdirSync } from 'node:fs';
import { copyFile, readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import type { TAttachmentDto, TAttachmentLinkDto, TMessageDto } from '@charla/protocol';
import {
  adminInboxContext,
  axeSeriousViolations,
  launchBrowser,
  screenshot,
  startCharla,
  type RunningCharla,
} from './harness';
import { visitorChats, type VisitorChat } from './visitor-chat';
import { adminApi, createLiveChatPlaybook, goOnline, waitFor, type AdminApi } from './widget-fixtures';
import {
  breakNextUpload,
  dragLeave,
  dropFile,
  pasteFile,
  pasteText,
  pdfBytes,
  pngBytes,
} from './file-fixtures';

// Issue 17, the inbox side, in Chromium against the built server: the assignee attaches an image
// and a PDF (file picker) and a pasted screenshot, sees them upload in the tray, sends them; the
// visitor receives the message with its files; the inbox shows thumbnails that open a viewer and a
// PDF chip that downloads. Cancel, retry, refused types and a send across a server crash (R28).

const DESKTOP = { width: 1440, height: 900 };
const INPUT = '[data-testid=composer-input]';
const PDF_NAME = 'Factura_marzo_2024_definitiva_con_todos_los_cargos_revisados.pdf';

let charla: RunningCharla;
let browser: Browser;
let api: AdminApi;
let visitor: VisitorChat;
let agent: { close(): void };
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  // A 3 MB limit per file, so a file over it is cheap to send.
  charla = await startCharla({ FILES_MAX_BYTES: String(3_000_000) });
  browser = await launchBrowser();
  api = await adminApi(charla.baseUrl);
  const playbook = await createLiveChatPlaybook(api, 'en');
  agent = await goOnline(charla.baseUrl, api);
  visitor = await visitorChats(browser, charla.baseUrl, playbook.publicId, 'Hello, my invoice is wrong');
  const path = `/api/v1/conversations/${visitor.conversationId}`;
  await waitFor('the chat waiting', async () => {
    const c = await api.call<{ status: string }>('GET', path);
    return c.status === 'waiting';
  });
  await api.call('POST', `${path}/assign`, {});
}, 120_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await visitor?.close();
  agent?.close();
  await browser?.close();
  await charla?.stop();
});

/** The assignee's inbox on the chat; `prepare` runs on the page before it loads (routes, listeners). */
async function inbox(
  language: 'en' | 'es' = 'en',
  viewport = DESKTOP,
  prepare?: (page: Page) => Promise<void>,
): Promise<Page> {
  const context = await adminInboxContext(browser, charla.baseUrl, { language, viewport });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('[inbox page error]', err));
  await prepare?.(page);
  await page.goto(`${charla.baseUrl}/inbox/mine/${visitor.conversationId}`);
  await page.getByTestId('composer-input').waitFor();
  return page;
}

const isUploadRequest = (request: Request) => /\/conversations\/[^/]+\/uploads\?/.test(request.url());
const trayItems = (page: Page, state?: 'uploading' | 'done' | 'failed') =>
  page.locator(state ? `[data-testid=tray-item][data-state=${state}]` : '[data-testid=tray-item]');

/** The visitor uploads a file to their own conversation (the widget's REST route). */
async function visitorUpload(bytes: Buffer, name: string): Promise<TAttachmentDto> {
  const query = `name=${encodeURIComponent(name)}&size=${bytes.length}`;
  const res = await fetch(
    `${charla.baseUrl}/api/v1/widget/conversations/${visitor.conversationId}/uploads?${query}`,
    {
      method: 'POST',
      headers: {
        authorization: `Visitor ${visitor.token}`,
        'content-type': 'application/octet-stream',
        origin: charla.baseUrl,
      },
      body: new Uint8Array(bytes),
    },
  );
  if (res.status !== 201) throw new Error(`visitor upload: ${res.status} ${await res.text()}`);
  return (await res.json()) as TAttachmentDto;
}

/** The bytes of a sent file as the visitor fetches them (their own signed link). */
async function visitorDownload(attachmentId: string): Promise<Buffer> {
  const headers = { authorization: `Visitor ${visitor.token}`, origin: charla.baseUrl };
  const link = (await (
    await fetch(
      `${charla.baseUrl}/api/v1/widget/conversations/${visitor.conversationId}/attachments/${attachmentId}/link`,
      { headers },
    )
  ).json()) as TAttachmentLinkDto;
  return Buffer.from(await (await fetch(`${charla.baseUrl}${link.url}`)).arrayBuffer());
}

async function storedMessages(): Promise<TMessageDto[]> {
  const page = await api.call<{ items: TMessageDto[] }>(
    'GET',
    `/api/v1/conversations/${visitor.conversationId}/messages?limit=500`,
  );
  return page.items;
}

/** A screenshot under e2e/screenshots, copied to CHARLA_SHOTS_DIR when set (for review elsewhere). */
async function shot(page: Page, name: string): Promise<void> {
  const path = await screenshot(page, name);
  const dir = process.env.CHARLA_SHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await copyFile(path, `${dir}/${name}.png`);
}

/** The id of the element that has the focus, and whether it is inside the open viewer. */
const focused = (page: Page) =>
  page.evaluate(() => ({
    testId: document.activeElement?.getAttribute('data-testid') ?? null,
    inDialog: document.activeElement?.closest('dialog[open]') !== null,
  }));

describe('files in live chat, inbox side (issue 17)', () => {
  it('shows a visitor’s picture without an empty bubble, and “📷 name” in the list', async () => {
    const page = await inbox();
    const photo = await visitorUpload(
      await pngBytes(page, { text: 'Broken part', color: '#b45309', width: 900, height: 1200 }),
      'broken-part.png',
    );
    visitor.send('', [photo.id]);
    const row = page.getByTestId('message-visitor').filter({ has: page.getByTestId('message-attachments') });
    await row.getByTestId('attachment-image').locator('img').waitFor();
    expect(await row.locator('.msg__bubble').count()).toBe(0);
    // The reserved box has the picture's proportions (3:4), so the thread never jumps as it loads.
    const box = await row.getByTestId('attachment-image').boundingBox();
    expect(box && Math.round((box.width / box.height) * 100)).toBe(75);
    await waitFor('the picture decoded', async () =>
      row.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 900),
    );
    await expect
      .poll(() => page.locator('.conv-item__preview').first().innerText())
      .toBe('📷 broken-part.png');
  });

  it('uploads a picked image and PDF and a pasted screenshot, sends them, and the visitor receives them', async () => {
    const page = await inbox();
    const uploads: string[] = [];
    page.on('request', (request) => {
      if (isUploadRequest(request)) uploads.push(request.url());
    });
    const png = await pngBytes(page, {
      text: 'Invoice 2024-118',
      color: '#4f46e5',
      width: 1200,
      height: 800,
    });
    const pasted = await pngBytes(page, {
      text: 'Checkout error',
      color: '#be123c',
      width: 800,
      height: 500,
    });
    const pdf = pdfBytes('Invoice 42', 200_000);

    await page.getByTestId('attach-button').focus();
    expect(await focused(page)).toMatchObject({ testId: 'attach-button' });
    await page.getByTestId('attach-input').setInputFiles([
      { name: 'invoice-screenshot.png', mimeType: 'image/png', buffer: png },
      { name: PDF_NAME, mimeType: 'application/pdf', buffer: pdf },
    ]);
    await pasteFile(page, INPUT, pasted, 'image.png', 'image/png');
    // A text paste stays a text paste: the editor inserts the text, the tray gets nothing.
    await pasteText(page, INPUT, 'not a file');
    await expect
      .poll(() => page.getByTestId('composer-input').innerText(), { timeout: 10_000 })
      .toBe('not a file');
    await waitFor('three uploads done', async () => (await trayItems(page, 'done').count()) === 3);
    expect(await trayItems(page).count()).toBe(3);
    expect(uploads).toHaveLength(3);
    expect(await page.getByTestId('upload-tray').innerText()).toContain('Ready');
    expect(await page.locator('.tray-item__thumb img').count()).toBe(2);

    await page.getByTestId('composer-input').fill('Here are the invoice and the screenshot');
    await page.getByTestId('send').click();
    await page.getByTestId('upload-tray').waitFor({ state: 'detached' });

    const received = await waitFor('the visitor’s copy', async () =>
      visitor.messages().find((m) => m.author.kind === 'user' && m.attachments.length === 3),
    );
    expect(received.attachments.map((a) => [a.name, a.kind, a.contentType])).toEqual([
      ['invoice-screenshot.png', 'image', 'image/png'],
      [PDF_NAME, 'file', 'application/pdf'],
      ['image.png', 'image', 'image/png'],
    ]);
    expect(received.attachments[0]).toMatchObject({ width: 1200, height: 800 });
    const pdfId = received.attachments[1]?.id ?? '';
    expect((await visitorDownload(pdfId)).equals(pdf)).toBe(true);

    // The inbox: two thumbnails and a PDF chip above the caption.
    const mine = page.getByTestId('message-user').filter({ has: page.getByTestId('message-attachments') });
    // Thumbnails load lazily, once in view: the test looks at the message, as its sender would.
    await waitFor(
      'both thumbnails decoded',
      async () => {
        await page.locator('.timeline').evaluate((el) => (el.scrollTop = el.scrollHeight));
        return mine
          .locator('[data-testid=attachment-image] img')
          .evaluateAll(
            (imgs: HTMLImageElement[]) =>
              imgs.length === 2 && imgs.every((i) => i.complete && i.naturalWidth > 0),
          );
      },
      30_000,
    );
    const chip = mine.getByTestId('attachment-file');
    expect(await chip.innerText()).toContain('PDF · 200 KB');
    expect(await chip.locator('.att-file__name').getAttribute('title')).toBe(PDF_NAME);
    expect(await chip.locator('.att-file__name').evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    await shot(page, 'files-en-1440-sent');

    // The viewer: focus inside, ← → between the two pictures (round), Escape returns the focus.
    await mine.getByTestId('attachment-image').first().click();
    const viewer = page.getByTestId('lightbox');
    await viewer.getByTestId('lightbox-image').waitFor();
    expect(await focused(page)).toEqual({ testId: 'lightbox-close', inDialog: true });
    expect(await viewer.getByTestId('lightbox-position').innerText()).toBe('1 of 2');
    await page.keyboard.press('ArrowRight');
    expect(await viewer.getByTestId('lightbox-position').innerText()).toBe('2 of 2');
    expect(await viewer.getByTestId('lightbox-image').getAttribute('alt')).toBe('image.png');
    await page.keyboard.press('ArrowRight');
    expect(await viewer.getByTestId('lightbox-position').innerText()).toBe('1 of 2');
    for (let i = 0; i < 6; i += 1) {
      await page.keyboard.press('Tab');
      expect((await focused(page)).inDialog).toBe(true);
    }
    await page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });
    expect((await focused(page)).testId).toBe('attachment-image');

    // The PDF downloads through a freshly signed link (the session cookie goes with it): the same bytes.
    const [download] = await Promise.all([page.waitForEvent('download'), chip.click()]);
    expect(download.suggestedFilename()).toBe(PDF_NAME);
    expect((await readFile(await download.path())).equals(pdf)).toBe(true);
    // What such a link answers, fetched the same way from the page: a download that never runs.
    const headers = await page.evaluate(
      async ({ conversationId, id }) => {
        const link = (await (
          await fetch(`/api/v1/conversations/${conversationId}/attachments/${id}/link`)
        ).json()) as { url: string };
        const response = await fetch(link.url);
        const names = ['content-type', 'content-disposition', 'x-content-type-options'];
        return Object.fromEntries(names.map((name) => [name, response.headers.get(name)]));
      },
      { conversationId: visitor.conversationId, id: pdfId },
    );
    expect(headers['content-type']).toBe('application/pdf');
    expect(headers['content-disposition']).toMatch(/^attachment;/);
    expect(headers['x-content-type-options']).toBe('nosniff');
  });

  it('signs a new link when a picture’s link fails (an expired one)', async () => {
    const linkRequests: string[] = [];
    let refused = 0;
    const page = await inbox('en', DESKTOP, async (page) => {
      page.on('request', (r) => {
        if (r.url().includes('/attachments/') && r.url().endsWith('/link')) linkRequests.push(r.url());
      });
      // The first file fetch answers as an expired link does.
      await page.route('**/api/v1/files/**', async (route) => {
        if (refused > 0) return route.continue();
        refused += 1;
        await route.fulfill({ status: 403, body: '{"error":{"code":"ATTACHMENT_LINK_INVALID"}}' });
      });
    });
    // The pictures in view show, the refused one too: it got a second link.
    const images = page.locator('[data-testid=attachment-image] img');
    await waitFor('the pictures in view shown', async () =>
      images.evaluateAll(
        (imgs: HTMLImageElement[]) => imgs.length >= 2 && imgs.every((i) => i.complete && i.naturalWidth > 0),
      ),
    );
    expect(refused).toBe(1);
    expect(linkRequests.length).toBe(new Set(linkRequests).size + 1);
  });

  it('cancels an upload in progress and retries one the network cut', async () => {
    const page = await inbox();
    const cdp = await page.context().newCDPSession(page);
    const throttle = (bytesPerSecond: number) =>
      cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: bytesPerSecond,
      });
    const failed: string[] = [];
    page.on('requestfailed', (request) => {
      if (isUploadRequest(request)) failed.push(request.failure()?.errorText ?? '');
    });
    await throttle(32 * 1024);
    await page
      .getByTestId('attach-input')
      .setInputFiles([
        { name: 'big-scan.pdf', mimeType: 'application/pdf', buffer: pdfBytes('scan', 2_000_000) },
      ]);
    const bar = page.getByRole('progressbar', { name: 'Upload of big-scan.pdf' });
    await waitFor('some progress', async () => Number(await bar.getAttribute('aria-valuenow')) > 0);
    expect(await page.getByTestId('send').isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Cancel the upload of big-scan.pdf' }).click();
    await page.getByTestId('upload-tray').waitFor({ state: 'detached' });
    await waitFor('the request aborted', async () => failed.length === 1);
    await throttle(-1);

    await breakNextUpload(page);
    await page.getByTestId('attach-input').setInputFiles([
      {
        name: 'receipt.png',
        mimeType: 'image/png',
        buffer: await pngBytes(page, { text: 'Receipt', color: '#15803d', width: 600, height: 400 }),
      },
    ]);
    await trayItems(page, 'failed').waitFor();
    expect(await page.getByTestId('tray-error').innerText()).toBe(
      'The connection was lost during the upload. Retry it.',
    );
    expect(await page.getByTestId('send').isDisabled()).toBe(true);
    await page.getByTestId('tray-retry').click();
    await trayItems(page, 'done').waitFor();
    expect(await page.getByTestId('send').isEnabled()).toBe(true);

    // Sent without a caption: the files alone, no empty bubble.
    await page.getByTestId('send').click();
    const received = await waitFor('the receipt at the visitor', async () =>
      visitor.messages().find((m) => m.attachments.some((a) => a.name === 'receipt.png')),
    );
    expect(received.attachments).toHaveLength(1);
    const row = page
      .getByTestId('message-user')
      .filter({ has: page.locator('[data-testid=attachment-image][title="receipt.png"]') });
    await row.waitFor();
    expect(await row.locator('.msg__bubble').count()).toBe(0);
    expect((await storedMessages()).some((m) => m.attachments.some((a) => a.name === 'big-scan.pdf'))).toBe(
      false,
    );
  });

  it('refuses a .txt, an .html and a text file named .png, and never sends them', async () => {
    const page = await inbox();
    const uploads: string[] = [];
    page.on('request', (request) => {
      if (isUploadRequest(request)) uploads.push(request.url());
    });
    await page.getByTestId('attach-input').setInputFiles([
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('my notes') },
      { name: 'page.html', mimeType: 'text/html', buffer: Buffer.from('<script>alert(1)</script>') },
    ]);
    await waitFor('two refusals', async () => (await trayItems(page, 'failed').count()) === 2);
    expect(uploads).toEqual([]);
    const reasons = await page.getByTestId('tray-error').allInnerTexts();
    expect(reasons).toEqual([
      'Type not allowed: send images (PNG, JPEG, GIF, WebP) or PDF files.',
      'Type not allowed: send images (PNG, JPEG, GIF, WebP) or PDF files.',
    ]);
    expect(await page.getByTestId('tray-retry').count()).toBe(0);
    await page.getByTestId('composer-input').fill('Only text should go');
    expect(await page.getByTestId('send').isDisabled()).toBe(true);
    await page.getByTestId('composer-input').press('Enter');
    expect(await trayItems(page).count()).toBe(2);

    // A name and type the browser believes, bytes the server sniffs: refused by the server.
    await page
      .getByTestId('attach-input')
      .setInputFiles([
        { name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('just text, not a picture at all') },
      ]);
    await waitFor('the server’s refusal', async () => (await trayItems(page, 'failed').count()) === 3);
    expect(uploads).toHaveLength(1);
    expect(await page.getByTestId('tray-error').nth(2).innerText()).toBe(
      'Type not allowed: send images (PNG, JPEG, GIF, WebP) or PDF files.',
    );
    // Over the per-file limit: the server refuses before storing a byte, and the tray says so.
    await page
      .getByTestId('attach-input')
      .setInputFiles([
        { name: 'huge-scan.pdf', mimeType: 'application/pdf', buffer: pdfBytes('huge', 3_100_000) },
      ]);
    await waitFor('the size refusal', async () => (await trayItems(page, 'failed').count()) === 4);
    expect(await page.getByTestId('tray-error').nth(3).innerText()).toBe(
      'Too large: this file is over the size limit.',
    );
    expect(await page.getByTestId('tray-retry').count()).toBe(0);
    for (let i = 0; i < 4; i += 1) await page.getByTestId('tray-remove').first().click();
    await page.getByTestId('upload-tray').waitFor({ state: 'detached' });
    await page.getByTestId('send').click();
    await waitFor('the text alone', async () =>
      (await storedMessages()).find(
        (m) => m.attachments.length === 0 && JSON.stringify(m.body).includes('Only text should go'),
      ),
    );
    const names = (await storedMessages()).flatMap((m) => m.attachments.map((a) => a.name));
    expect(names.filter((n) => ['notes.txt', 'page.html', 'fake.png'].includes(n))).toEqual([]);
  });

  it('attaches a file dropped on the thread, showing where to drop it while dragging', async () => {
    const page = await inbox();
    const view = '[data-testid=conversation-view]';
    const bytes = await pngBytes(page, { text: 'Dropped', color: '#0e7490', width: 640, height: 480 });
    await dropFile(page, view, { bytes, name: 'dropped.png', type: 'image/png' }, true);
    await page.getByTestId('drop-zone').waitFor();
    expect(await page.getByTestId('drop-zone').innerText()).toContain('Drop files to attach them');
    await shot(page, 'files-en-1440-drop-zone');
    await dragLeave(page, view);
    await page.getByTestId('drop-zone').waitFor({ state: 'detached' });
    await dropFile(page, '[data-testid=timeline]', { bytes, name: 'dropped.png', type: 'image/png' });
    await trayItems(page, 'done').waitFor();
    expect(await trayItems(page).innerText()).toContain('dropped.png');
    await page.getByTestId('tray-remove').click();
    await page.getByTestId('upload-tray').waitFor({ state: 'detached' });
  });

  for (const language of ['en', 'es'] as const) {
    for (const width of [1440, 390]) {
      it(`looks right in ${language} at ${width} px: the tray, the thread and the viewer`, async () => {
        const page = await inbox(language, { width, height: width < 600 ? 844 : 900 });
        const name = `files-${language}-${width}`;
        const cdp = await page.context().newCDPSession(page);
        const throttle = (bytesPerSecond: number) =>
          cdp.send('Network.emulateNetworkConditions', {
            offline: false,
            latency: 0,
            downloadThroughput: -1,
            uploadThroughput: bytesPerSecond,
          });
        const photo = await pngBytes(page, {
          text: 'Pedido 8812',
          color: '#7c3aed',
          width: 800,
          height: 600,
        });
        await page
          .getByTestId('attach-input')
          .setInputFiles([{ name: 'foto-del-pedido.png', mimeType: 'image/png', buffer: photo }]);
        await trayItems(page, 'done').waitFor();
        await throttle(16 * 1024);
        await page
          .getByTestId('attach-input')
          .setInputFiles([
            { name: PDF_NAME, mimeType: 'application/pdf', buffer: pdfBytes('Factura', 1_500_000) },
          ]);
        await trayItems(page, 'uploading').waitFor();
        await breakNextUpload(page);
        await page
          .getByTestId('attach-input')
          .setInputFiles([{ name: 'captura-de-pantalla.png', mimeType: 'image/png', buffer: photo }]);
        await page.getByTestId('tray-retry').waitFor();
        await page
          .getByTestId('attach-input')
          .setInputFiles([
            { name: 'instrucciones.txt', mimeType: 'text/plain', buffer: Buffer.from('hola') },
          ]);
        await waitFor('the upload under way', async () => {
          const now = await page.getByRole('progressbar').getAttribute('aria-valuenow');
          return Number(now) >= 3;
        });
        await page
          .getByTestId('composer-input')
          .fill(language === 'es' ? 'Te adjunto la factura' : 'Attaching the invoice');
        await shot(page, `${name}-tray`);
        if (width === 1440) expect(await axeSeriousViolations(page, '[data-testid=composer]')).toEqual([]);
        await throttle(-1);
        while ((await trayItems(page).count()) > 0) await page.getByTestId('tray-remove').first().click();
        await page.getByTestId('composer-input').fill('');

        const files = page
          .getByTestId('message-user')
          .filter({ has: page.getByTestId('attachment-file') })
          .first();
        await files.scrollIntoViewIfNeeded();
        await waitFor('the thumbnails', async () =>
          files
            .locator('[data-testid=attachment-image] img')
            .evaluateAll(
              (imgs: HTMLImageElement[]) => imgs.length === 2 && imgs.every((i) => i.naturalWidth > 0),
            ),
        );
        await shot(page, `${name}-timeline`);
        if (width === 1440) expect(await axeSeriousViolations(page, '[data-testid=timeline]')).toEqual([]);
        await files.getByTestId('attachment-image').first().click();
        await page.getByTestId('lightbox-image').waitFor();
        await waitFor('the full picture', async () =>
          page.getByTestId('lightbox-image').evaluate((img: HTMLImageElement) => img.naturalWidth > 0),
        );
        await shot(page, `${name}-lightbox`);
        if (width === 1440) expect(await axeSeriousViolations(page, '[data-testid=lightbox]')).toEqual([]);
        await page.keyboard.press('Escape');
        await page.getByTestId('lightbox').waitFor({ state: 'detached' });
      });
    }
  }

  it('sends files queued while the server is down once it is back, with the same uploads (R28)', async () => {
    const page = await inbox();
    await page
      .getByTestId('attach-input')
      .setInputFiles([{ name: 'contract.pdf', mimeType: 'application/pdf', buffer: pdfBytes('Contract') }]);
    await trayItems(page, 'done').waitFor();
    await charla.crash();
    await page.getByTestId('composer-input').fill('The signed contract');
    await page.getByTestId('send').click();
    const pending = page.getByTestId('message-pending');
    await pending.getByTestId('pending-attachments').waitFor();
    expect(await pending.innerText()).toContain('contract.pdf');
    await shot(page, 'files-en-1440-pending');
    await charla.restart();
    await pending.waitFor({ state: 'detached', timeout: 60_000 });
    const sent = (await storedMessages()).filter((m) => m.attachments.some((a) => a.name === 'contract.pdf'));
    expect(sent).toHaveLength(1);
    expect(sent[0]?.attachments).toHaveLength(1);
  });
});
