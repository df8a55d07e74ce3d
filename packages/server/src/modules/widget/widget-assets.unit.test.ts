import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createWidgetAssets } from './widget-assets';

const dist = mkdtempSync(join(tmpdir(), 'charla-widget-dist-'));
writeFileSync(join(dist, 'widget.js'), 'loader');
writeFileSync(join(dist, 'widget.js.br'), 'loader-br');
writeFileSync(join(dist, 'frame.ABCD1234.js'), 'frame');
writeFileSync(join(dist, 'secret.txt'), 'nope');
const assets = createWidgetAssets(dist);

afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('createWidgetAssets', () => {
  it('serves the precompressed copy the client accepts, else the plain file', async () => {
    expect((await assets.find('widget.js', 'gzip, deflate, br'))?.encoding).toBe('br');
    const plain = await assets.find('widget.js', 'gzip');
    expect(plain?.encoding).toBeNull();
    expect(plain?.body.toString()).toBe('loader');
  });

  it('gives the same ETag to the same content', async () => {
    const a = await assets.find('frame.ABCD1234.js', undefined);
    const b = await assets.find('frame.ABCD1234.js', undefined);
    expect(a?.etag).toMatch(/^".+"$/);
    expect(a?.etag).toBe(b?.etag);
  });

  it('serves nothing outside the widget build outputs', async () => {
    expect(await assets.find('secret.txt', undefined)).toBeNull();
    expect(await assets.find('../widget.js', undefined)).toBeNull();
    expect(await assets.find('frame.MISSING1.js', undefined)).toBeNull();
  });
});
