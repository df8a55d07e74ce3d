// Long conversations in the inbox (issue 25 item 1), as figures for the suite: one incoming
// message in an open 2,000-message conversation (main-thread work and the longest task), opening
// it from the list, and frame times scrolling a 10,000-message thread. bench/inbox-thread.mjs
// measures; `node bench/inbox-thread.mjs` prints every size.
import { measureInboxThread } from '../inbox-thread.mjs';

const CONDITIONS = 'sqlite, real server and WebSockets, headless Chromium without CPU throttling, 1440×900';

export async function inboxScenario({ quick, log, nextPort }) {
  const size = quick ? 400 : 2000;
  const scrollSize = quick ? 2000 : 10_000;
  const { results, scroll } = await measureInboxThread({ sizes: [size], scrollSize, port: nextPort(), log });
  const r = results[0];
  const figure = (name, value, unit, conditions, target, ok) => ({
    name,
    value,
    unit,
    conditions: `${CONDITIONS}; ${conditions}`,
    ...(target ? { target, ok } : {}),
  });
  const figures = [
    figure(
      `inbox.message_main_thread_${size}`,
      r.taskMedian,
      'ms',
      `one incoming message, median of 10 arrivals (CDP TaskDuration, 600 ms settle); p95 ${r.taskP95} ms, idle window ${r.idleMedian} ms`,
      '≤ 16 ms',
      r.taskMedian <= 16,
    ),
    figure(
      `inbox.message_longest_task_${size}`,
      r.longest,
      'ms',
      'longest task during those arrivals',
      '≤ 50 ms',
      r.longest <= 50,
    ),
    figure(
      `inbox.open_${size}`,
      r.clickOpenMs,
      'ms',
      `a click in the loaded list → the latest message painted (a full page load: ${r.openMs} ms)`,
      '≤ 150 ms',
      r.clickOpenMs <= 150,
    ),
  ];
  if (scroll) {
    // 60 fps: a frame every 16.7 ms; rAF intervals jitter a little around it, so count the frames
    // the browser skipped (an interval of two frames or more) rather than compare the intervals.
    const { up, jump } = scroll;
    const droppedPercent = Math.round((1000 * (up.dropped + jump.dropped)) / (up.frames + jump.frames)) / 10;
    figures.push(
      figure(
        `inbox.scroll_${scrollSize}_dropped_frames`,
        droppedPercent,
        '%',
        `scrolling up 200 px per frame (${up.frames} frames, interval median ${up.median} / p95 ${up.p95} / worst ${up.worst} ms) and random jumps (${jump.frames} frames, p95 ${jump.p95} / worst ${jump.worst} ms)`,
        '≤ 1 % (60 fps)',
        droppedPercent <= 1,
      ),
    );
  }
  return { figures };
}
