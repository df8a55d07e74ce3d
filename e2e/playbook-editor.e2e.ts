import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TPlaybookDto } from '@charla/protocol';
import { wideFlow } from '../packages/inbox/src/features/playbooks/wide-flow.test-helper';
import {
  ADMIN_EMAIL,
  adminInboxContext,
  axeSeriousViolations,
  launchBrowser,
  screenshot,
  startCharla,
  type RunningCharla,
} from './harness';
import { adminApi, type AdminApi } from './widget-fixtures';

// Issue 18, the editor people enjoy, in Chromium: the findings panel takes the admin to the card
// and field of an error, Activate says why it is disabled and enables once the error is fixed;
// a 25-card playbook without positions is laid out on open and by "Tidy up" with no card over
// another, no link behind a card and card text readable at fit, on desktop and phone.

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

let charla: RunningCharla;
let browser: Browser;
let api: AdminApi;
const contexts: BrowserContext[] = [];

async function adminPage(language: 'en' | 'es', viewport = DESKTOP): Promise<Page> {
  const context = await adminInboxContext(browser, charla.baseUrl, { language, viewport });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('[page error]', err));
  return page;
}

async function createPlaybook(
  name: string,
  templateId: string,
  edit: (doc: TPlaybookDto['document']) => TPlaybookDto['document'],
): Promise<TPlaybookDto> {
  const created = await api.call<TPlaybookDto>('POST', '/api/v1/playbooks', {
    name,
    templateId,
    language: 'en',
  });
  return api.call<TPlaybookDto>('PUT', `/api/v1/playbooks/${created.id}`, {
    document: edit(structuredClone(created.document)),
    expectedRevision: created.revision,
  });
}

type Geometry = {
  overlaps: string[];
  behind: string[];
  smallestText: number;
  smallestIn: string;
  cards: number;
};

/**
 * What the canvas shows, measured on screen: pairs of overlapping cards, links that pass behind a
 * card other than their own two (sampled along the drawn path), and the smallest card text size
 * after the zoom.
 */
async function canvasGeometry(page: Page, ends: Record<string, string[]> = {}): Promise<Geometry> {
  return page.evaluate((ends) => {
    const nodes = Array.from(document.querySelectorAll<HTMLElement>('.react-flow__node')).map((el) => ({
      id: el.dataset.id ?? '',
      box: el.getBoundingClientRect(),
    }));
    const overlaps: string[] = [];
    for (const a of nodes)
      for (const b of nodes)
        if (
          a.id < b.id &&
          a.box.left < b.box.right &&
          b.box.left < a.box.right &&
          a.box.top < b.box.bottom &&
          b.box.top < a.box.bottom
        )
          overlaps.push(`${a.id}/${b.id}`);
    const behind: string[] = [];
    for (const edge of Array.from(document.querySelectorAll<SVGGElement>('.react-flow__edge'))) {
      const path = edge.querySelector<SVGPathElement>('.react-flow__edge-path');
      const ctm = path?.getScreenCTM();
      if (!path || !ctm) continue;
      const own = new Set(ends[edge.dataset.id ?? ''] ?? []);
      const length = path.getTotalLength();
      for (let at = 0; at <= length; at += 8) {
        const p = path.getPointAtLength(at).matrixTransform(ctm);
        const hit = nodes.find(
          (n) =>
            !own.has(n.id) &&
            p.x > n.box.left + 2 &&
            p.x < n.box.right - 2 &&
            p.y > n.box.top + 2 &&
            p.y < n.box.bottom - 2,
        );
        if (hit) {
          behind.push(`${edge.dataset.id ?? edge.id} behind ${hit.id}`);
          break;
        }
      }
    }
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
    const zoom = viewport ? new DOMMatrix(getComputedStyle(viewport).transform).a : 1;
    const sizes = Array.from(document.querySelectorAll<HTMLElement>('.pb-card *'))
      .filter((el) => Array.from(el.childNodes).some((c) => c.nodeType === 3 && c.textContent?.trim()))
      .map((el) => ({ size: parseFloat(getComputedStyle(el).fontSize) * zoom, el: el.className }));
    sizes.sort((a, b) => a.size - b.size);
    return {
      overlaps,
      behind,
      smallestText: sizes[0]?.size ?? 0,
      smallestIn: sizes[0]?.el ?? '',
      cards: nodes.length,
    };
  }, ends);
}

