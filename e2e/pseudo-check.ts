import type { CDPSession, Frame, Page } from 'playwright-core';
import { CRM_CURRENCIES, realLanguages } from '@charla/protocol';

// Issue 23: what a screen says — every visible text and accessible name, from Chromium's own
// accessibility tree (closed shadow roots and cross-site frames included), plus placeholders and
// titles — must be in the pseudo-locale. Allowed besides: data the test typed, brand names,
// language names written in themselves, and what Intl formats (month names, "5 min ago").

type AXNode = {
  nodeId: string;
  ignored: boolean;
  role?: { value?: string };
  name?: { value?: string };
  description?: { value?: string };
  childIds?: string[];
  backendDOMNodeId?: number;
};

export type Leftover = { screen: string; role: string; text: string };

/** Words and names that are not translations by nature. */
const BRANDS = [
  'Charla',
  ...realLanguages.map((l) => l.label),
  ...CRM_CURRENCIES,
  'UTC',
  // HTTP syntax shown as code, not words: the API token header.
  'Authorization: Bearer chk_',
  // Browser and system names the side panel reads from the visitor's user agent.
  ...['HeadlessChrome', 'Chrome', 'Firefox', 'Safari', 'Edge', 'macOS', 'Windows', 'Linux', 'Android', 'iOS'],
];

/** A pseudo string, possibly with interpolated values and a right-to-left override, or cut short with "…". */
const PSEUDO = /\u202e?\[[^\]]*?(!+\]\u202c?|…$)/g;

/**
 * Chromium's own labels inside native date and time inputs: the browser words them in its own
 * language, the page cannot.
 */
const BROWSER_CONTROLS = new Set([
  'Show date picker',
  'Show local date and time picker',
  'Show time picker',
  'Month',
  'Day',
  'Year',
  'Hours',
  'Minutes',
  'AM/PM',
  'yyyy',
  'mm',
  'dd',
  '--',
]);
const DATA_PATTERNS = [
  /<\/?[a-z][^>]*>/g, // HTML shown as code (the embed snippet)
  /https?:\/\/\S*/g,
  /\b[\w-]+(\.[\w-]+)+\.[a-z]{2,}(\/\S*)?/g, // host names and short URLs (shop.example.com/pricing)
  /\b[\w.-]+:\d+\b/g, // host:port (where a playbook was seen)
  /[\w.+-]+@[\w-]+(\.[\w-]+)+/g,
  /#[0-9a-f]{3,8}\b/gi,
  /\b[A-Z][a-z]+\/[A-Za-z_/]+/g,
];

/** The words Intl itself writes in the page's base language (month and day names, units, "and"). */
export async function intlWords(page: Page, locale: string): Promise<Set<string>> {
  const words = await page.evaluate((loc) => {
    const out: string[] = [];
    const d = new Date(Date.UTC(2026, 0, 5, 9));
    for (let m = 0; m < 12; m++)
      for (const month of ['long', 'short'] as const)
        out.push(new Intl.DateTimeFormat(loc, { month }).format(new Date(2026, m, 10)));
    for (let w = 0; w < 7; w++)
      for (const weekday of ['long', 'short'] as const)
        out.push(new Intl.DateTimeFormat(loc, { weekday }).format(new Date(d.getTime() + w * 86_400_000)));
    out.push(new Intl.DateTimeFormat(loc, { hour: 'numeric', hour12: true }).format(d));
    out.push(
      new Intl.DateTimeFormat(loc, { hour: 'numeric', hour12: true }).format(new Date(2026, 0, 5, 15)),
    );
    const units = ['second', 'minute', 'hour', 'day', 'week', 'month', 'year'] as const;
    for (const style of ['long', 'short', 'narrow'] as const)
      for (const numeric of ['auto', 'always'] as const)
        for (const unit of units)
          for (const n of [-3, -1, 0, 1, 3])
            out.push(new Intl.RelativeTimeFormat(loc, { style, numeric }).format(n, unit));
    for (const type of ['conjunction', 'disjunction'] as const)
      out.push(new Intl.ListFormat(loc, { type }).format(['1', '2', '3']));
    for (const notation of ['compact'] as const)
      out.push(new Intl.NumberFormat(loc, { notation }).format(1_234_567));
    return out;
  }, locale);
  return new Set(words.flatMap((w) => w.match(/[A-Za-z]+/g) ?? []));
}

