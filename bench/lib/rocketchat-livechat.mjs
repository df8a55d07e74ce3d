// Rocket.Chat Livechat 1.13.3, the published widget only (npm `@rocket.chat/livechat`, a devDependency
// of bench/), served on loopback for the widget scenario's side-by-side open. NO Rocket.Chat server
// runs here: this file serves the package's static `build/` at /livechat, a host page with the
// snippet from the package's own widget-demo.html, and answers the few calls its shell makes to get
// to its chat window — GET /api/v1/livechat/config (a minimal static config: online, no
// registration form), POST /api/v1/livechat/page.visited, and on the DDP WebSocket (/websocket)
// `connect` → `connected`, `ping` → `pong` and any `method` → an empty result. No room, agent or
// message exists, so the figures are for opening its chat shell, not for a conversation.
import http from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { WebSocketServer } from 'ws';

const require = createRequire(import.meta.url);
export const LIVECHAT_BUILD = path.join(
  path.dirname(require.resolve('@rocket.chat/livechat/package.json')),
  'build',
);
export const LIVECHAT_VERSION = require('@rocket.chat/livechat/package.json').version;

const TYPES = {
  js: 'text/javascript',
  css: 'text/css',
  html: 'text/html; charset=utf-8',
  png: 'image/png',
  svg: 'image/svg+xml',
};

// What its shell reads before it shows the chat: online with no registration form opens straight to
// the conversation screen (offline would route to the leave-a-message form).
const CONFIG = {
  success: true,
  config: {
    enabled: true,
    online: true,
    settings: {
      registrationForm: false,
      nameFieldRegistrationForm: false,
      emailFieldRegistrationForm: false,
    },
    theme: { title: 'Support', color: '#1a73e8' },
    messages: {},
    triggers: [],
    departments: [],
    resources: {},
  },
};

function hostPage(origin) {
  const url = `${origin}/livechat?serverUrl=${encodeURIComponent(origin)}`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host page</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>A host page</h1><p>The same kind of page Charla's /demo is: some text and the chat launcher.</p></main>
<script>(function(w, d, s, u) {
  w.RocketChat = function(c) { w.RocketChat._.push(c) }; w.RocketChat._ = []; w.RocketChat.url = u;
  var h = d.getElementsByTagName(s)[0], j = d.createElement(s);
  j.async = true; j.src = '/livechat/rocketchat-livechat.min.js';
  h.parentNode.insertBefore(j, h);
})(window, document, 'script', ${JSON.stringify(url)});</script></body></html>`;
}

function sendJson(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function serveStatic(res, file) {
  if (!file.startsWith(LIVECHAT_BUILD) || !existsSync(file)) return sendJson(res, 404, { success: false });
  res.writeHead(200, { 'content-type': TYPES[file.split('.').pop()] ?? 'application/octet-stream' });
  return res.end(readFileSync(file));
}

function answerDdp(wss) {
  wss.on('connection', (socket) => {
    socket.on('message', (data) => {
      let frame;
      try {
        frame = JSON.parse(String(data));
      } catch {
        return;
      }
      if (frame.msg === 'connect') socket.send(JSON.stringify({ msg: 'connected', session: 'bench' }));
      else if (frame.msg === 'ping') socket.send(JSON.stringify({ msg: 'pong' }));
      else if (frame.msg === 'method')
        socket.send(JSON.stringify({ msg: 'result', id: frame.id, result: {} }));
    });
  });
}

/** Starts the static widget + stand-in answers on 127.0.0.1:port. Resolves { url, hostPage, stop() }. */
export async function startLivechat(port) {
  const origin = `http://127.0.0.1:${port}`;
  const requests = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    requests.push(`${req.method} ${url.pathname}`);
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': TYPES.html, 'cache-control': 'no-store' });
      return res.end(hostPage(origin));
    }
    if (url.pathname === '/livechat') return serveStatic(res, path.join(LIVECHAT_BUILD, 'index.html'));
    if (url.pathname.startsWith('/livechat/'))
      return serveStatic(
        res,
        path.join(LIVECHAT_BUILD, path.normalize(url.pathname.slice('/livechat/'.length))),
      );
    if (url.pathname === '/api/v1/livechat/config') return sendJson(res, 200, CONFIG);
    if (url.pathname === '/api/v1/livechat/page.visited') return sendJson(res, 200, { success: true });
    return sendJson(res, 404, { success: false });
  });
  const wss = new WebSocketServer({ server, path: '/websocket' });
  answerDdp(wss);
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `${origin}/`,
    requests,
    stop() {
      for (const client of wss.clients) client.terminate();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}
