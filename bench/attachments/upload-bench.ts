import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { startTestServer } from '../../packages/server/src/test/harness';
import { seedConversation } from '../../packages/server/src/modules/search/search.fixtures';

// npx tsx bench/attachments/upload-bench.ts [--uploads=50] [--mb=5]
// One in-process Charla (SQLite, local-disk storage). A user uploads N files of M MB at once to
// N conversations over real HTTP; prints the event loop's delay p50/p99/max and the process's RSS
// growth while they stream (issue 17: p99 < 50 ms and RSS growth < 100 MB at 50 × 5 MB). The
// files are PDFs (streamed and hashed, not re-encoded) with distinct content, so none is deduplicated;
// the client is a separate process (upload-client.mjs).

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const uploads = Number(arg('uploads', '50'));
const bytes = Number(arg('mb', '5')) * 1024 * 1024;
const clientScript = join(import.meta.dirname, 'upload-client.mjs');

async function main(): Promise<void> {
  const filesDir = mkdtempSync(join(tmpdir(), 'charla-bench-files-'));
  const server = await startTestServer({
    env: { FILES_DIR: filesDir, FILES_CONVERSATION_MAX_BYTES: String(bytes * 4) },
  });
  const baseUrl = await server.listen();
  const user = await server.createUser('regular', 'Bench');
  const chats: string[] = [];
  for (let i = 0; i < uploads; i += 1)
    chats.push(await seedConversation(server, { messages: ['hi'], status: 'assigned', assigneeId: user.id }));
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const started = performance.now();
  const client = spawn(process.execPath, [clientScript, baseUrl, user.cookie, String(bytes), ...chats], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  client.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await once(client, 'exit');
  const statuses = JSON.parse(output) as number[];
  const seconds = (performance.now() - started) / 1000;
  delay.disable();
  clearInterval(sampler);
  const ms = (ns: number) => (ns / 1e6).toFixed(1);
  console.log(`${uploads} concurrent uploads of ${bytes / 1024 / 1024} MB in ${seconds.toFixed(2)} s`);
  console.log(
    `statuses: ${JSON.stringify(Object.fromEntries(statuses.map((s) => [s, statuses.filter((x) => x === s).length])))}`,
  );
  console.log(
    `event-loop delay p50 ${ms(delay.percentile(50))} ms, p99 ${ms(delay.percentile(99))} ms, max ${ms(delay.max)} ms`,
  );
  console.log(
    `RSS growth (peak - before): ${((rssPeak - rssBefore) / 1024 / 1024).toFixed(1)} MB (the client runs in its own process)`,
  );
  await server.close();
  rmSync(filesDir, { recursive: true, force: true });
}

await main();
