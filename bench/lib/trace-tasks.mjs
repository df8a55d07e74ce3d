// Main-thread work from a Chromium trace: the renderer main threads' top-level tasks, summed between
// two `performance.mark()`s the page made (their trace timestamps share the tasks' clock).

export const TRACE_CATEGORIES = ['toplevel', 'blink.user_timing', 'disabled-by-default-devtools.timeline'];

/** Parses Playwright's stopTracing() buffer into { tasks: [{ start, end }] (µs), marks: Map(name → first µs) }. */
export function readTrace(buffer) {
  const events = JSON.parse(String(buffer)).traceEvents ?? [];
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const tasks = events
    .filter(
      (e) =>
        e.ph === 'X' &&
        (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') &&
        mainThreads.has(`${e.pid}:${e.tid}`) &&
        typeof e.dur === 'number',
    )
    .map((e) => ({ start: e.ts, end: e.ts + e.dur, name: e.name }));
  // Both names wrap the same tasks in some Chromium versions: keep the outer one only.
  const names = new Set(tasks.map((t) => t.name));
  const keep = names.has('ThreadControllerImpl::RunTask') ? 'ThreadControllerImpl::RunTask' : 'RunTask';
  const marks = new Map();
  for (const e of events) {
    if (!String(e.cat).includes('blink.user_timing') || marks.has(e.name)) continue;
    marks.set(e.name, e.ts);
  }
  return { tasks: tasks.filter((t) => t.name === keep), marks };
}

/** Busy milliseconds of the main threads between from and to (µs), tasks clipped to the window. */
export function busyMs(tasks, from, to) {
  let us = 0;
  for (const t of tasks) us += Math.max(0, Math.min(t.end, to) - Math.max(t.start, from));
  return us / 1000;
}

/** The longest task (ms) that overlaps the window. */
export function longestTaskMs(tasks, from, to) {
  let longest = 0;
  for (const t of tasks)
    if (t.end > from && t.start < to) longest = Math.max(longest, (t.end - t.start) / 1000);
  return longest;
}
