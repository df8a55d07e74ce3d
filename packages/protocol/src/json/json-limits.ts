/**
 * Limits on free-form JSON (playbook documents, stored settings, panel data, …) checked before a
 * value is stored or serialized. JSON.stringify and most parsers recurse, so a document nested
 * 10,000 deep overflows the stack (a 500) long before it reaches any size limit; this walk is
 * iterative and stops at the first violation.
 */
export const MAX_JSON_DEPTH = 64;
/** Strings, numbers, booleans, nulls, arrays and objects counted together. */
export const MAX_JSON_NODES = 100_000;

export type JsonLimitViolation =
  { kind: 'depth'; path: string; maxDepth: number } | { kind: 'nodes'; maxNodes: number };

export type JsonLimits = { maxDepth: number; maxNodes: number };

const defaultLimits: JsonLimits = { maxDepth: MAX_JSON_DEPTH, maxNodes: MAX_JSON_NODES };

/** The first limit `value` breaks, or null. Depth counts containers: `{}` is 1, `{"a":[]}` is 2. */
export function findJsonLimitViolation(
  value: unknown,
  limits: JsonLimits = defaultLimits,
): JsonLimitViolation | null {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: '' }];
  let nodes = 0;
  while (stack.length > 0) {
    const item = stack.pop()!;
    nodes += 1;
    if (nodes > limits.maxNodes) return { kind: 'nodes', maxNodes: limits.maxNodes };
    if (item.value === null || typeof item.value !== 'object') continue;
    const depth = item.depth + 1;
    if (depth > limits.maxDepth) return { kind: 'depth', path: item.path, maxDepth: limits.maxDepth };
    const entries = Array.isArray(item.value)
      ? item.value.map((v, i) => [String(i), v] as const)
      : Object.entries(item.value);
    for (const [key, child] of entries) {
      stack.push({ value: child, depth, path: item.path === '' ? key : `${item.path}.${key}` });
    }
  }
  return null;
}
