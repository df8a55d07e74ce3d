// Pseudo-localization: English turned into "[Ŝéñð ṁéššåĝé !!!]" so a test can tell a translated
// string from a hard-coded one (every ASCII letter is replaced), and lengthened by about a third
// so clipped labels show up in screenshots.

const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [
    c,
    [...'åƀçðéƒĝĥîĵķļṁñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i] ?? c,
  ]),
);

/** Placeholders and markup that must survive untouched: {{name}}, {name}, <b>, &amp;. */
const KEEP = /(\{\{[^}]*\}\}|\{[^}]*\}|<[^>]*>|&\w+;)/;

/** One English string in the accented pseudo-locale; `rtl` wraps it in a right-to-left override. */
export function pseudoLocalize(text: string, rtl = false): string {
  if (text === '') return text;
  const parts = text
    .split(KEEP)
    .map((part, i) => (i % 2 === 1 ? part : [...part].map((c) => ACCENTED[c] ?? c).join('')));
  const letters = text.replace(KEEP, '').replace(/[^A-Za-z]/g, '').length;
  const padding = ' ' + '!'.repeat(Math.max(1, Math.ceil(letters / 6)));
  const body = `[${parts.join('')}${padding}]`;
  // U+202E…U+202C as Chromium's ar-XB does: the text reads mirrored, as a right-to-left one would.
  return rtl ? `\u202e${body}\u202c` : body;
}

type Tree = string | { readonly [key: string]: Tree };

/** Every string leaf of a dictionary pseudo-localized, keeping its shape. */
export function pseudoDictionary<T>(dictionary: T, rtl = false): T {
  const walk = (node: Tree): Tree =>
    typeof node === 'string'
      ? pseudoLocalize(node, rtl)
      : Object.fromEntries(Object.entries(node).map(([key, value]) => [key, walk(value)]));
  return walk(dictionary as Tree) as T;
}
