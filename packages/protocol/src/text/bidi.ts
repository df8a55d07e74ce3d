/**
 * Bidirectional-control characters: LRM/RLM, the embeddings and overrides (LRE, RLE, PDF, LRO,
 * RLO) and the isolates (LRI, RLI, FSI, PDI). A U+202E (RLO) in a visitor's name would otherwise
 * reverse whatever text follows it on the same line ("Close the chat with Bob‮ now?").
 */
const BIDI_CONTROL = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const ISOLATES = /[\u2066-\u2069]/g;

export function hasBidiControls(text: string): boolean {
  return BIDI_CONTROL.test(text);
}

/** Removes every bidi control: for plain-text sinks we do not render (OS notifications, push). */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/**
 * The plain-text `<bdi>`: wraps text that carries bidi controls in FSI … PDI, so any override it
 * opens ends with it. Isolate marks inside are dropped so they cannot close ours early. Text
 * without controls comes back unchanged (no invisible characters in ordinary names).
 */
export function isolateBidi(text: string): string {
  if (!hasBidiControls(text)) return text;
  return `\u2068${text.replace(ISOLATES, '')}\u2069`;
}
