import type { Page, Route } from 'playwright-core';

// Helpers for the files journeys (issue 17): real PNG and PDF bytes, a synthetic paste and drag,
// and a way to hold or break the upload requests of a page.

/** A real PNG drawn by the browser's canvas: a coloured card with a caption, `width`×`height`. */
export async function pngBytes(
  page: Page,
  options: { text: string; color: string; width: number; height: number },
): Promise<Buffer> {
  const base64 = await page.evaluate(({ text, color, width, height }) => {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    const gradient = context.createLinearGradient(0, 0, width, height);
    gradient.addColorStop(0, color);
    gradient.addColorStop(1, '#111827');
    context.fillStyle = gradient;
    context.fillRect(0, 0, width, height);
    context.fillStyle = '#ffffff';
    context.font = `600 ${Math.round(height / 9)}px sans-serif`;
    context.fillText(text, Math.round(width / 12), Math.round(height / 2));
    return canvas.toDataURL('image/png').split(',')[1] ?? '';
  }, options);
  return Buffer.from(base64, 'base64');
}

/** A minimal one-page PDF; `padding` bytes of comment make it as large as a test needs. */
export function pdfBytes(text: string, padding = 0): Buffer {
  const filler = padding > 0 ? `%${'x'.repeat(padding)}\n` : '';
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj\n% ${text}\n${filler}trailer<</Root 1 0 R>>\n%%EOF\n`,
    'latin1',
  );
}

/** Pastes a file into the element as the clipboard of a screenshot would (a file, no text). */
export async function pasteFile(page: Page, selector: string, bytes: Buffer, name: string, type: string) {
  await page.locator(selector).focus();
  await page.evaluate(
    ({ selector, base64, name, type }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], name, { type }));
      const target = document.querySelector(selector);
      if (!target) throw new Error(`no ${selector}`);
      target.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
      );
    },
    { selector, base64: bytes.toString('base64'), name, type },
  );
}

/** Pastes plain text the same way (a text paste must stay a text paste). */
export async function pasteText(page: Page, selector: string, text: string): Promise<boolean> {
  return page.evaluate(
    ({ selector, text }) => {
      const transfer = new DataTransfer();
      transfer.setData('text/plain', text);
      const target = document.querySelector(selector);
      if (!target) throw new Error(`no ${selector}`);
      const event = new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true });
      target.dispatchEvent(event);
      return event.defaultPrevented;
    },
    { selector, text },
  );
}

/**
 * Drags a file from the desktop onto the element as the browser reports it: dragenter and dragover,
 * then (unless `hold`) the drop. Held, the drag stays over the element (for a screenshot of the zone).
 */
export async function dropFile(
  page: Page,
  selector: string,
  file: { bytes: Buffer; name: string; type: string },
  hold = false,
): Promise<void> {
  await page.evaluate(
    ({ selector, base64, name, type, hold }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], name, { type }));
      const target = document.querySelector(selector);
      if (!target) throw new Error(`no ${selector}`);
      const events = hold ? ['dragenter', 'dragover'] : ['dragenter', 'dragover', 'drop'];
      for (const event of events)
        target.dispatchEvent(
          new DragEvent(event, { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
    },
    { selector, base64: file.bytes.toString('base64'), name: file.name, type: file.type, hold },
  );
}

/** The held drag leaves the element (the pointer went away without dropping). */
export async function dragLeave(page: Page, selector: string): Promise<void> {
  await page.evaluate((selector) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['x'], 'x.pdf', { type: 'application/pdf' }));
    document
      .querySelector(selector)
      ?.dispatchEvent(
        new DragEvent('dragleave', { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
  }, selector);
}

const isUpload = (url: URL) => /\/api\/v1\/conversations\/[^/]+\/uploads$/.test(url.pathname);

/** Holds every upload request of the page until `release()`: the tray shows them uploading. */
export async function holdUploads(page: Page): Promise<{ held: Route[]; release(): Promise<void> }> {
  const held: Route[] = [];
  const handler = (route: Route) => {
    held.push(route);
  };
  await page.route(isUpload, handler);
  return {
    held,
    async release() {
      await page.unroute(isUpload, handler);
      for (const route of held.splice(0)) await route.continue().catch(() => undefined);
    },
  };
}

/** The next upload of the page fails as a cut connection would; the ones after go through. */
export async function breakNextUpload(page: Page): Promise<void> {
  const handler = async (route: Route) => {
    await route.abort('connectionreset');
    await page.unroute(isUpload, handler);
  };
  await page.route(isUpload, handler);
}
