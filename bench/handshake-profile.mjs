// `node bench/handshake-profile.mjs [--visitors=1000] [--rounds=5]` (after `npm run build -w
// @charla/server`): where a visitor WebSocket handshake spends the server's time. Opens the
// visitors' sockets, closes and opens them again `rounds` times 64 at a time, and prints the rate
// and the server's top self-time functions over the whole run (a CPU profile, --cpu-prof).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { connectIdle, forkIdleWorker } from './lib/workers.mjs';
import { freshDatabase, startServer } from './lib/util.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) =>
  Number((args.find((a) => a.startsWith(`--${name}=`)) ?? `=${fallback}`).split('=')[1]);
const visitors = option('visitors', 1000);
const rounds = option('rounds', 5);

const tmpDir = mkdtempSync(path.join(os.tmpdir(), 'charla-handshakes-'));
const profiles = path.join(tmpDir, 'profiles');
const db = freshDatabase('sqlite', tmpDir);
const server = await startServer({
  databaseUrl: db.url,
  port: 39450,
  nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profiles}`],
});
const workers = [forkIdleWorker(), forkIdleWorker()];
await connectIdle(workers, server.url, visitors);
const rates = [];
for (let round = 0; round < rounds; round += 1) {
  const runs = await Promise.all(workers.map((w) => w.call('handshakes', { concurrency: 64 })));
  const count = runs.reduce((sum, r) => sum + r.count, 0);
  rates.push(Math.round(count / (Math.max(...runs.map((r) => r.ms)) / 1000)));
}
await Promise.all(workers.map((w) => w.close()));
await server.stop();
console.log(`handshakes/s per round: ${rates.join(', ')} (load average ${os.loadavg()[0].toFixed(1)})`);
const top = fileURLToPath(new URL('./lib/profile-top.mjs', import.meta.url));
const [profile] = readdirSync(profiles);
console.log(
  execFileSync(process.execPath, [top, path.join(profiles, profile), process.env.TOP ?? '20'], {
    encoding: 'utf8',
  }),
);
if (process.env.KEEP_PROFILE) console.log(path.join(profiles, profile));
