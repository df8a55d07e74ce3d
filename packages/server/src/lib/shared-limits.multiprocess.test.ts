import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  createPostgresDatabase,
  freePort,
  startServerProcess,
  type ServerProcess,
} from '../test/server-process';

// Two real server processes on one PostgreSQL database and one Redis: the rate limits are counted
// in Redis, so a client spreading its attempts over both gets 1 × the limit, not 2 ×.

const PUBLIC_URL = 'http://charla.limits';

/** Sends `count` requests alternating between the processes; returns the statuses in order. */
async function alternate(servers: ServerProcess[], count: number, send: (base: string) => Promise<number>) {
  const statuses: number[] = [];
  for (let i = 0; i < count; i += 1) statuses.push(await send(servers[i % servers.length]!.baseUrl));
  return statuses;
}

/** Opens a visitor WebSocket with a bad token: the limit is checked before the token. */
function wsStatus(base: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${base.replace('http', 'ws')}/ws/visitor?token=nope`);
    socket.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.on('open', () => {
      resolve(101);
      socket.close();
    });
    socket.on('error', () => undefined);
  });
}

describe('rate limits across processes (PostgreSQL + Redis)', () => {
  let database: Awaited<ReturnType<typeof createPostgresDatabase>>;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    database = await createPostgresDatabase();
    const channel = `charla:limits:${randomBytes(4).toString('hex')}`;
    // One after the other: the first migrates the fresh database.
    for (let i = 0; i < 2; i += 1) {
      servers.push(
        await startServerProcess({
          databaseUrl: database.url,
          publicUrl: PUBLIC_URL,
          port: await freePort(),
          channel,
        }),
      );
    }
  }, 240_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.kill()));
    await database.drop();
  });

  it('locks an account after 10 failed logins in all, whichever process they reach', async () => {
    const statuses = await alternate(servers, 14, async (base) => {
      const res = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'victim@example.com', password: 'not the password' }),
      });
      return res.status;
    });
    expect(statuses).toEqual([...Array<number>(10).fill(401), 429, 429, 429, 429]);
  });

  it('allows 60 new visitor sessions per address per minute in all, not 60 per process', async () => {
    const statuses = await alternate(servers, 70, async (base) => {
      const res = await fetch(`${base}/api/v1/widget/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://shop.example' },
        body: '{}',
      });
      return res.status;
    });
    expect(statuses.filter((s) => s === 200)).toHaveLength(60);
    expect(statuses.slice(60)).toEqual(Array<number>(10).fill(429));
  });

  it('allows 60 WebSocket connections per address per minute in all, not 60 per process', async () => {
    const statuses = await alternate(servers, 70, wsStatus);
    // Under the limit the gateway refuses the bad token (401); over it, the shared limit (429).
    expect(statuses.slice(0, 60).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(60)).toEqual(Array<number>(10).fill(429));
  });
});
