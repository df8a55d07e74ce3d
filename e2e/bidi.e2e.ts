import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import WebSocket from 'ws';
import type { TVisitorServerFrame } from '@charla/protocol';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  launchBrowser,
  loginContext,
  startCharla,
  type RunningCharla,
} from './harness';
import { adminApi, createLiveChatPlaybook, goOnline, waitFor, type AdminApi } from './widget-fixtures';

// Issue 13 item 7: a U+202E (RLO) in a visitor's name must not reverse the text after it. In the
// rendered inbox, every text node holding the RLO must sit inside an isolate: FSI…PDI in the text
// itself, or an element whose computed unicode-bidi isolates (<bdi>, `unicode-bidi: isolate`).

const RLO = '\u202e';
const NAME = `Bob${RLO}gnp.exe`;

let charla: RunningCharla;
let browser: Browser;
let api: AdminApi;

/** Text nodes containing an RLO that nothing isolates (there must be none). */
async function unisolatedOverrides(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const rlo = '\u202e';
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const at = text.indexOf(rlo);
      if (at < 0) continue;
      const fsi = text.lastIndexOf('\u2068', at);
      if (fsi >= 0 && text.indexOf('\u2069', at) > fsi) continue;
      const isolated = (() => {
        for (let el = node.parentElement; el && el !== document.body; el = el.parentElement) {
          const bidi = getComputedStyle(el).unicodeBidi;
          if (bidi === 'isolate' || bidi === 'isolate-override' || bidi === 'plaintext') return true;
          if (getComputedStyle(el).display !== 'inline') return false;
        }
        return false;
      })();
      if (!isolated) found.push(`${node.parentElement?.className ?? '?'}: ${JSON.stringify(text)}`);
    }
    return found;
  });
}

async function visitorNamed(name: string, publicId: string): Promise<void> {
  const session = await fetch(`${charla.baseUrl}/api/v1/widget/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  }).then((r) => r.json() as Promise<{ visitorToken: string }>);
  const ws = new WebSocket(
    `${charla.baseUrl.replace(/^http/, 'ws')}/ws/visitor?token=${session.visitorToken}`,
  );
  const frames: TVisitorServerFrame[] = [];
  ws.on('message', (raw: Buffer) => frames.push(JSON.parse(raw.toString()) as TVisitorServerFrame));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ type: 'identify', name }));
  ws.send(JSON.stringify({ type: 'start', ref: 's', playbookId: publicId, startKey: 'bidi-start-key-1' }));
  const conversationId = await waitFor('the conversation', async () => {
    const f = frames.find((x) => x.type === 'conversation' && x.ref === 's');
    return f && f.type === 'conversation' ? f.conversation.id : undefined;
  });
  ws.send(JSON.stringify({ type: 'identify', name }));
  ws.send(
    JSON.stringify({
      type: 'answer',
      ref: 'talk',
      conversationId,
      clientMsgId: 'bidi-answer-1',
      answer: { kind: 'button', optionId: 'talk' },
    }),
  );
  await waitFor('the ack', async () => frames.some((f) => f.type === 'ack'));
  ws.close();
}

describe('bidi isolation in the inbox', () => {
  beforeAll(async () => {
    charla = await startCharla();
    browser = await launchBrowser();
    api = await adminApi(charla.baseUrl);
    const { publicId } = await createLiveChatPlaybook(api, 'en');
    await goOnline(charla.baseUrl, api);
    // Loading the widget on the demo page records a real embed, so live chat takes the online path (R8).
    const host = await browser.newPage();
    await host.goto(`${charla.baseUrl.replace('127.0.0.1', 'localhost')}/demo?playbook=${publicId}`);
    await host.waitForLoadState('networkidle');
    await host.close();
    await visitorNamed(NAME, publicId);
  });
  afterAll(async () => {
    await browser?.close();
    await charla?.stop();
  });

  it('isolates a visitor name with an RLO in the conversation list, header and timeline', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript(() => localStorage.setItem('charla.notificationPromptDismissed', '1'));
    await loginContext(context, charla.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const page = await context.newPage();
    await page.goto(`${charla.baseUrl}/inbox/unassigned`);
    const item = page.getByTestId('conversation-item').first();
    await item.waitFor({ timeout: 20_000 });
    expect(await item.textContent()).toContain(RLO);
    expect(await unisolatedOverrides(page)).toEqual([]);
    await item.click();
    await page.getByText('Talk to someone').first().waitFor({ timeout: 20_000 });
    expect(await unisolatedOverrides(page)).toEqual([]);
    await context.close();
  });
});