/**
 * The handles of `nodeId` that a drawn link starts from (value 0): when links follow their
 * answers, every connected port of the card is listed.
 */
async function linkStartOffsets(page: Page, nodeId: string): Promise<Record<string, number>> {
  return page.evaluate((nodeId) => {
    const out: Record<string, number> = {};
    const card = document.querySelector(`.react-flow__node[data-id="${nodeId}"]`);
    for (const edge of Array.from(document.querySelectorAll<SVGGElement>('.react-flow__edge'))) {
      const path = edge.querySelector<SVGPathElement>('.react-flow__edge-path');
      const ctm = path?.getScreenCTM();
      if (!path || !ctm) continue;
      const start = path.getPointAtLength(0).matrixTransform(ctm);
      for (const handle of Array.from(
        card?.querySelectorAll<HTMLElement>('.react-flow__handle.source') ?? [],
      )) {
        const box = handle.getBoundingClientRect();
        const d = Math.hypot(start.x - (box.left + box.width / 2), start.y - (box.top + box.height / 2));
        // xyflow starts a link at the handle's outer edge: within half a handle of its centre.
        if (d <= box.width / 2 + 1) out[handle.dataset.handleid ?? ''] = 0;
      }
    }
    return out;
  }, nodeId);
}

/** Opens a card's dialog with its pencil button (again if a re-render swallowed the click). */
async function openCard(page: Page, nodeId: string) {
  const dialog = page.getByRole('dialog');
  for (let tries = 0; tries < 3; tries += 1) {
    await page.getByTestId(`card-${nodeId}`).getByRole('button').first().press('Enter');
    if (
      await dialog.waitFor({ timeout: 3000 }).then(
        () => true,
        () => false,
      )
    )
      return dialog;
  }
  throw new Error(`the dialog of ${nodeId} did not open`);
}

/** Two cards fully on screen (zoomed out as far as needed): one to drag, one to drop it on. */
async function twoVisibleCards(page: Page): Promise<[string, string]> {
  for (let tries = 0; tries < 6; tries += 1) {
    const ids = await visibleCards(page);
    if (ids.length >= 2) return [ids[0] ?? '', ids[1] ?? ''];
    await page.locator('.react-flow__controls-zoomout').click();
    await page.waitForTimeout(200);
  }
  throw new Error('not two cards on screen');
}

async function visibleCards(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const canvas = document.querySelector('.react-flow')?.getBoundingClientRect();
    if (!canvas) return [];
    return Array.from(document.querySelectorAll<HTMLElement>('.react-flow__node'))
      .filter((el) => {
        const b = el.getBoundingClientRect();
        return (
          b.left > canvas.left &&
          b.right < canvas.right &&
          b.top > canvas.top &&
          b.bottom < canvas.bottom - 60
        );
      })
      .map((el) => el.dataset.id ?? '');
  });
}

beforeAll(async () => {
  charla = await startCharla();
  browser = await launchBrowser();
  api = await adminApi(charla.baseUrl);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await charla?.stop();
});

