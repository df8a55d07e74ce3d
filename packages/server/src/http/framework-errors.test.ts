import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../test/harness';

type RawResponse = { status: number; headers: string; body: string };

/**
 * Writes raw bytes on a fresh TCP connection and reads until the server closes it (or the
 * response is complete), so nothing in between (fetch, light-my-request) repairs the request.
 * Write errors are ignored on purpose: a server that refuses a body may stop reading it; what
 * matters is the answer the client can still read.
 */
function rawRequest(port: number, head: string, body?: Buffer | string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [headers = '', ...rest] = text.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(headers)?.[1] ?? 0);
      if (status === 0) reject(new Error(`no HTTP response (${text.length} bytes read)`));
      else resolve({ status, headers, body: rest.join('\r\n\r\n') });
    });
    socket.write(head);
    void writeSlowly(socket, body ?? Buffer.alloc(0)).then(() => socket.end());
  });
}

/** Like a client on a real network: the body trickles in while the server may already answer. */
async function writeSlowly(socket: Socket, body: Buffer | string): Promise<void> {
  const bytes = Buffer.from(body);
  for (let offset = 0; offset < bytes.length && !socket.destroyed; offset += 64 * 1024) {
    socket.write(bytes.subarray(offset, offset + 64 * 1024));
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const get = (path: string, extra = '') =>
  `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\nConnection: close\r\n${extra}\r\n`;

function errorOf(response: RawResponse): { code: string; message: string } {
  const json = JSON.parse(response.body) as { error: { code: string; message: string } };
  expect(Object.keys(json)).toEqual(['error']);
  return json.error;
}

describe('framework-level errors over raw HTTP', () => {
  let server: TestServer;
  let admin: TestUser;
  let port: number;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.createUser('admin');
    port = Number(new URL(await server.listen()).port);
  });
  afterAll(() => server.close());

  it('answers a path with broken percent-encoding with 400 INVALID_URL and does not echo it', async () => {
    const response = await rawRequest(port, get('/api/v1/conversations/%ED%A0%80x-marker'));
    expect(response.status).toBe(400);
    expect(errorOf(response).code).toBe('INVALID_URL');
    expect(response.body).not.toMatch(/%ED|x-marker|FST_/);
  });

  it('answers an over-long path parameter with 414 URL_TOO_LONG and does not echo it', async () => {
    const response = await rawRequest(port, get(`/api/v1/conversations/${'q'.repeat(300)}`));
    expect(response.status).toBe(414);
    expect(errorOf(response).code).toBe('URL_TOO_LONG');
    expect(response.body).not.toMatch(/qqqq|FST_/);
  });

  it('answers headers over the limit with 431 HEADERS_TOO_LARGE in the error shape', async () => {
    const response = await rawRequest(port, get('/healthz', `X-Filler: ${'h'.repeat(20_000)}\r\n`));
    expect(response.status).toBe(431);
    expect(errorOf(response).code).toBe('HEADERS_TOO_LARGE');
    expect(response.body).not.toContain('hhhh');
  });

  it('answers a malformed request line with 400 BAD_REQUEST in the error shape', async () => {
    const response = await rawRequest(port, 'NOT HTTP AT ALL\r\n\r\n');
    expect(response.status).toBe(400);
    expect(errorOf(response).code).toBe('BAD_REQUEST');
  });

  for (const [framing, size] of [
    ['content-length', 2 * 1024 * 1024],
    ['chunked', 2 * 1024 * 1024],
    ['content-length', 10 * 1024 * 1024],
  ] as const) {
    it(`lets a client read 413 PAYLOAD_TOO_LARGE for a ${size / 1024 / 1024} MB body (${framing}), then closes`, async () => {
      const body = Buffer.from(JSON.stringify({ name: 'x'.repeat(size) }));
      const length =
        framing === 'content-length'
          ? `Content-Length: ${body.length}\r\n`
          : 'Transfer-Encoding: chunked\r\n';
      const head =
        `POST /api/v1/admin/users HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
        `Cookie: ${admin.cookie}\r\nOrigin: http://charla.test\r\n${length}\r\n`;
      const payload =
        framing === 'content-length'
          ? body
          : Buffer.concat([
              Buffer.from(`${body.length.toString(16)}\r\n`),
              body,
              Buffer.from('\r\n0\r\n\r\n'),
            ]);
      const response = await rawRequest(port, head, payload);
      expect(response.status).toBe(413);
      expect(errorOf(response).code).toBe('PAYLOAD_TOO_LARGE');
      expect(response.headers.toLowerCase()).toContain('connection: close');
    });
  }

  it('is still healthy afterwards', async () => {
    expect((await rawRequest(port, get('/healthz'))).status).toBe(200);
  });
});
