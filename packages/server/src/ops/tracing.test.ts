import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TVisitorServerFrame } from '@charla/protocol';
import {
  createPostgresDatabase,
  freePort,
  startServerProcess,
  type ServerProcess,
} from '../test/server-process';
import { FrameClient } from '../test/visitor-client';
import { tracingRequested } from './tracing';

// Issue 22 item 2: OpenTelemetry traces, switched on by the standard OTEL_* variables. A real
// server process sends its spans over OTLP/HTTP (JSON) to a small collector in this test.

type OtlpValue = { stringValue?: string; intValue?: string | number };
type OtlpSpan = {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: OtlpValue }[];
  status?: { code?: number; message?: string };
};
type OtlpExport = {
  resourceSpans: { resource: { attributes: OtlpSpan['attributes'] }; scopeSpans: { spans: OtlpSpan[] }[] }[];
};

const SERVER_KIND = 2;
const CLIENT_KIND = 3;
const ERROR_STATUS = 2;

const attribute = (span: OtlpSpan, key: string) => {
  const value = span.attributes.find((a) => a.key === key)?.value;
  return value?.stringValue ?? (value?.intValue === undefined ? undefined : Number(value.intValue));
};

/** A collector: keeps every span and the service name of the resource that sent it. */
function startCollector(): Promise<{
  server: Server;
  spans: OtlpSpan[];
  services: Set<string>;
  url: string;
}> {
  const spans: OtlpSpan[] = [];
  const services = new Set<string>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpExport;
      for (const resource of body.resourceSpans) {
        const name = resource.resource.attributes.find((a) => a.key === 'service.name');
        if (name?.value.stringValue) services.add(name.value.stringValue);
        for (const scope of resource.scopeSpans) spans.push(...scope.spans);
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, spans, services, url: `http://127.0.0.1:${port}` });
    }),
  );
}

async function eventually<T>(find: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 600; i += 1) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${what} arrived at the collector`);
}

describe('tracingRequested', () => {
  it('is on only with an OTLP endpoint, and off when the SDK or the traces exporter is switched off', () => {
    expect(tracingRequested({})).toBe(false);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' })).toBe(true);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/v1/traces' })).toBe(true);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c', OTEL_SDK_DISABLED: 'true' })).toBe(
      false,
    );
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c', OTEL_TRACES_EXPORTER: 'none' })).toBe(
      false,
    );
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c', OTEL_TRACES_EXPORTER: 'otlp' })).toBe(
      true,
    );
  });
});

describe('OpenTelemetry traces from a server process', () => {
  let collector: Awaited<ReturnType<typeof startCollector>>;
  let charla: ServerProcess;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    collector = await startCollector();
    let databaseUrl: string;
    if (process.env.CHARLA_TEST_DB === 'postgres') {
      const database = await createPostgresDatabase();
      databaseUrl = database.url;
      cleanup = () => database.drop();
    } else {
      const folder = mkdtempSync(join(tmpdir(), 'charla-tracing-'));
      databaseUrl = `sqlite:${join(folder, 'charla.db')}`;
      cleanup = async () => rmSync(folder, { recursive: true, force: true });
    }
    const port = await freePort();
    charla = await startServerProcess({
      databaseUrl,
      publicUrl: `http://127.0.0.1:${port}`,
      port,
      channel: `tracing-${port}`,
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
        OTEL_SERVICE_NAME: 'charla-under-test',
        OTEL_BSP_SCHEDULE_DELAY: '100',
      },
    });
  });
  afterAll(async () => {
    await charla?.kill();
    await cleanup?.();
    collector?.server.close();
  });

  it('sends a span per HTTP request with its route, status and request id, and its queries as children', async () => {
    const res = await fetch(`${charla.baseUrl}/api/v1/widget/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-me-1' },
      body: '{}',
    });
    expect(res.status).toBe(200);
    const request = await eventually(
      () => collector.spans.find((s) => attribute(s, 'charla.request_id') === 'trace-me-1'),
      'request span',
    );
    expect(request).toMatchObject({ name: 'POST /api/v1/widget/session', kind: SERVER_KIND });
    expect(attribute(request, 'http.response.status_code')).toBe(200);
    expect(attribute(request, 'http.route')).toBe('/api/v1/widget/session');
    const query = await eventually(
      () => collector.spans.find((s) => s.parentSpanId === request.spanId && s.kind === CLIENT_KIND),
      'database span under the request',
    );
    expect(query.traceId).toBe(request.traceId);
    expect(query.name).toMatch(/^db (insert|select|update)$/);
    expect(attribute(query, 'db.query.text')).toEqual(expect.any(String));
    expect(collector.services).toContain('charla-under-test');
  });

  it('sends a span per WebSocket frame, failed with the error code when the frame is refused', async () => {
    const session = (await (
      await fetch(`${charla.baseUrl}/api/v1/widget/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      })
    ).json()) as { visitorToken: string };
    const url = `${charla.baseUrl.replace('http', 'ws')}/ws/visitor?token=${session.visitorToken}`;
    const client = await FrameClient.connect<TVisitorServerFrame>(url);
    await client.waitFor((f) => f.type === 'ready');
    client.send({ type: 'start', ref: 's1', playbookId: 'pb_missing', startKey: 'trace-start-1' });
    await client.waitFor((f) => f.type === 'error' && f.ref === 's1');
    await client.close();
    const frame = await eventually(
      () => collector.spans.find((s) => s.name === 'ws visitor start'),
      'frame span',
    );
    expect(frame.status).toMatchObject({ code: ERROR_STATUS, message: 'PLAYBOOK_NOT_FOUND' });
    expect(attribute(frame, 'charla.frame')).toBe('start');
    // The frame's queries (the start key lookup) are its children.
    await eventually(
      () => collector.spans.find((s) => s.parentSpanId === frame.spanId && s.kind === CLIENT_KIND),
      'database span under the frame',
    );
  });
});
