import { describe, expect, it } from 'vitest';
import { reorderedIds, seedName } from './seed-names';

describe('seeded pipeline names', () => {
  it('names every seeded key in English and Spanish', () => {
    for (const key of ['sales', 'qualified', 'contact_made', 'proposal_sent', 'negotiation']) {
      expect(seedName(key, 'en')).toBeTruthy();
      expect(seedName(key, 'es')).toBeTruthy();
      expect(seedName(key, 'es')).not.toBe(seedName(key, 'en'));
    }
    expect(seedName('negotiation', 'es')).toBe('Negociación');
    expect(seedName('nope', 'en')).toBeNull();
  });
});

describe('reorderedIds', () => {
  const ids = ['a', 'b', 'c', 'd'];
  it('moves a stage forward, backward and clamps to the ends', () => {
    expect(reorderedIds(ids, 'a', 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(reorderedIds(ids, 'd', 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(reorderedIds(ids, 'b', 99)).toEqual(['a', 'c', 'd', 'b']);
    expect(reorderedIds(ids, 'c', 2)).toEqual(ids);
  });
  it('inserts a new stage at its place', () => {
    expect(reorderedIds(['a', 'b'], 'x', 1)).toEqual(['a', 'x', 'b']);
  });
});
