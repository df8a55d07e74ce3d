import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { TVisitorServerFrame } from '@charla/protocol';
import { FrameClient, newClientId, text } from '../test/visitor-client';
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

/** A visitor session on one process and a socket on each, all from the client address `ip`. */
async function visitorOnBoth(servers: ServerProcess[], ip: string) {
  const headers = { 'content-type': 'application/json', 'x-forwarded-for': ip };
  const res = await fetch(`${servers[0]!.baseUrl}/api/v1/widget/session`, {
    method: 'POST',
    headers,
    body: '{}',
  });
  const { visitorToken } = (await res.json()) as { visitorToken: string };
  return Promise.all(
    servers.map(async (s) => {
      const url = `${s.baseUrl.replace('http', 'ws')}/ws/visitor?token=${visitorToken}`;
      const client = await FrameClient.connect<TVisitorServerFrame>(url, { 'x-forwarded-for': ip });
      await client.waitFor((f) => f.type === 'ready');
      return client;
    }),
  );
}

/**
 * Sends `count` frames alternating over the sockets (all at once: a flood), waits for each answer
 * and returns the error codes in order (null for a success). The limits are checked before the
 * frame's target is looked up, so an unknown playbook or conversation answers NOT_FOUND below the
 * limit and RATE_LIMITED above it.
 */
async function flood(
  sockets: FrameClient<TVisitorServerFrame>[],
  count: number,
  frame: (i: number) => object,
) {
  const tag = randomBytes(3).toString('hex');
  for (let i = 0; i < count; i += 1) sockets[i % sockets.length]!.send({ ...frame(i), ref: `${tag}-${i}` });
  const answers = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      sockets[i % sockets.length]!.waitFor(
        (f) =>
          (f.type === 'error' || f.type === 'conversation' || f.type === 'ack') && f.ref === `${tag}-${i}`,
        60_000,
      ),
    ),
  );
  return answers.map((f) => (f.type === 'error' ? f.code : null));
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
          // The visitor tests below each act from their own client address.
          env: { TRUSTED_PROXIES: '127.0.0.1' },
        }),
      );
    }
  }, 240_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.kill()));
    await database.drop();
  });

  it('allows 20 conversation starts per visitor in all, whichever process the visitor uses', async () => {
    const sockets = await visitorOnBoth(servers, '198.51.100.1');
    const codes = await flood(sockets, 26, () => ({
      type: 'start',
      playbookId: 'pb_unknown',
      startKey: newClientId(),
    }));
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(6);
    expect(codes.filter((c) => c !== 'RATE_LIMITED').every((c) => c !== null)).toBe(true);
    await Promise.all(sockets.map((s) => s.close()));
  });

  it('allows 60 conversation starts per address in all, over several visitors and both processes', async () => {
    const visitors = await Promise.all([1, 2, 3, 4].map(() => visitorOnBoth(servers, '198.51.100.2')));
    const codes = (
      await Promise.all(
        visitors.map((sockets) =>
          flood(sockets, 16, () => ({ type: 'start', playbookId: 'pb_unknown', startKey: newClientId() })),
        ),
      )
    ).flat();
    // 4 visitors × 16 starts: each under its own limit of 20, together 4 over the address's 60.
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(4);
    await Promise.all(visitors.flat().map((s) => s.close()));
  });

  it('allows 30 visitor messages per 10 s in all, not 30 per process', async () => {
    const sockets = await visitorOnBoth(servers, '198.51.100.3');
    const conversationId = `unknown-${newClientId()}`;
    const codes = await flood(sockets, 40, (i) => ({
      type: 'send',
      conversationId,
      clientMsgId: newClientId(),
      body: text(`flood ${i}`),
    }));
    // Counted per process, 20 on each would all pass; shared, 30 pass and 10 are refused.
    expect(codes.filter((c) => c !== 'RATE_LIMITED')).toHaveLength(30);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(10);
    await Promise.all(sockets.map((s) => s.close()));
  });

  it('answers 10 forgot-password requests per address in all, then 429', async () => {
    const statuses = await alternate(servers, 13, async (base) => {
      const res = await fetch(`${base}/api/v1/auth/forgot-password`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.4' },
        body: JSON.stringify({ email: 'nobody@example.com' }),
      });
      return res.status;
    });
    expect(statuses).toEqual([...Array<number>(10).fill(202), 429, 429, 429]);
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