describe('playbook editor: findings you can act on (issue 18)', () => {
  it('takes the admin from a finding to its card and field; Activate waits for the fix', async () => {
    const playbook = await createPlaybook('Support', 'live_chat', (doc) => ({
      ...doc,
      flow: {
        ...doc.flow,
        nodes: doc.flow.nodes.map((n) => (n.type === 'live_chat' ? { ...n, waitSeconds: 5 } : n)),
      },
    }));
    const page = await adminPage('en');
    await page.goto(`${charla.baseUrl}/playbooks/${playbook.id}`);
    await page.getByTestId('card-live_chat').waitFor();

    // Saved as a draft with its error; Activate is disabled and says why.
    expect(await page.getByTestId('save-state').innerText()).toBe('Saved as draft — 1 error');
    const activate = page.getByTestId('toggle-active');
    expect(await activate.isDisabled()).toBe(true);
    expect(await page.getByTestId('activate-reason').innerText()).toBe('Fix 1 error to activate');
    expect(await activate.getAttribute('aria-describedby')).toBe('pb-activate-reason');

    // The "1 error" badge opens the list; the finding opens its card on the waiting time.
    await page.getByTestId('errors-badge').click();
    const panel = page.getByTestId('findings-panel');
    const finding = panel.getByTestId('finding-LIVECHAT_WAIT_OUT_OF_RANGE');
    expect(await finding.innerText()).toContain('The waiting time must be between 15 and 600 seconds.');
    await screenshot(page, 'editor-findings-panel-en');
    expect(await axeSeriousViolations(page)).toEqual([]);
    await page.setViewportSize(PHONE);
    await screenshot(page, 'editor-findings-panel-en-390');
    await page.setViewportSize(DESKTOP);
    await finding.click();
    const dialog = page.getByRole('dialog');
    await page.waitForFunction(() => document.activeElement?.id === 'lc-wait');
    expect(await page.getByTestId('card-live_chat').getAttribute('class')).toContain('pb-card--selected');
    const error = dialog.getByTestId('field-error-lc-wait');
    expect(await error.innerText()).toBe('The waiting time must be between 15 and 600 seconds.');
    expect(await dialog.locator('#lc-wait').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'editor-finding-field-en');

    // Fixed: the message goes as the field is left; a wrong value again shows it on blur.
    await dialog.locator('#lc-wait').fill('60');
    await dialog.locator('#lc-wait').press('Tab');
    await error.waitFor({ state: 'detached' });
    await dialog.locator('#lc-wait').fill('5');
    await dialog.locator('#lc-wait').press('Tab');
    await error.waitFor();
    await dialog.locator('#lc-wait').fill('60');
    await dialog.getByTestId('card-apply').click();
    await dialog.waitFor({ state: 'detached' });

    // No error left: the panel says so; Activate now only waits for the save, then works.
    await panel.getByText('No errors or warnings.').waitFor();
    expect(await page.getByTestId('activate-reason').innerText()).toBe('Save your changes first');
    await page.getByTestId('save-playbook').click();
    await page.getByTestId('save-state').getByText('All changes saved').waitFor();
    await page.getByTestId('activate-reason').waitFor({ state: 'detached' });
    expect(await activate.isDisabled()).toBe(false);
    await activate.click();
    await page.locator('.pb-editor__name .pb-status--active').waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
  });
});

describe('playbook editor: switching the language (issue 18)', () => {
  it('translates the texts still as the template wrote them and names the ones that stay', async () => {
    const playbook = await createPlaybook('Language switch', 'live_chat', (doc) => {
      const choose = doc.flow.nodes.find((n) => n.id === 'choose');
      if (choose?.type === 'question')
        choose.content = {
          type: 'doc',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'Shall we talk about solar panels?' }] },
          ],
        };
      return doc;
    });
    const page = await adminPage('en');
    await page.goto(`${charla.baseUrl}/playbooks/${playbook.id}`);
    await page.getByRole('tab', { name: 'Appearance' }).click();
    await page.locator('#ap-language').selectOption('es');
    const dialog = page.getByRole('dialog', { name: 'Switch the bot to Spanish?' });
    await dialog.waitFor();
    expect(await dialog.getByTestId('language-kept').innerText()).toBe('Shall we talk about solar panels?');
    await screenshot(page, 'playbook-language-switch-en');
    expect(await axeSeriousViolations(page)).toEqual([]);
    await dialog.getByTestId('language-translate').click();
    await dialog.waitFor({ state: 'detached' });
    // The preview speaks Spanish at once, except the text the admin wrote.
    const preview = page.getByTestId('widget-preview');
    await preview.getByText('¡Hola! 👋 Gracias por visitarnos.').waitFor();
    await preview.getByText('Shall we talk about solar panels?').waitFor();
    await page.getByTestId('save-playbook').click();
    await page.getByText('All changes saved').waitFor();
    const saved = await api.call<TPlaybookDto>('GET', `/api/v1/playbooks/${playbook.id}`);
    expect(saved.document.appearance.language).toBe('es');
    const live = saved.document.flow.nodes.find((n) => n.id === 'live_chat');
    expect(live?.type === 'live_chat' && JSON.stringify(live.onlineMessage)).toContain(
      'te estamos conectando',
    );
  });
});

