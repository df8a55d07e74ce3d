import { describe, expect, it } from 'vitest';
import { findJsonLimitViolation, MAX_JSON_DEPTH } from './json-limits';

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i += 1) value = i % 2 === 0 ? { a: value } : [value];
  return value;
}

describe('findJsonLimitViolation', () => {
  it('accepts scalars, empty containers and documents at the depth limit', () => {
    for (const value of [null, 1, 'x', true, {}, [], { a: [1, { b: null }] }]) {
      expect(findJsonLimitViolation(value)).toBeNull();
    }
    expect(findJsonLimitViolation(nested(MAX_JSON_DEPTH))).toBeNull();
  });

  it('reports the path where a document goes one level too deep', () => {
    const violation = findJsonLimitViolation(nested(MAX_JSON_DEPTH + 1));
    expect(violation).toMatchObject({ kind: 'depth', maxDepth: MAX_JSON_DEPTH });
    expect(violation?.kind === 'depth' && violation.path.split('.')).toHaveLength(MAX_JSON_DEPTH);
  });

  it('walks 10,000 levels without overflowing the stack', () => {
    expect(findJsonLimitViolation(nested(10_000))).toMatchObject({ kind: 'depth' });
  });

  it('counts nodes across wide documents', () => {
    const wide = Array.from({ length: 50 }, () => Array.from({ length: 50 }, () => 1));
    expect(findJsonLimitViolation(wide, { maxDepth: 64, maxNodes: 2_000 })).toEqual({
      kind: 'nodes',
      maxNodes: 2_000,
    });
    expect(findJsonLimitViolation(wide, { maxDepth: 64, maxNodes: 3_000 })).toBeNull();
  });
});
