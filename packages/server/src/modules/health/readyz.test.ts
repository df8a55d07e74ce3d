import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisBus } from '../../realtime/bus';
import { startTestServer, type TestServer } from '../../test/harness';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
    probe.on('error', reject);
  });
}

/** Polls /readyz until it answers `status`; returns how long that took from `since`. */
async function readyzBecomes(server: TestServer, status: number, since: number, boundMs: number) {
  for (;;) {
    const res = await server.request({ url: '/readyz' });
    if (res.statusCode === status) return { ms: Date.now() - since, body: res.json<unknown>() };
    if (Date.now() - since > boundMs) throw new Error(`/readyz still ${res.statusCode} after ${boundMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// A Redis server of the test's own (a child process), frozen with SIGSTOP: its TCP connections
// stay open, so only a ping with a bound tells a load balancer that the bus hangs.
describe('/readyz with a frozen Redis', () => {
  let redis: ChildProcess;
  let server: TestServer;

  beforeAll(async () => {
    const port = await freePort();
    redis = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    const url = `redis://127.0.0.1:${port}`;
    const bus = await createRedisBus(url, () => undefined, 'charla:readyz-test');
    server = await startTestServer({ bus });
    await readyzBecomes(server, 200, Date.now(), 20_000);
  });
  afterAll(async () => {
    redis.kill('SIGCONT');
    await server.close();
    redis.kill('SIGKILL');
  });

  it('answers 503 within 3 s of SIGSTOP and 200 again after SIGCONT', async () => {
    redis.kill('SIGSTOP');
    const down = await readyzBecomes(server, 503, Date.now(), 3_000);
    expect(down.body).toEqual({ ok: false, problems: ['bus disconnected or not answering'] });
    redis.kill('SIGCONT');
    await readyzBecomes(server, 200, Date.now(), 10_000);
  });
});
