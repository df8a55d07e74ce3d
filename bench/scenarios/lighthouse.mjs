// The inbox's first load (issue 25 item 5), as figures for the suite: Lighthouse 12 performance
// of the login page and the inbox, mobile and desktop presets (median of 3 audits each).
// bench/lighthouse.mjs measures; `node bench/lighthouse.mjs` prints every metric.
import { measureLighthouse } from '../lighthouse.mjs';

export async function lighthouseScenario({ quick, log, nextPort }) {
  const runs = quick ? 1 : 3;
  const rows = await measureLighthouse({ runs, port: nextPort(), log });
  return {
    figures: rows.map((row) => ({
      name: `lighthouse.${row.page}.${row.formFactor}`,
      value: row.score,
      unit: 'score',
      conditions: `sqlite, Debian's Chromium, Lighthouse's simulated throttling, median of ${runs}; FCP ${row['FCP ms']} ms, LCP ${row['LCP ms']} ms, TBT ${row['TBT ms']} ms, CLS ${row.CLS}`,
      target: `≥ ${row.target}`,
      ok: row.score >= row.target,
    })),
  };
}
