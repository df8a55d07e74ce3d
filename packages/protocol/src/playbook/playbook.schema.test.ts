import { describe, expect, it } from 'vitest';
import { minimalDoc } from './playbook.fixtures';
import { ZPlaybookDocument, ZPlaybookNode } from './playbook.schema';
import { SYSTEM_VARIABLE_KEYS } from './system-variables';

describe('ZPlaybookDocument', () => {
  it('parses the minimal document unchanged', () => {
    expect(ZPlaybookDocument.parse(minimalDoc())).toEqual(minimalDoc());
  });

  it('rejects the dropped meeting card', () => {
    expect(
      ZPlaybookNode.safeParse({ id: 'm', type: 'meeting', content: { type: 'doc', content: [] } }).success,
    ).toBe(false);
  });

  it('rejects a length validation whose min exceeds its max', () => {
    const result = ZPlaybookNode.safeParse({
      id: 'c',
      type: 'capture',
      field: 'custom',
      saveTo: 'x',
      prompt: { type: 'doc', content: [] },
      required: true,
      validation: { kind: 'length', min: 5, max: 2, errorMessage: 'x', maxAttempts: 1 },
    });
    expect(result.success).toBe(false);
  });

  it('rejects more than ten button options and labels over 40 characters', () => {
    const node = (options: { id: string; label: string }[]) => ({
      id: 'q',
      type: 'question',
      content: { type: 'doc', content: [] },
      answer: { kind: 'buttons', options },
    });
    const eleven = Array.from({ length: 11 }, (_, i) => ({ id: `o${i}`, label: `L${i}` }));
    expect(ZPlaybookNode.safeParse(node(eleven)).success).toBe(false);
    expect(ZPlaybookNode.safeParse(node([{ id: 'a', label: 'x'.repeat(41) }])).success).toBe(false);
    expect(ZPlaybookNode.safeParse(node([{ id: 'a', label: 'x'.repeat(40) }])).success).toBe(true);
  });
});

describe('SYSTEM_VARIABLES', () => {
  it('lists the eight system variables', () => {
    expect(SYSTEM_VARIABLE_KEYS).toEqual([
      'visitor_name',
      'visitor_email',
      'visitor_phone',
      'company_name',
      'page_url',
      'referrer',
      'locale',
      'back_at',
    ]);
  });
});