/** The English left in one text: the words not pseudo, not allowed data, not Intl's. */
export function leftoverWords(text: string, allowed: readonly string[], intl: Set<string>): string[] {
  const whole = text.trim();
  // A language tag on its own (the visitor's browser language, "es-ES") and a time zone id
  // ("America/Port of Spain", as the zone picker lists them) are data.
  if (/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/.test(whole) || /^[A-Z][a-z]+(\/[A-Za-z_ .'-]+)+$/.test(whole))
    return [];
  // Chromium names them twice ("Month Month") in the accessibility tree.
  if (BROWSER_CONTROLS.has(whole) || BROWSER_CONTROLS.has(whole.slice(0, whole.length / 2).trim())) return [];
  let rest = text.replace(PSEUDO, ' ');
  for (const pattern of DATA_PATTERNS) rest = rest.replace(pattern, ' ');
  for (const data of [...allowed, ...BRANDS].sort((a, b) => b.length - a.length))
    rest = rest.split(data).join(' ');
  // Single letters are key caps ("j", "k") and initials.
  return (rest.match(/[A-Za-z]+/g) ?? []).filter((w) => w.length > 1 && !intl.has(w));
}

async function axTexts(
  session: CDPSession,
  rootBackendId?: number,
): Promise<{ role: string; text: string }[]> {
  await session.send('Accessibility.enable');
  const { nodes } = (await session.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
  let scope = nodes;
  if (rootBackendId !== undefined) {
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const root = nodes.find((n) => n.backendDOMNodeId === rootBackendId);
    const keep: AXNode[] = [];
    const stack = root ? [root] : [];
    while (stack.length > 0) {
      const node = stack.pop() as AXNode;
      keep.push(node);
      for (const id of node.childIds ?? []) {
        const child = byId.get(id);
        if (child) stack.push(child);
      }
    }
    scope = keep;
  }
  return (
    scope
      // Inline text boxes are line fragments of a StaticText, which is checked whole.
      .filter((n) => !n.ignored && n.role?.value !== 'InlineTextBox')
      .flatMap((n) => [
        { role: n.role?.value ?? '', text: n.name?.value ?? '' },
        { role: `${n.role?.value ?? ''} description`, text: n.description?.value ?? '' },
      ])
      .filter((t) => t.text.trim() !== '')
  );
}

async function domAttributes(frame: Frame): Promise<{ role: string; text: string }[]> {
  return frame.evaluate(() =>
    Array.from(document.querySelectorAll('[placeholder], [title], img[alt]'))
      .filter((el) => (el as HTMLElement).checkVisibility?.() ?? true)
      .flatMap((el) =>
        ['placeholder', 'title', 'alt']
          .map((attr) => ({ role: `@${attr}`, text: el.getAttribute(attr) ?? '' }))
          .filter((t) => t.text.trim() !== ''),
      ),
  );
}

/** Everything a screen of the inbox says that is not in the pseudo-locale. */
export async function pageLeftovers(
  page: Page,
  screen: string,
  allowed: readonly string[],
  intl: Set<string>,
): Promise<Leftover[]> {
  const session = await page.context().newCDPSession(page);
  try {
    const texts = [...(await axTexts(session)), ...(await domAttributes(page.mainFrame()))];
    return collect(screen, texts, allowed, intl);
  } finally {
    await session.detach();
  }
}

/** The same for the widget: the launcher in its closed shadow root and the chat frame. */
export async function widgetLeftovers(
  page: Page,
  frame: Frame,
  screen: string,
  allowed: readonly string[],
  intl: Set<string>,
): Promise<Leftover[]> {
  const pageSession = await page.context().newCDPSession(page);
  const { root } = (await pageSession.send('DOM.getDocument', { depth: -1, pierce: true })) as {
    root: { backendNodeId: number; nodeName: string; children?: unknown[] };
  };
  const host = findNode(root, 'CHARLA-WIDGET');
  const launcher = await axTexts(pageSession, host?.backendNodeId);
  await pageSession.detach();
  const frameSession = await page.context().newCDPSession(frame);
  const inFrame = await axTexts(frameSession);
  await frameSession.detach();
  return collect(screen, [...launcher, ...inFrame, ...(await domAttributes(frame))], allowed, intl);
}

type DomNode = { backendNodeId: number; nodeName: string; children?: DomNode[]; shadowRoots?: DomNode[] };

function findNode(node: unknown, name: string): DomNode | null {
  const n = node as DomNode;
  if (n.nodeName === name) return n;
  for (const child of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) {
    const found = findNode(child, name);
    if (found) return found;
  }
  return null;
}

function collect(
  screen: string,
  texts: { role: string; text: string }[],
  allowed: readonly string[],
  intl: Set<string>,
): Leftover[] {
  const seen = new Set<string>();
  const out: Leftover[] = [];
  for (const { role, text } of texts) {
    if (seen.has(text) || leftoverWords(text, allowed, intl).length === 0) continue;
    seen.add(text);
    out.push({ screen, role, text });
  }
  return out;
}
