import { describe, expect, it } from 'vitest';
import { decodeCrmCursor, encodeCrmCursor, toCrmPage } from './crm-cursor.util';
import { inRankOrder } from './crm-search.util';
import { linesToRichText } from '@charla/protocol';
import { panelFieldsFromCapturedVars } from '../panel/panel-fields';

describe('crm list search order', () => {
  const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];
  it('orders rows by rank, pages after the cursor’s record and returns limit + 1', () => {
    expect(inRankOrder(rows, ['c', 'a', 'd', 'b'], undefined, 2).map((r) => r.id)).toEqual(['c', 'a', 'd']);
    expect(inRankOrder(rows, ['c', 'a', 'd', 'b'], 'a', 2).map((r) => r.id)).toEqual(['d', 'b']);
  });
  it('skips rows the ranking does not hold and returns nothing after a vanished cursor', () => {
    expect(inRankOrder(rows, ['b', 'x'], undefined, 5).map((r) => r.id)).toEqual(['b']);
    expect(inRankOrder(rows, ['b', 'c'], 'x', 5)).toEqual([]);
  });
});

describe('crm cursors', () => {
  it('round-trips an id and refuses anything else', () => {
    const id = '01890000-0000-7000-8000-000000000000';
    expect(decodeCrmCursor(encodeCrmCursor(id))).toBe(id);
    expect(() => decodeCrmCursor('garbage')).toThrow();
  });
  it('returns a next cursor only when more rows than the limit came back', () => {
    expect(toCrmPage([{ id: 'a' }, { id: 'b' }], 2).nextCursor).toBeNull();
    expect(toCrmPage([{ id: 'a' }, { id: 'b' }, { id: 'c' }], 2)).toEqual({
      rows: [{ id: 'a' }, { id: 'b' }],
      nextCursor: encodeCrmCursor('b'),
    });
  });
});

describe('panel pre-fill', () => {
  it('takes captured name, email, phone and company, dropping invalid values', () => {
    expect(
      panelFieldsFromCapturedVars({
        visitor_name: ' Ana ',
        visitor_email: 'ANA@X.COM',
        visitor_phone: '600 12 34 56',
        company_name: 'Acme',
      }),
    ).toMatchObject({
      person: { name: 'Ana', email: 'ana@x.com', phone: '+600123456' },
      organization: { name: 'Acme', address: null },
    });
    expect(
      panelFieldsFromCapturedVars({ visitor_email: 'not an email', visitor_phone: 'nope' }).person,
    ).toEqual({ name: null, email: null, phone: null });
  });
});

describe('lines to rich text', () => {
  it('keeps long transcripts within 100 blocks of at most 5000 characters', () => {
    const doc = linesToRichText(
      Array.from({ length: 1000 }, (_, i) => `line ${i} ${'x'.repeat(20)}`).join('\n'),
    );
    expect(doc.content.length).toBeLessThanOrEqual(100);
    for (const block of doc.content)
      expect(block.type === 'paragraph' && (block.content?.[0]?.text.length ?? 0) <= 5000).toBe(true);
  });
});
