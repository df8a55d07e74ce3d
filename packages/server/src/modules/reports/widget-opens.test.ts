import type { TOutcomesReportDto, TVisitorServerFrame } from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock, startTestServer, type TestServer, type TestUser } from '../../test/harness';
import { startChat } from '../../test/chat-steps';
import { createActivePlaybook } from '../../test/playbook-setup';
import { connectVisitor, type FrameClient } from '../../test/visitor-client';

const at = (iso: string) => Date.parse(iso);

describe('the funnel stage "opened the widget" (issue 21)', () => {
  const clock = createFakeClock(at('2026-03-10T10:00:00Z'));
  let server: TestServer;
  let baseUrl: string;
  let admin: TestUser;
  let playbook: { id: string; publicId: string };
  let other: { id: string; publicId: string };

  beforeAll(async () => {
    server = await startTestServer({ clock });
    baseUrl = await server.listen();
    admin = await server.createUser('admin', 'Ada Admin');
    playbook = await createActivePlaybook(server, admin);
    other = await createActivePlaybook(server, admin, { templateId: 'live_chat' });
  });
  afterAll(() => server.close());

  /** Sends frames, then a ping: frames of a socket are handled in order, so the pong means done. */
  async function sendAll(client: FrameClient<TVisitorServerFrame>, frames: unknown[]) {
    const before = client.frames.filter((f) => f.type === 'pong').length;
    for (const frame of frames) client.send(frame);
    client.send({ type: 'ping' });
    await client.waitFor(() => client.frames.filter((f) => f.type === 'pong').length > before);
  }
  const opened = (playbookId: string) => ({ type: 'opened', playbookId });
  const storedRows = () =>
    server.charla.services.database.db.selectFrom('widget_opens').selectAll().orderBy('opened_at').execute();

  async function funnel(query: string) {
    const res = await server.request({ url: `/api/v1/reports/outcomes?${query}`, as: admin });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<TOutcomesReportDto>().funnel;
  }
  const openedOf = async (query: string, id = playbook.id) =>
    (await funnel(query)).find((row) => row.playbookId === id);

  it('counts a visitor once per playbook and UTC day, two visitors twice, another day apart', async () => {
    const ann = await connectVisitor(baseUrl);
    await sendAll(ann.client, [opened(playbook.publicId), opened(playbook.publicId)]);
    // A reload the same day: a new socket, the same visitor.
    const again = await connectVisitor(baseUrl, ann.token);
    await sendAll(again.client, [opened(playbook.publicId)]);
    const ben = await connectVisitor(baseUrl);
    await sendAll(ben.client, [opened(playbook.publicId), opened(other.publicId)]);
    // A new UTC day (a new dedup key): the 11th in Madrid (UTC+1), still the 10th in New York (UTC-4).
    clock.set(at('2026-03-11T00:30:00Z'));
    await sendAll(ann.client, [opened(playbook.publicId)]);
    expect(await storedRows()).toHaveLength(4);

    expect(await openedOf('from=2026-03-10&to=2026-03-10&timeZone=Europe/Madrid')).toMatchObject({
      opened: 2,
      openedPrevious: 0,
      started: 0,
    });
    expect(await openedOf('from=2026-03-10&to=2026-03-10&timeZone=Europe/Madrid', other.id)).toMatchObject({
      opened: 1,
    });
    expect(await openedOf('from=2026-03-11&to=2026-03-11&timeZone=Europe/Madrid')).toMatchObject({
      opened: 1,
      openedPrevious: 2,
    });
    // In New York the late open falls on the 10th: three opens that day.
    expect(await openedOf('from=2026-03-10&to=2026-03-10&timeZone=America/New_York')).toMatchObject({
      opened: 3,
    });
    expect(await openedOf('from=2026-03-10&to=2026-03-10&timeZone=UTC')).toMatchObject({ opened: 2 });
    expect(await openedOf('from=2026-03-12&to=2026-03-12&timeZone=UTC')).toBeUndefined();
    await Promise.all([ann.client.close(), again.client.close(), ben.client.close()]);
  });

  it('applies the playbook filter, and leaves opens uncounted (null) under a user filter', async () => {
    const range = 'from=2026-03-10&to=2026-03-10&timeZone=Europe/Madrid';
    const one = await funnel(`${range}&playbookId=${other.id}`);
    expect(one.map((row) => [row.playbookId, row.opened])).toEqual([[other.id, 1]]);
    const byUser = await funnel(`${range}&userId=${admin.id}`);
    expect(byUser.every((row) => row.opened === null && row.openedPrevious === null)).toBe(true);
  });

  it('exports the stage in the funnel CSV', async () => {
    const res = await server.request({
      url: `/api/v1/reports/export/funnel?from=2026-03-10&to=2026-03-10&timeZone=Europe/Madrid`,
      as: admin,
    });
    expect(res.statusCode, res.body).toBe(200);
    const [header, ...rows] = res.body.trim().split('\r\n');
    expect(header).toMatch(/^playbook_id,playbook,opened,opened_previous,started,/);
    expect(rows.find((row) => row.startsWith(`${playbook.id},`))?.split(',')[2]).toBe('2');
  });

  it('refuses an unknown playbook or a malformed frame with a code, storing nothing', async () => {
    const before = (await storedRows()).length;
    const eve = await connectVisitor(baseUrl);
    await sendAll(eve.client, [
      opened('no-such-playbook'),
      { type: 'opened' },
      { type: 'opened', playbookId: 42 },
      { type: 'opened', playbookId: playbook.publicId, extra: true },
    ]);
    const codes = eve.client.frames.flatMap((f) => (f.type === 'error' ? [f.code] : []));
    // A malformed frame is refused as it arrives, before the queue of handled frames: sort.
    expect(codes.sort()).toEqual([
      'PLAYBOOK_NOT_FOUND',
      'VALIDATION_FAILED',
      'VALIDATION_FAILED',
      'VALIDATION_FAILED',
    ]);
    expect(await storedRows()).toHaveLength(before);
    await eve.client.close();
  });

  it('erases a visitor’s opens with the visitor (privacy)', async () => {
    const zoe = await connectVisitor(baseUrl);
    await sendAll(zoe.client, [opened(playbook.publicId)]);
    await startChat(zoe.client, playbook.publicId);
    await zoe.client.close();
    const mine = async () => (await storedRows()).filter((row) => row.visitor_id === zoe.visitorId);
    expect(await mine()).toHaveLength(1);
    const others = (await storedRows()).length - 1;
    const erased = await server.request({
      method: 'DELETE',
      url: `/api/v1/admin/privacy/visitor/${zoe.visitorId}`,
      as: admin,
    });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(await mine()).toEqual([]);
    expect(await storedRows()).toHaveLength(others);
  });
});
