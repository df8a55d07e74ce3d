// What one persisted message costs the server (issue 25 item 4), as figures for the suite: CPU
// time, database statements, disk writes (SQLite) and frames per message at a fixed rate below
// saturation (100 msg/s, 20 users, 100 assigned chats, reads on). bench/message-cost.mjs
// measures; run it alone for other rates or a build to compare with.
import { measureMessageCost } from '../message-cost.mjs';

export async function costScenario({ quick, nextPort }) {
  const figures = [];
  for (const storage of ['sqlite', 'postgres']) {
    const r = await measureMessageCost({ storage, rate: 100, seconds: quick ? 8 : 20, port: nextPort() });
    const conditions = `${storage}, ${r.rate} msg/s for ${r.seconds} s, 20 users, 100 assigned chats, each message read by its receiver; load average ${r.loadAverage.join(' ')}`;
    figures.push(
      {
        name: `cost.${storage}.cpu_per_message`,
        value: r.cpuMsPerMessage,
        unit: 'ms',
        conditions: `${conditions}; server CPU ${r.serverCpuPercent} %`,
        ...(storage === 'sqlite' ? { target: '≤ 0.25 ms', ok: r.cpuMsPerMessage <= 0.25 } : {}),
      },
      {
        name: `cost.${storage}.statements_per_message`,
        value: r.statementsPerMessage,
        unit: 'statements',
        conditions: `${conditions}; BEGIN and COMMIT included${storage === 'postgres' ? ' (each a round trip)' : ''}`,
      },
      {
        name: `cost.${storage}.frames_per_message`,
        value: r.framesPerMessage,
        unit: 'frames',
        conditions,
      },
      ...(r.diskKbPerMessage === null
        ? []
        : [
            {
              name: `cost.${storage}.disk_per_message`,
              value: r.diskKbPerMessage,
              unit: 'KB',
              conditions: `${conditions}; bytes the server process sent to storage (WAL frames and checkpoints)`,
            },
          ]),
      {
        name: `cost.${storage}.lost`,
        value: r.lost,
        unit: 'messages',
        conditions,
        target: '0',
        ok: r.lost === 0,
      },
    );
  }
  return { figures };
}