describe('playbook editor: the end card’s activity (issue 18, R9)', () => {
  it('sets type, subject, due days and owner, with the validator’s findings on the fields', async () => {
    const playbook = await createPlaybook('Follow-ups', 'live_chat', (doc) => doc);
    const admin = (await api.call<{ id: string; email: string }[]>('GET', '/api/v1/admin/users')).find(
      (u) => u.email === ADMIN_EMAIL,
    );
    const page = await adminPage('en');
    await page.goto(`${charla.baseUrl}/playbooks/${playbook.id}`);
    await page.getByTestId('card-end_browsing').waitFor();

    // An activity on an end that creates nothing belongs to nobody: said under "In the CRM".
    await page.getByTestId('card-end_browsing').getByRole('button').first().press('Enter');
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('Create an activity for the team').check();
    await dialog.getByLabel('Subject').focus();
    await dialog.getByLabel('Subject').press('Tab');
    await dialog.getByLabel('In the CRM').focus();
    await dialog.getByLabel('In the CRM').press('Tab');
    expect(await dialog.getByTestId('field-error-end-record').getAttribute('data-code')).toBe(
      'ACTIVITY_NOT_LINKED',
    );
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByTestId('card-end_follow_up').getByRole('button').first().press('Enter');
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Type').selectOption('meeting');
    await dialog.getByLabel('Subject').fill(' ');
    await dialog.getByLabel('Subject').press('Tab');
    expect(await dialog.getByTestId('field-error-end-activity-subject').innerText()).toBe(
      'The activity needs a subject.',
    );
    await dialog.getByLabel('Subject').fill('Meet {{visitor_name}}');
    await dialog.getByLabel('Due in (days)').fill('3');
    await dialog.getByLabel('Owner of the record and the activity').selectOption({ label: 'Admin' });
    await dialog.getByTestId('field-error-end-activity-subject').waitFor({ state: 'detached' });
    await screenshot(page, 'editor-end-activity-en-1440');
    expect(await axeSeriousViolations(page)).toEqual([]);
    await dialog.getByTestId('card-apply').click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('card-end_follow_up').getByText('Meeting', { exact: false }).waitFor();
    await page.getByTestId('save-playbook').click();
    await page.getByTestId('save-state').getByText('All changes saved').waitFor();

    const saved = await api.call<TPlaybookDto>('GET', `/api/v1/playbooks/${playbook.id}`);
    const end = saved.document.flow.nodes.find((n) => n.id === 'end_follow_up');
    expect(end).toMatchObject({
      crm: {
        activity: { type: 'meeting', subjectTemplate: 'Meet {{visitor_name}}', dueInMinutes: 3 * 24 * 60 },
        owner: { strategy: 'fixed', userId: admin?.id },
      },
    });
  });
});

