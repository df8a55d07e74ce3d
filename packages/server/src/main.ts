import { readConfig } from './config';
import { bootCharla } from './boot';
import { startTracing } from './ops/tracing';

const result = readConfig(process.env);
if (!result.ok) {
  for (const problem of result.problems) console.error(`Invalid configuration: ${problem}`);
  process.exit(1);
}
const config = result.config;
// Before anything opens: the database and the HTTP server make spans only once tracing is on.
const tracing = await startTracing(process.env);
const charla = await bootCharla(config);
// A deep accept queue: after a network blip thousands of widgets reconnect at once.
await charla.app.listen({ port: config.port, host: config.host, backlog: 4096 });

if (charla.setupUrl) {
  const line = '─'.repeat(72);
  console.log(
    `\n${line}\n  Charla is running. Create the first admin here (one-time link):\n\n    ${charla.setupUrl}\n${line}\n`,
  );
}
console.log(
  `Charla inbox: ${config.publicUrl}/   demo page: ${config.publicUrl}/demo   API docs: ${config.publicUrl}/api/docs`,
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    charla
      .stop()
      .then(() => tracing?.shutdown())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  });
}
