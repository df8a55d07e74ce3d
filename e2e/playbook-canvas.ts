import type { Locator, Page } from 'playwright-core';

// Gestures on the playbook editor's flow canvas, as an admin makes them with the mouse or keyboard.

/**
 * A point of empty canvas beside (screen) point `from`, with room for a card: every probe around
 * it hits the canvas's pane, not a card, a link's label, a panel or the controls.
 */
export async function emptySpotBeside(
  page: Page,
  from: { x: number; y: number },
): Promise<{ x: number; y: number }> {
  const spot = await page.evaluate((from) => {
    const canvas = document.querySelector('.react-flow')?.getBoundingClientRect();
    if (!canvas) return null;
    const empty = (x: number, y: number) => {
      if (x < canvas.left + 8 || x > canvas.right - 8 || y < canvas.top + 48 || y > canvas.bottom - 8)
        return false;
      const hit = document.elementFromPoint(x, y);
      return (
        !!hit?.closest('.react-flow') &&
        !hit.closest(
          '.react-flow__node, .react-flow__edge, .react-flow__panel, .react-flow__controls, .react-flow__minimap',
        )
      );
    };
    for (const dx of [150, 110, 220, 300, -420])
      for (const dy of [0, 140, -140, 260, -260, 380]) {
        const x = from.x + dx;
        const y = from.y + dy;
        // Room for a card (about 220 × 120 on screen) from the drop point on.
        const probes = [
          [0, 0],
          [220, 0],
          [0, 100],
          [220, 100],
          [110, 50],
          [110, -30],
        ] as const;
        if (probes.every(([px, py]) => empty(x + px, y + py))) return { x, y };
      }
    return null;
  }, from);
  if (!spot) throw new Error(`no empty canvas beside the handle at ${from.x}, ${from.y}`);
  return spot;
}

/** The centre of one of a card's handles (`in` or an exit's port name). */
export async function handleCentre(
  page: Page,
  cardId: string,
  handle: string,
): Promise<{ x: number; y: number }> {
  const box = await page
    .getByTestId(`card-${cardId}`)
    .locator(`.react-flow__handle[data-handleid="${handle}"]`)
    .boundingBox();
  if (!box) throw new Error(`handle ${handle} of ${cardId} is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A point of bare canvas to grab it by (for panning), or null. */
async function grabPoint(page: Page): Promise<{ x: number; y: number } | null> {
  return page.evaluate(() => {
    const canvas = document.querySelector('.react-flow')?.getBoundingClientRect();
    if (!canvas) return null;
    for (let y = canvas.top + 60; y < canvas.bottom - 20; y += 40)
      for (let x = canvas.left + 20; x < canvas.right - 20; x += 40) {
        const hit = document.elementFromPoint(x, y);
        if (hit?.classList.contains('react-flow__pane')) return { x, y };
      }
    return null;
  });
}

/** Pans the canvas (dragging its background, as a user does) so `point` ends up left of middle. */
export async function panToShow(
  page: Page,
  point: { x: number; y: number },
): Promise<{ x: number; y: number }> {
  const canvas = await page.locator('.react-flow').boundingBox();
  const grab = await grabPoint(page);
  if (!canvas || !grab) throw new Error('no canvas to pan');
  const dx = canvas.x + canvas.width * 0.3 - point.x;
  const dy = canvas.y + canvas.height * 0.45 - point.y;
  if (Math.abs(dx) < 40 && Math.abs(dy) < 40) return point;
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(grab.x + dx / 2, grab.y + dy / 2, { steps: 5 });
  await page.mouse.move(grab.x + dx, grab.y + dy, { steps: 5 });
  await page.mouse.up();
  await page.waitForTimeout(200);
  return { x: point.x + dx, y: point.y + dy };
}

/**
 * Drags a link from a card's exit and lets go on empty canvas; the card-type menu opens there and
 * `type` (its visible name) is picked. Returns the menu so a test can look at it first.
 */
export async function dropLinkOnEmptyCanvas(page: Page, cardId: string, port: string): Promise<Locator> {
  await panToShow(page, await handleCentre(page, cardId, port));
  const from = await handleCentre(page, cardId, port);
  const to = await emptySpotBeside(page, from);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 6 });
  await page.mouse.move(to.x, to.y, { steps: 6 });
  await page.mouse.up();
  const picker = page.getByTestId('card-type-picker');
  await picker.waitFor();
  return picker;
}

/** What has the keyboard focus: a card's id, else the element's tag, id and role. */
export async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    if (el.classList.contains('react-flow__node')) return `card:${el.dataset.id ?? ''}`;
    if (el.isContentEditable) return 'editable';
    return `${el.tagName.toLowerCase()}#${el.id}[${el.getAttribute('role') ?? ''}]${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? ''}`;
  });
}

/** Presses Tab (or Shift+Tab) until the focus is where `want` says, as a keyboard user would. */
export async function tabUntil(
  page: Page,
  want: (focus: string) => boolean,
  back = false,
  max = 60,
): Promise<string> {
  for (let i = 0; i < max; i += 1) {
    const now = await focused(page);
    if (want(now)) return now;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`the focus never got there (now ${await focused(page)})`);
}
