import type { Page } from 'playwright-core';

/**
 * The texts matching `selector` in every item of the inbox's timeline, in order. The timeline is
 * windowed (issue 25): only the items near the viewport are in the DOM, so this scrolls it to the
 * top (until no older history is loading), then down half a screen at a time, reading each item
 * once by its index.
 */
export async function timelineTexts(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(async (sel) => {
    const scroller = document.querySelector<HTMLElement>('.timeline');
    if (!scroller) throw new Error('no timeline');
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
    // As a wheel would: the timeline leaves the bottom only when the user scrolls.
    const scrollTo = (top: number) => {
      scroller.dispatchEvent(new WheelEvent('wheel', { bubbles: true }));
      scroller.scrollTop = top;
    };
    for (let stable = 0; stable < 5;) {
      scrollTo(0);
      await frame();
      const busy = document.querySelector('[data-testid="timeline-older"]') !== null;
      stable = busy || scroller.scrollTop > 0 ? 0 : stable + 1;
    }
    const byIndex = new Map<number, string[]>();
    for (;;) {
      const items = Array.from(
        document.querySelectorAll<HTMLElement>('[data-testid="timeline"] > li[data-index]'),
      );
      for (const li of items) {
        const found = Array.from(li.querySelectorAll<HTMLElement>(sel));
        byIndex.set(
          Number(li.dataset.index),
          found.map((e) => e.innerText.trim()),
        );
      }
      if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) break;
      scrollTo(scroller.scrollTop + scroller.clientHeight / 2);
      await frame();
    }
    return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).flatMap(([, texts]) => texts);
  }, selector);
}
