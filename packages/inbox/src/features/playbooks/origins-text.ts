import { toWebOrigin } from '@charla/protocol';

/** The allowed origins as the text area shows them, one a line. */
export function originsText(list: readonly string[]): string {
  return list.join('\n');
}

/** The origins typed in the text area, or the first line that is not one. */
export function parseOrigins(text: string): { origins: string[]; bad: string | null } {
  const origins: string[] = [];
  for (const line of text
    .split(/[\n,]/)
    .map((l) => l.trim())
    .filter(Boolean)) {
    const origin = toWebOrigin(line);
    if (!origin) return { origins, bad: line };
    origins.push(origin);
  }
  return { origins, bad: null };
}
