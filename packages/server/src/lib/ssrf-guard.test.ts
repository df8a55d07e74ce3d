import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGuarded } from './guarded-post';
import { ForbiddenTargetError, resolvePublicTarget } from './ssrf-guard';

describe('resolvePublicTarget', () => {
  it.each([
    'http://127.0.0.1/x',
    'http://localhost:8080/',
    'http://[::1]/',
    'http://169.254.169.254/latest/meta-data/',
    'http://10.1.2.3/',
    'http://192.168.0.10/',
    'http://[::ffff:127.0.0.1]/',
    'http://0.0.0.0/',
  ])('refuses %s by default', async (url) => {
    await expect(resolvePublicTarget(url, { allowPrivate: false })).rejects.toMatchObject({
      reason: 'private',
    });
  });

  it('refuses a name when any of its addresses is private (DNS rebinding with several records)', async () => {
    const resolve = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ];
    await expect(
      resolvePublicTarget('https://rebind.example/', { allowPrivate: false, resolve }),
    ).rejects.toBeInstanceOf(ForbiddenTargetError);
  });

  it('allows a public address and loopback when private targets are allowed', async () => {
    const resolve = async () => [{ address: '93.184.216.34', family: 4 }];
    await expect(
      resolvePublicTarget('https://example.com/hook', { allowPrivate: false, resolve }),
    ).resolves.toMatchObject({ addresses: [{ address: '93.184.216.34' }] });
    await expect(resolvePublicTarget('http://127.0.0.1:9/', { allowPrivate: true })).resolves.toMatchObject({
      addresses: [{ address: '127.0.0.1' }],
    });
  });

  it('refuses other schemes and unresolvable hosts', async () => {
    await expect(resolvePublicTarget('file:///etc/passwd', { allowPrivate: true })).rejects.toMatchObject({
      reason: 'scheme',
    });
    const resolve = async () => Promise.reject(new Error('ENOTFOUND'));
    await expect(
      resolvePublicTarget('https://nowhere.invalid/', { allowPrivate: false, resolve }),
    ).rejects.toMatchObject({ reason: 'unresolvable' });
  });
});

describe('postGuarded', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/redirect') {
        res.writeHead(302, { location: '/ok' }).end();
        return;
      }
      if (req.url === '/slow') return; // never answers
      res.writeHead(204).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('connects to the vetted address even when the name would resolve elsewhere later', async () => {
    let calls = 0;
    const resolve = async () => {
      calls += 1;
      return [{ address: '127.0.0.1', family: 4 }];
    };
    const res = await postGuarded(`http://hooks.test:${port}/ok`, {
      headers: {},
      body: '{}',
      timeoutMs: 2000,
      allowPrivate: true,
      resolve,
    });
    expect(res.status).toBe(204);
    expect(calls).toBe(1);
  });

  it('does not follow redirects', async () => {
    const res = await postGuarded(`http://127.0.0.1:${port}/redirect`, {
      headers: {},
      body: '{}',
      timeoutMs: 2000,
      allowPrivate: true,
    });
    expect(res.status).toBe(302);
  });

  it('refuses loopback without the setting and gives up after the timeout', async () => {
    await expect(
      postGuarded(`http://127.0.0.1:${port}/ok`, {
        headers: {},
        body: '{}',
        timeoutMs: 2000,
        allowPrivate: false,
      }),
    ).rejects.toBeInstanceOf(ForbiddenTargetError);
    await expect(
      postGuarded(`http://127.0.0.1:${port}/slow`, {
        headers: {},
        body: '{}',
        timeoutMs: 200,
        allowPrivate: true,
      }),
    ).rejects.toThrow();
  });
});
