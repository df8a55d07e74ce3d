import { readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, startCharla, type RunningCharla } from './harness';

const builds = () =>
  ['widget', 'inbox', 'server'].map((pkg) => readlinkSync(join(repoRoot, 'packages', pkg, 'dist')));

// `npm start` runs scripts/start.mjs: on a built checkout it starts the current build as it is.
describe('npm start on a built checkout', () => {
  let charla: RunningCharla;
  let before: string[];

  beforeAll(async () => {
    before = builds();
    charla = await startCharla({}, { entry: 'scripts/start.mjs' });
  });
  afterAll(async () => charla.stop());

  it('starts without building and serves the inbox and the widget from the current build', async () => {
    expect(charla.logs.join('')).not.toMatch(/building|built dist-/);
    expect(builds()).toEqual(before);
    const page = await fetch(`${charla.baseUrl}/`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    expect((await fetch(`${charla.baseUrl}${asset}`)).status).toBe(200);
    expect((await fetch(`${charla.baseUrl}/widget.js`)).status).toBe(200);
  });
});
