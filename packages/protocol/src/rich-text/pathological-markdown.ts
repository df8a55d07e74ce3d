/**
 * Inputs that make a naive Markdown parser backtrack (quadratic or worse): the unit test checks
 * the parser still answers a valid document, `npm run bench` (parser scenario) prints how long.
 */
export function pathologicalMarkdown(size = 50_000): string[] {
  return [
    '*a '.repeat(size / 3),
    '*_**__'.repeat(size / 6),
    '['.repeat(size),
    '[a]('.repeat(size / 4),
    '![a]('.repeat(size / 5),
    'a***'.repeat(size / 4),
    '\\'.repeat(size),
  ];
}
