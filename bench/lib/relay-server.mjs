// The bare transport for comparison: a `ws` relay with no storage and no auth. Same shapes as
// Charla where the load generator needs them (a visitor session endpoint, a 'ready' frame, acks,
// 'message' frames), so one driver runs both. Run: node relay-server.mjs <port>.
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { WebSocketServer } from 'ws';

const port = Number(process.argv[2] ?? 39000);
const byId = new Map();
let seq = 0;
const server = http.createServer((req, res) => {
  if (req.url === '/readyz') return res.end('{"ok":true}');
  if (req.method === 'POST' && req.url === '/api/v1/widget/session') {
    req.resume();
    return req.on('end', () => res.end(JSON.stringify({ visitorToken: randomBytes(16).toString('hex') })));
  }
  if (req.url === '/api/v1/admin/metrics') {
    return res.end(
      JSON.stringify({
        rss: process.memoryUsage.rss(),
        sockets: wss.clients.size,
        eventLoopDelay: { p99: 0 },
      }),
    );
  }
  res.statusCode = 404;
  res.end();
});
const wss = new WebSocketServer({ server, perMessageDeflate: false });
wss.on('connection', (ws, req) => {
  const id = new URL(req.url, 'http://x').searchParams.get('id') ?? randomBytes(8).toString('hex');
  byId.set(id, ws);
  ws.on('close', () => byId.get(id) === ws && byId.delete(id));
  ws.on('error', () => ws.terminate());
  ws.send(JSON.stringify({ type: 'ready' }));
  ws.on('message', (raw) => {
    const frame = JSON.parse(raw.toString());
    if (frame.type !== 'send') return;
    seq += 1;
    const message = {
      id: String(seq),
      seq,
      conversationId: frame.conversationId,
      clientMsgId: frame.clientMsgId,
      body: frame.body,
      createdAt: Date.now(),
    };
    ws.send(JSON.stringify({ type: 'ack', ref: frame.ref, clientMsgId: frame.clientMsgId, message }));
    byId.get(frame.to)?.send(JSON.stringify({ type: 'message', message }));
  });
});
server.listen(port, '0.0.0.0');
