import { describe, expect, it } from 'vitest';
import { isCatalogChangedMeanwhile } from './migrate';

describe('isCatalogChangedMeanwhile', () => {
  it('recognises a schema, table or column dropped by another database user during the listing', () => {
    expect(isCatalogChangedMeanwhile({ code: '3F000' })).toBe(true);
    expect(isCatalogChangedMeanwhile({ code: '42P01' })).toBe(true);
    // CI saw this one: `column "name_key" of relation "labels" does not exist` in pg_get_serial_sequence
    expect(isCatalogChangedMeanwhile({ code: '42703' })).toBe(true);
  });

  it('does not retry other failures', () => {
    expect(isCatalogChangedMeanwhile({ code: '23505' })).toBe(false);
    expect(isCatalogChangedMeanwhile({ code: 42703 })).toBe(false);
    expect(isCatalogChangedMeanwhile(new Error('boom'))).toBe(false);
    expect(isCatalogChangedMeanwhile(null)).toBe(false);
  });
});
