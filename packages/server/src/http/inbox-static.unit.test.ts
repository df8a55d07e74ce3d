import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from './app-type';
import { cacheControlFor, registerInboxStatic } from './inbox-static';

const SCRIPT = `console.log(${JSON.stringify('charla '.repeat(200))});`;

describe('cacheControlFor', () => {
  it.each([
    ['/srv/dist/assets/main-CxgXE0Ky.js', 'public, max-age=31536000, immutable'],
    ['/srv/dist/assets/main-BbS0HJAw.css.br', 'public, max-age=31536000, immutable'],
    ['C:\\dist\\assets\\reports-page-CDFeRAZC.js.gz', 'public, max-age=31536000, immutable'],
    ['/srv/dist/index.html', 'no-cache'],
    ['/srv/dist/index.html.br', 'no-cache'],
    ['/srv/dist/sw.js', 'no-cache'],
    ['/srv/dist/manifest.webmanifest', 'no-cache'],
    ['/srv/dist/assets/logo.svg', 'no-cache'],
  ])('%s → %s', (path, expected) => {
    expect(cacheControlFor(path)).toBe(expected);
  });
});

/** A build folder like the inbox's, with the copies the build script writes. */
describe('the inbox build served at /', () => {
  let dir: string;
  let app: App;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'charla-static-'));
    mkdirSync(join(dir, 'assets'));
    const script = join(dir, 'assets', 'main-CxgXE0Ky.js');
    writeFileSync(script, SCRIPT);
    writeFileSync(`${script}.br`, brotliCompressSync(SCRIPT));
    writeFileSync(`${script}.gz`, gzipSync(SCRIPT));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Charla</title>');
    app = Fastify();
    await registerInboxStatic(app, dir);
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends the Brotli copy to a browser that accepts it, cached for a year', async () => {
    const res = await app.inject({
      url: '/assets/main-CxgXE0Ky.js',
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(String(res.headers.vary).toLowerCase()).toContain('accept-encoding');
    expect(res.headers['content-type']).toContain('javascript');
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(SCRIPT);
    expect(res.rawPayload.length).toBeLessThan(SCRIPT.length / 4);
  });

  it('sends gzip, or the file itself, to a browser that accepts only that', async () => {
    const gz = await app.inject({ url: '/assets/main-CxgXE0Ky.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await app.inject({
      url: '/assets/main-CxgXE0Ky.js',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('never lets a browser keep index.html without asking', async () => {
    const res = await app.inject({ url: '/', headers: { 'accept-encoding': 'br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
  });
});
