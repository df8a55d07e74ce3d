import { describe, expect, it } from 'vitest';
import { defaultRecordTitle } from './default-title';

describe('defaultRecordTitle', () => {
  it.each([
    ['en', 'deal', 'Acme deal'],
    ['es', 'deal', 'Oportunidad de Acme'],
    ['es', 'lead', 'Lead de Acme'],
    ['pt-BR', 'deal', 'Negócio de Acme'],
    ['fr', 'lead', 'Prospect Acme'],
    ['de', 'deal', 'Deal Acme'],
  ] as const)('words a %s %s', (language, kind, expected) => {
    expect(defaultRecordTitle(kind, { organization: 'Acme', visitorNumber: 7 }, language)).toBe(expected);
  });
  it('falls back to the person, the email and the visitor number in the language', () => {
    expect(defaultRecordTitle('lead', { person: ' Ana ', visitorNumber: 7 }, 'en')).toBe('Ana lead');
    expect(defaultRecordTitle('lead', { email: 'a@b.c', visitorNumber: 7 }, 'en')).toBe('a@b.c lead');
    expect(defaultRecordTitle('deal', { visitorNumber: 7 }, 'es')).toBe('Oportunidad de Visitante #7');
  });
  it('keeps a name with $ signs as typed', () => {
    expect(defaultRecordTitle('deal', { organization: 'A$&B', visitorNumber: 1 }, 'en')).toBe('A$&B deal');
  });
});
