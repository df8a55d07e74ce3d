import { MAX_REGEX_PATTERN_CHARS } from './playbook.schema';

export type TRegexCheck =
  { ok: true } | { ok: false; reason: 'too_long' | 'syntax' | 'nested_quantifier'; message: string };

/** Builds the regex a capture tests input against: the whole input must match. */
export function compileCaptureRegex(pattern: string, flags?: 'i'): RegExp {
  return new RegExp(`^(?:${pattern})$`, flags ?? '');
}

/** Reads a quantifier at `i`: its length (0 when none) and whether it is unbounded. */
function quantifierAt(pattern: string, i: number): { length: number; unbounded: boolean } {
  const c = pattern[i];
  let length = 0;
  let unbounded = false;
  if (c === '+' || c === '*') {
    length = 1;
    unbounded = true;
  } else if (c === '?') {
    length = 1;
  } else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
    if (m) {
      length = m[0].length;
      unbounded = m[2] !== undefined && m[3] === '';
    }
  }
  if (length > 0 && pattern[i + length] === '?') length++; // lazy
  return { length, unbounded };
}

/**
 * A simple screen for catastrophic backtracking: an unbounded quantifier applied to a group that
 * itself contains one, as in `(a+)+` or `(\w+\s?)*`. Not a full ReDoS analysis.
 */
export function hasNestedQuantifier(pattern: string): boolean {
  const stack: boolean[] = [false]; // per open group: contains an unbounded quantifier
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === '\\') {
      i += 2;
      const q = quantifierAt(pattern, i);
      if (q.unbounded) stack[stack.length - 1] = true;
      i += q.length;
      continue;
    }
    if (c === '[') {
      i++;
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
      i++;
      const q = quantifierAt(pattern, i);
      if (q.unbounded) stack[stack.length - 1] = true;
      i += q.length;
      continue;
    }
    if (c === '(') {
      stack.push(false);
      i++;
      continue;
    }
    if (c === ')') {
      const inner = stack.length > 1 ? (stack.pop() ?? false) : false;
      const q = quantifierAt(pattern, i + 1);
      if (inner && q.unbounded) return true;
      if (inner || q.unbounded) stack[stack.length - 1] = true;
      i += 1 + q.length;
      continue;
    }
    const q = quantifierAt(pattern, i);
    if (q.length > 0) {
      if (q.unbounded) stack[stack.length - 1] = true;
      i += q.length;
      continue;
    }
    i++;
  }
  return false;
}

/** Checks a capture pattern: at most 500 characters, compiles, no nested unbounded quantifiers. */
export function checkRegexPattern(pattern: string, flags?: 'i'): TRegexCheck {
  if (pattern.length > MAX_REGEX_PATTERN_CHARS) {
    return {
      ok: false,
      reason: 'too_long',
      message: `The pattern is longer than ${MAX_REGEX_PATTERN_CHARS} characters.`,
    };
  }
  try {
    new RegExp(pattern, flags ?? '');
    compileCaptureRegex(pattern, flags);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: 'syntax', message: `The pattern does not compile: ${detail}` };
  }
  if (hasNestedQuantifier(pattern)) {
    return {
      ok: false,
      reason: 'nested_quantifier',
      message:
        'The pattern repeats a group that already repeats (like (a+)+), which can hang on some inputs.',
    };
  }
  return { ok: true };
}
