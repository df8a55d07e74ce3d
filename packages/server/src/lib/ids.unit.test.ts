import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { newId } from './ids';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Heap bytes that `count` values made by `make` hold while kept. */
function heldBytesEach(make: () => unknown, count: number): number {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const kept = Array.from({ length: count }, make);
  collectGarbage();
  const after = process.memoryUsage().heapUsed;
  expect(kept).toHaveLength(count);
  return (after - before) / count;
}

describe('newId', () => {
  it('makes distinct UUIDv7s that sort by creation', () => {
    // 5,000 ids draw more random words than the pool holds: the refill keeps them distinct.
    const ids = Array.from({ length: 5000 }, newId);
    expect(new Set(ids).size).toBe(5000);
    expect(
      ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id)),
    ).toBe(true);
    expect([...ids].sort()).toEqual(ids);
  });

  it('holds one flat string, not a rope of pieces (issue 25: about 60 bytes instead of 800)', () => {
    expect(heldBytesEach(newId, 20_000)).toBeLessThan(200);
  });
});
