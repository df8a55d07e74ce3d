// In-page measurements of the inbox's timeline for bench/inbox-thread.mjs: opening a conversation
// from the list (click → latest message painted) and frame times while scrolling a long thread.
// Everything that is timed runs inside the page (performance.now, requestAnimationFrame), so
// Playwright's own round trips are not in the figures.
import { round } from './util.mjs';

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const pct = (xs, p) => sorted(xs)[Math.min(xs.length - 1, Math.max(0, Math.ceil((p / 100) * xs.length) - 1))];
const FRAME_MS = 1000 / 60;

/**
 * Clicks the conversation in the list and resolves the milliseconds until a row holding `wanted`
 * is in the DOM and a frame has been produced after it (rAF, then a task: the paint happened).
 */
export async function openFromList(page, conversationId, wanted) {
  await page.locator(`[data-conversation-id="${conversationId}"]`).first().waitFor({ timeout: 60_000 });
  return page.evaluate(
    ({ id, text }) =>
      new Promise((resolve) => {
        const link = document.querySelector(`[data-conversation-id="${id}"]`);
        let t0 = 0;
        const observer = new MutationObserver((records) => {
          for (const r of records)
            for (const node of r.addedNodes)
              if (node.textContent?.includes(text)) {
                observer.disconnect();
                requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
                return;
              }
        });
        observer.observe(document.body, { childList: true, subtree: true });
        t0 = performance.now();
        link.click();
      }),
    { id: conversationId, text: wanted },
  );
}

/** How many rows the timeline has in the DOM (all of them without windowing). */
export function rowsInDom(page) {
  return page.evaluate(() => document.querySelectorAll('[data-testid="timeline"] > li').length);
}

/**
 * Scrolls the open timeline from the bottom towards the top by `step` px per frame for up to
 * `frames` frames (stopping once at the top with nothing more arriving), then jumps to `jumps`
 * random positions one per frame (a scrollbar drag). Returns the rAF frame intervals of each
 * phase, plus an idle phase of the same page without scrolling as the baseline cadence.
 */
export async function scrollFrames(page, { step = 200, frames = 900, jumps = 120 } = {}) {
  return page.evaluate(
    async ({ step, frames, jumps }) => {
      const scroller = document.querySelector('[data-testid="timeline"]').closest('.timeline');
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      const run = async (count, act) => {
        const times = [];
        let last = await frame();
        for (let i = 0; i < count; i += 1) {
          if (act(i) === false) break;
          const t = await frame();
          times.push(t - last);
          last = t;
        }
        return times;
      };
      // As a wheel would: the timeline leaves the bottom only when the user scrolls.
      const scrollTo = (top) => {
        scroller.dispatchEvent(new WheelEvent('wheel', { bubbles: true }));
        scroller.scrollTop = top;
      };
      scrollTo(scroller.scrollHeight);
      await frame();
      const idle = await run(120, () => true);
      let atTopFor = 0;
      const startHeight = scroller.scrollHeight;
      let travelled = 0;
      const up = await run(frames, () => {
        if (scroller.scrollTop === 0) atTopFor += 1;
        else atTopFor = 0;
        if (atTopFor > 60) return false;
        const before = scroller.scrollTop;
        scrollTo(Math.max(0, before - step));
        travelled += before - scroller.scrollTop;
        return true;
      });
      const jump = await run(jumps, () => {
        scrollTo(Math.random() * (scroller.scrollHeight - scroller.clientHeight));
      });
      return {
        idle,
        up,
        jump,
        travelled,
        startHeight,
        endHeight: scroller.scrollHeight,
        rows: document.querySelectorAll('[data-testid="timeline"] > li').length,
      };
    },
    { step, frames, jumps },
  );
}

/** Median, p95, and frames missed (an interval of k frames misses k − 1) of rAF intervals. */
export function frameStats(times) {
  if (times.length === 0) return { frames: 0, median: 0, p95: 0, dropped: 0, worst: 0 };
  const dropped = times.reduce((n, t) => n + Math.max(0, Math.round(t / FRAME_MS) - 1), 0);
  return {
    frames: times.length,
    median: round(pct(times, 50), 1),
    p95: round(pct(times, 95), 1),
    worst: round(Math.max(...times), 0),
    dropped,
  };
}
