import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshot, startCharla, type RunningCharla } from './harness';
import { adminApi, clickLauncher, goOnline, unassignedConversation, widgetFrame } from './widget-fixtures';

// What a new user sees after `npm start`: the starter playbook on /demo, served by Charla itself,
// reaches a person when someone is online (the demo page counts as a real page, R8).
describe('the demo page of a fresh install', () => {
  let charla: RunningCharla;
  let browser: Browser;

  beforeAll(async () => {
    charla = await startCharla();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await charla.stop();
  });

  it('hands the visitor to an online user through the starter Live chat playbook', async () => {
    const api = await adminApi(charla.baseUrl);
    const agent = await goOnline(charla.baseUrl, api);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${charla.baseUrl}/demo`);
    await clickLauncher(page);
    const frame = await widgetFrame(page);
    await frame.getByRole('button', { name: 'Talk to someone' }).click();
    const conversation = await unassignedConversation(api);
    expect(conversation.playbook?.name).toBe('Website chat');
    expect(conversation.visitor.context.pageUrl).toBe(`${charla.baseUrl}/demo`);
    await screenshot(page, 'demo-fresh-install-waiting');
    agent.close();
  });
});
