import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { TRole } from '@charla/protocol';
import { bootCharla, type Charla } from '../boot';
import { readConfig, type Config } from '../config';
import type { Clock } from '../lib/clock';
import { createMemoryBus, createRedisBus, type Bus } from '../realtime/bus';
import { createTestDatabase, TEST_REDIS_URL, testDialect, type TestDatabase } from './test-db';

export const TEST_ORIGIN = 'http://charla.test';

/** A clock tests can move. */
export function createFakeClock(
  start = Date.UTC(2026, 0, 1),
): Clock & { advance(ms: number): void; set(ms: number): void } {
  let now = start;
  return { now: () => now, advance: (ms) => void (now += ms), set: (ms) => void (now = ms) };
}

export type TestUser = {
  id: string;
  email: string;
  password: string;
  cookie: string;
  role: TRole;
  name: string;
};

export type TestServer = {
  charla: Charla;
  config: Config;
  /** Injects a request; pass `as` to send a user's cookie (and our Origin on unsafe methods). */
  request(options: InjectOptions & { as?: TestUser | { cookie: string } }): Promise<LightMyRequestResponse>;
  createUser(role?: TRole, name?: string): Promise<TestUser>;
  /** Listens on a random loopback port (for WebSocket tests); returns the base URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
};

export type TestServerOptions = {
  clock?: Clock;
  runJobs?: boolean;
  env?: Record<string, string>;
  database?: TestDatabase;
  busChannel?: string;
  bus?: Bus;
};

async function createTestBus(channel: string): Promise<Bus> {
  return testDialect === 'postgres'
    ? createRedisBus(TEST_REDIS_URL, () => undefined, channel)
    : createMemoryBus();
}

/**
 * A real Charla on a real, isolated database (SQLite file or PostgreSQL schema, with Redis as
 * the bus on PostgreSQL runs), driven through its HTTP surface.
 */
export async function startTestServer(
  options: TestServerOptions = {},
): Promise<TestServer & { database: TestDatabase; busChannel: string }> {
  const database = options.database ?? (await createTestDatabase());
  const busChannel = options.busChannel ?? `charla:test:${randomBytes(6).toString('hex')}`;
  const parsed = readConfig({
    PUBLIC_URL: TEST_ORIGIN,
    LOG_LEVEL: 'silent',
    SESSION_SECRET: 'x'.repeat(40),
    NODE_NAME: `test-${randomBytes(3).toString('hex')}`,
    ...options.env,
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const config = parsed.config;
  const charla = await bootCharla(config, {
    database: await database.open(),
    bus: options.bus ?? (await createTestBus(busChannel)),
    logger: false,
    runJobs: options.runJobs ?? false,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  let counter = 0;

  const server: TestServer & { database: TestDatabase; busChannel: string } = {
    charla,
    config,
    database,
    busChannel,
    async request(opts) {
      const { as, ...rest } = opts;
      const headers: Record<string, string> = { ...(rest.headers as Record<string, string> | undefined) };
      if (as) headers.cookie = as.cookie;
      const method = (rest.method ?? 'GET').toUpperCase();
      if (as && method !== 'GET' && headers.origin === undefined) headers.origin = TEST_ORIGIN;
      return charla.app.inject({ ...rest, headers });
    },
    async createUser(role = 'regular', name) {
      counter += 1;
      const email = `${role}${counter}-${randomBytes(3).toString('hex')}@example.com`;
      const password = 'correct horse battery';
      const user = await charla.services.users.create({
        email,
        name: name ?? `${role === 'admin' ? 'Admin' : 'Agent'} ${counter}`,
        role,
        password,
        language: 'en',
      });
      const login = await charla.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password },
      });
      if (login.statusCode !== 200) throw new Error(`login failed: ${login.body}`);
      const cookie = cookieHeaderFrom(login);
      return { id: user.id, email, password, cookie, role, name: user.name };
    },
    async listen() {
      await charla.app.listen({ port: 0, host: '127.0.0.1' });
      const address = charla.app.server.address() as AddressInfo;
      return `http://127.0.0.1:${address.port}`;
    },
    async close() {
      await charla.stop();
      if (!options.database) await database.drop();
    },
  };
  return server;
}

/** The Cookie header a browser would send back after this response. */
export function cookieHeaderFrom(response: LightMyRequestResponse): string {
  return response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}
