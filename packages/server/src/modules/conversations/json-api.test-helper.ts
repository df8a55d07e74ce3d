import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ApiRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: string };

/**
 * A real JSON API on 127.0.0.1 for HTTP request card tests: records every request it receives
 * and answers by path — `/plan` JSON, `/slow` too late, `/boom` 500, `/html` not JSON, `/big`
 * more than 256 KB, `/moved` a redirect to `/plan`.
 */
export async function startJsonApi() {
  const requests: ApiRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      requests.push({
        method: req.method ?? '',
        path,
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      });
      const json = (status: number, value: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
      if (path.startsWith('/plan')) json(200, { data: { plan: 'pro', seats: 12, echo: req.method } });
      else if (path.startsWith('/slow')) setTimeout(() => json(200, { data: { plan: 'late' } }), 3000);
      else if (path.startsWith('/boom')) json(500, { error: 'down' });
      else if (path.startsWith('/html'))
        res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>Hi</h1>');
      else if (path.startsWith('/big')) json(200, { data: { plan: 'x'.repeat(300 * 1024) } });
      else if (path.startsWith('/moved')) res.writeHead(302, { location: '/plan' }).end();
      else json(404, {});
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
