import type { TVisitorServerFrame } from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_ORIGIN, type TestServer } from '../../test/harness';
import { testDialect } from '../../test/test-db';
import { createActivePlaybook, goOnline } from '../../test/playbook-setup';
import { connectAgent, connectVisitor, newClientId, text } from '../../test/visitor-client';

const TOKEN = 'metrics-token-for-the-test';

/** One sample of a Prometheus text exposition (0 when the series is absent). */
function sample(body: string, series: string): number {
  const line = body.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('GET /metrics', () => {
  let server: TestServer;
  let baseUrl: string;
  const scrape = async () => {
    const res = await server.request({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.body;
  };

  beforeAll(async () => {
    server = await startTestServer({ env: { METRICS_TOKEN: TOKEN }, runJobs: true });
    baseUrl = await server.listen();
  });
  afterAll(() => server.close());

  it('refuses a scraper without the token, with the request id in the error body', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token-wrong-token', `Basic ${TOKEN}`]) {
      const res = await server.request({
        url: '/metrics',
        headers: { ...(authorization ? { authorization } : {}), 'x-request-id': 'req-from-proxy-1' },
      });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED', requestId: 'req-from-proxy-1' } });
      expect(res.headers['x-request-id']).toBe('req-from-proxy-1');
    }
  });

  it('exposes the listed series, and they move when messages flow', async () => {
    const before = await scrape();
    for (const name of [
      'charla_websocket_connections',
      'charla_messages_persisted_total',
      'charla_frames_sent_total',
      'charla_ack_latency_seconds',
      'charla_job_lag_seconds',
      'charla_webhook_outbox',
      'charla_mail_outbox',
      'charla_bus_connected',
      'charla_http_request_duration_seconds',
      'nodejs_eventloop_lag_p99_seconds',
    ]) {
      expect(before).toContain(`# TYPE ${name} `);
    }
    expect(sample(before, 'charla_bus_connected')).toBe(1);
    expect(sample(before, 'charla_webhook_outbox{state="pending"}')).toBe(0);

    const admin = await server.createUser('admin');
    const user = await server.createUser('regular', 'Uma');
    const playbook = await createActivePlaybook(server, admin);
    // A webhook receiver that refuses connections (port 9): deliveries wait in the outbox and fail.
    for (const [method, url, payload] of [
      ['PUT', '/api/v1/admin/settings/webhooks', { allowPrivateWebhookTargets: true }],
      [
        'POST',
        '/api/v1/admin/webhooks',
        { url: 'http://127.0.0.1:9/hook', events: ['conversation.created'] },
      ],
    ] as const) {
      const res = await server.request({ method, url, as: admin, payload });
      expect(res.statusCode, res.body).toBeLessThan(300);
    }
    // No SMTP in tests: a queued mail is recorded as skipped.
    await server.charla.services.mail.enqueue('test', { to: 'ops@example.com', language: 'en', params: {} });
    await goOnline(server, user);
    const agent = await connectAgent(baseUrl, user.cookie, TEST_ORIGIN);
    const visitor = await connectVisitor(baseUrl);
    visitor.client.send({ type: 'start', ref: 's', playbookId: playbook.publicId, startKey: newClientId() });
    const conv = await visitor.client.waitFor(
      (f): f is Extract<TVisitorServerFrame, { type: 'conversation' }> =>
        f.type === 'conversation' && f.ref === 's',
    );
    const conversationId = conv.conversation.id;
    visitor.client.send({
      type: 'answer',
      ref: 'a',
      conversationId,
      clientMsgId: newClientId(),
      answer: { kind: 'button', optionId: 'talk' },
    });
    await visitor.client.waitFor((f) => f.type === 'ack' && f.ref === 'a');
    await server.request({ method: 'POST', url: `/api/v1/conversations/${conversationId}/assign`, as: user });
    await agent.follow(conversationId);
    visitor.client.send({
      type: 'send',
      ref: 'v',
      conversationId,
      clientMsgId: newClientId(),
      body: text('hi'),
    });
    await visitor.client.waitFor((f) => f.type === 'ack' && f.ref === 'v');
    await agent.waitFor((f) => f.type === 'message' && f.message.author.kind === 'visitor');

    const after = await scrape();
    expect(sample(after, 'charla_websocket_connections{kind="visitor"}')).toBe(1);
    expect(sample(after, 'charla_websocket_connections{kind="agent"}')).toBe(1);
    expect(sample(after, 'charla_messages_persisted_total{author="visitor"}')).toBeGreaterThanOrEqual(2);
    expect(sample(after, 'charla_messages_persisted_total{author="bot"}')).toBeGreaterThan(0);
    expect(sample(after, 'charla_frames_sent_total{type="message"}')).toBeGreaterThan(
      sample(before, 'charla_frames_sent_total{type="message"}'),
    );
    expect(sample(after, 'charla_ack_latency_seconds_count{kind="visitor"}')).toBe(2);
    expect(sample(after, 'charla_job_lag_seconds{job="waiting-sweep"}')).toBeGreaterThanOrEqual(0);
    // The sweep runs every 500 ms: wait for its first run rather than assume the test took that long.
    const swept = /charla_job_duration_seconds_count\{job="waiting-sweep",outcome="ok"\} [1-9]/;
    for (let i = 0; i < 100 && !swept.test(await scrape()); i += 1)
      await new Promise((r) => setTimeout(r, 100));
    expect(await scrape()).toMatch(swept);
    expect(after).toMatch(
      /charla_http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/conversations\/:conversationId\/assign",status="2xx"\} 1/,
    );

    expect(sample(after, 'charla_mail_outbox{state="skipped"}')).toBe(
      sample(before, 'charla_mail_outbox{state="skipped"}') + 1,
    );
    // The new conversation's webhook delivery is queued, then retried after the refused attempt.
    const webhookMoved = (body: string) =>
      sample(body, 'charla_webhook_outbox{state="pending"}') +
        sample(body, 'charla_webhook_outbox{state="failed"}') >
        0 && sample(body, 'charla_job_duration_seconds_count{job="webhook-outbox",outcome="ok"}') > 0;
    let latest = after;
    for (let i = 0; i < 100 && !webhookMoved(latest); i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      latest = await scrape();
    }
    expect(webhookMoved(latest)).toBe(true);

    if (testDialect === 'postgres') {
      expect(sample(after, 'charla_db_pool_wait_seconds_count')).toBeGreaterThan(0);
      expect(after).toContain('charla_db_pool_connections{state="idle"}');
    }
    await visitor.client.close();
    await agent.close();
  });
});

describe('GET /metrics without METRICS_TOKEN', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('is off (404), whatever the caller sends', async () => {
    const res = await server.request({
      url: '/metrics',
      headers: { authorization: 'Bearer anything-at-all-here' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json<{ error: { requestId: string } }>().error.requestId).toBe(res.headers['x-request-id']);
  });
});