describe('playbook editor: layout (issue 18)', () => {
  let playbook: TPlaybookDto;
  let ends: Record<string, string[]> = {};
  beforeAll(async () => {
    playbook = await createPlaybook('Wide', 'blank', (doc) => wideFlow(doc));
    ends = Object.fromEntries(playbook.document.flow.edges.map((e) => [e.id, [e.from.nodeId, e.to.nodeId]]));
  });

  it('draws links from the answer they belong to as answers are added and removed', async () => {
    const page = await adminPage('en');
    await page.goto(`${charla.baseUrl}/playbooks/${playbook.id}`);
    const card = page.getByTestId('card-p_question');
    await card.waitFor();
    await page.waitForTimeout(500);

    // A third answer, connected in the dialog: its link leaves from its own, new handle.
    let dialog = await openCard(page, 'p_question');
    await dialog.getByRole('button', { name: 'Add answer' }).click();
    await dialog.getByLabel('Answer 3').fill('Billing');
    await dialog.getByLabel('Billing', { exact: true }).selectOption('p_end');
    await dialog.getByTestId('card-apply').click();
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => linkStartOffsets(page, 'p_question'), { timeout: 10_000 })
      .toEqual({
        'option:yes': 0,
        'option:no': 0,
        'option:option_3': 0,
      });

    // The first answer removed: the others move up and their links with them.
    dialog = await openCard(page, 'p_question');
    await dialog.getByRole('button', { name: 'Remove answer Yes' }).click();
    await dialog.getByTestId('card-apply').click();
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => linkStartOffsets(page, 'p_question'), { timeout: 10_000 })
      .toEqual({ 'option:no': 0, 'option:option_3': 0 });
    await screenshot(page, 'editor-answers-links-en-1440');

    // Copy and paste: a selected card copied with Ctrl+C comes back as a new card with Ctrl+V,
    // and Ctrl+Z takes the paste back.
    await page.getByTestId('card-welcome').locator('.pb-card__summary').click();
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await page.getByTestId('card-message_1').waitFor();
    await page.keyboard.press('Control+z');
    await page.getByTestId('card-message_1').waitFor({ state: 'detached' });
  });

  for (const [language, size, viewport] of [
    ['en', '1440', DESKTOP],
    ['es', '390', PHONE],
    ['en', '390', PHONE],
    ['es', '1440', DESKTOP],
  ] as const) {
    it(`lays out 25 cards on open and on "Tidy up": ${language}, ${size} px`, async () => {
      const page = await adminPage(language, viewport);
      await page.goto(`${charla.baseUrl}/playbooks/${playbook.id}`);
      await page.getByTestId('card-welcome').waitFor();
      await page.waitForTimeout(500);
      await screenshot(page, `editor-open-${language}-${size}`);
      const opened = await canvasGeometry(page);
      expect(opened.cards).toBe(25);
      expect(opened.overlaps).toEqual([]);

      // One card dragged by hand onto another, then tidied up again.
      const [still, moved] = await twoVisibleCards(page);
      const target = await page.getByTestId(`card-${still}`).boundingBox();
      const from = await page.getByTestId(`card-${moved}`).locator('.pb-card__type').boundingBox();
      if (target && from) {
        await page.mouse.move(from.x + 5, from.y + 5);
        await page.mouse.down();
        await page.mouse.move(target.x + 20, target.y + 20, { steps: 10 });
        await page.mouse.up();
      }
      await page.getByTestId('tidy-up').click();
      // The layout settles in a frame or two; poll until no card overlaps, then check the rest.
      await expect
        .poll(async () => (await canvasGeometry(page, ends)).overlaps, { timeout: 10_000 })
        .toEqual([]);
      const tidy = await canvasGeometry(page, ends);
      expect(tidy.overlaps).toEqual([]);
      expect(tidy.behind).toEqual([]);
      expect(tidy.smallestText, tidy.smallestIn).toBeGreaterThanOrEqual(12);
      // On a phone the minimap is not offered; on a desktop it can be hidden.
      const toggle = page.getByTestId('toggle-minimap');
      if (viewport === PHONE) expect(await page.locator('.react-flow__minimap').count()).toBe(0);
      else {
        await toggle.click();
        expect(await page.locator('.react-flow__minimap').count()).toBe(0);
        await toggle.click();
      }
      await screenshot(page, `editor-tidy-${language}-${size}`);
      // Undo puts the dragged card back over the other; redo tidies again.
      await page.keyboard.press('Control+z');
      await expect
        .poll(async () => (await canvasGeometry(page)).overlaps.length, { timeout: 10_000 })
        .toBeGreaterThan(0);
      await page.keyboard.press('Control+Shift+z');
      await expect.poll(async () => (await canvasGeometry(page)).overlaps, { timeout: 10_000 }).toEqual([]);
    });
  }
});
