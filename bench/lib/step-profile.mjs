// A CPU profile of a running server over one measured step only (setup left out), through the
// inspector the server was started with (`--inspect=127.0.0.1:<port>`): Chrome DevTools Protocol
// `Profiler.start` / `Profiler.stop`. Read the result with `node bench/lib/profile-top.mjs <file>`.
import { writeFileSync } from 'node:fs';
import WebSocket from 'ws';

export const INSPECTOR_PORT = 9239;

/** Starts sampling now; `stop(file)` writes the .cpuprofile and disconnects. */
export async function startStepProfile(port = INSPECTOR_PORT) {
  const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
  const ws = new WebSocket(targets[0].webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const pending = new Map();
  let nextId = 0;
  ws.on('message', (raw) => {
    const reply = JSON.parse(raw.toString());
    pending.get(reply.id)?.(reply);
    pending.delete(reply.id);
  });
  const call = (method, params = {}) =>
    new Promise((resolve) => {
      nextId += 1;
      pending.set(nextId, resolve);
      ws.send(JSON.stringify({ id: nextId, method, params }));
    });
  await call('Profiler.enable');
  await call('Profiler.setSamplingInterval', { interval: 500 });
  await call('Profiler.start');
  return {
    async stop(file) {
      const reply = await call('Profiler.stop');
      writeFileSync(file, JSON.stringify(reply.result.profile));
      ws.close();
    },
  };
}
