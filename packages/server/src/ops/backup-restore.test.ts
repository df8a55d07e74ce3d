import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { CLUSTER_ADMIN, clusterHelpers } from '../test/cluster-setup';
import {
  api,
  createPostgresDatabase,
  freePort,
  loginCookie,
  startServerProcess,
  type ServerProcess,
} from '../test/server-process';
import { testDialect } from '../test/test-db';
import { connectAgent, newClientId, text } from '../test/visitor-client';

// Backs up a live server while agents and a visitor write, restores the copy into a fresh database
// and starts a fresh server on it: every message acknowledged before the backup began is there, and
// so are the secrets (an old session cookie still works, the web push key is the same). SQLite
// through `npm run backup` / `npm run restore`; PostgreSQL through the documented pg_dump/pg_restore.

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../../../..');
const PUBLIC_URL = 'http://charla.backup';
const helpers = clusterHelpers(PUBLIC_URL);

type Storage = { url: string; drop(): Promise<void> };

async function freshStorage(dir: string, name: string): Promise<Storage> {
  if (testDialect === 'postgres') return createPostgresDatabase();
  return { url: `sqlite:${join(dir, name, 'charla.db')}`, drop: async () => undefined };
}

async function backup(source: Storage, file: string): Promise<void> {
  if (testDialect === 'postgres') await run('pg_dump', ['--format=custom', `--file=${file}`, source.url]);
  else
    await run('npm', ['run', '--silent', 'backup', '--', file], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: source.url },
    });
}

async function restore(file: string, target: Storage): Promise<void> {
  if (testDialect === 'postgres') await run('pg_restore', ['--no-owner', `--dbname=${target.url}`, file]);
  else
    await run('npm', ['run', '--silent', 'restore', '--', file], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: target.url },
    });
}

async function serverOn(storage: Storage): Promise<ServerProcess> {
  return startServerProcess({
    databaseUrl: storage.url,
    publicUrl: PUBLIC_URL,
    port: await freePort(),
    channel: `charla:backup:${randomBytes(4).toString('hex')}`,
    unsetEnv: ['SESSION_SECRET'], // the secret is created in the database and must travel with it
  });
}

describe(`backup and restore under load (${testDialect})`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'charla-backup-'));
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores every message acknowledged before the backup, with the secrets', async () => {
    const source = await freshStorage(dir, 'live');
    cleanup.push(() => source.drop());
    const live = await serverOn(source);
    cleanup.push(() => live.kill());
    const admin = await loginCookie(live.baseUrl, CLUSTER_ADMIN.email, CLUSTER_ADMIN.password);
    const publicId = await helpers.setupPlaybook(live.baseUrl, admin, 600);
    const agent = await helpers.createAgent(live.baseUrl, admin, 'Backup Agent');
    const agentSocket = await connectAgent(live.baseUrl, agent.cookie, PUBLIC_URL); // online needs a socket
    const { visitor, conversationId } = await helpers.startWaitingChat(live.baseUrl, publicId);
    const assigned = await api(
      live.baseUrl,
      agent.cookie,
      'POST',
      `/api/v1/conversations/${conversationId}/assign`,
      undefined,
      PUBLIC_URL,
    );
    expect(assigned.status).toBe(200);
    const vapid = await api<{ publicKey: string }>(
      live.baseUrl,
      agent.cookie,
      'GET',
      '/api/v1/notifications/vapid-public-key',
      undefined,
      PUBLIC_URL,
    );

    // Load: two agent writers over REST and the visitor over its socket, until told to stop.
    const acked: string[] = [];
    let stop = false;
    const agentWriter = async () => {
      while (!stop && acked.length < 400) {
        const clientMsgId = newClientId();
        const res = await api(
          live.baseUrl,
          agent.cookie,
          'POST',
          `/api/v1/conversations/${conversationId}/messages`,
          { clientMsgId, body: text(`agent ${clientMsgId}`) },
          PUBLIC_URL,
        );
        expect(res.status).toBe(201);
        acked.push(clientMsgId);
      }
    };
    const visitorWriter = async () => {
      for (let i = 0; !stop && acked.length < 400; i += 1) {
        const clientMsgId = newClientId();
        visitor.client.send({
          type: 'send',
          ref: `v${i}`,
          conversationId,
          clientMsgId,
          body: text(`visitor ${i}`),
        });
        await visitor.client.waitFor((f) => f.type === 'ack' && f.ref === `v${i}`, 30_000);
        acked.push(clientMsgId);
        await new Promise((r) => setTimeout(r, 350)); // under the visitor limit of 30 per 10 s
      }
    };
    const writers = Promise.all([agentWriter(), agentWriter(), visitorWriter()]);
    while (acked.length < 40) await new Promise((r) => setTimeout(r, 50));

    const file = join(dir, testDialect === 'postgres' ? 'charla.dump' : 'charla-backup.db');
    // Every message acknowledged by now was committed before the backup starts. (Comparing
    // millisecond times lost the 40th when it was acknowledged in the backup's first millisecond.)
    const before = [...acked];
    await backup(source, file);
    stop = true;
    await writers;
    await Promise.all([visitor.client.close(), agentSocket.close()]);
    await live.kill();

    const target = await freshStorage(dir, 'restored');
    cleanup.push(() => target.drop());
    await restore(file, target);
    const restored = await serverOn(target);
    cleanup.push(() => restored.kill());

    // The agent's old session works on the fresh server: sessions and the secret travelled.
    const me = await api<{ name: string }>(
      restored.baseUrl,
      agent.cookie,
      'GET',
      '/api/v1/me',
      undefined,
      PUBLIC_URL,
    );
    expect(me).toMatchObject({ status: 200, body: { name: 'Backup Agent' } });
    const vapidAfter = await api<{ publicKey: string }>(
      restored.baseUrl,
      agent.cookie,
      'GET',
      '/api/v1/notifications/vapid-public-key',
      undefined,
      PUBLIC_URL,
    );
    expect(vapidAfter.body.publicKey).toBe(vapid.body.publicKey);

    const page = await api<{ items: { clientMsgId: string | null; seq: number }[] }>(
      restored.baseUrl,
      agent.cookie,
      'GET',
      `/api/v1/conversations/${conversationId}/messages?limit=500`,
      undefined,
      PUBLIC_URL,
    );
    const present = new Set(page.body.items.map((m) => m.clientMsgId));
    expect(before.filter((id) => !present.has(id))).toEqual([]);
    // A consistent snapshot: no holes in the sequence of what it holds.
    const seqs = page.body.items.map((m) => m.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
    expect(before.length).toBeGreaterThanOrEqual(40);
  }, 300_000);
});
