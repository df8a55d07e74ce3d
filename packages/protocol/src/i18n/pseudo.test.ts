import { describe, expect, it } from 'vitest';
import { errorCodes } from '../errors';
import { errorMessages, writtenErrorMessages } from '../error-messages';
import { intlLocale, isRtl, matchLanguage, withPseudoLocales } from './languages';
import { pseudoDictionary, pseudoLocalize } from './pseudo';
import { isVisitorNumberLabel, visitorNumberLabel } from './visitor-label';

describe('pseudoLocalize', () => {
  it('replaces every ASCII letter, brackets and lengthens the text', () => {
    const text = pseudoLocalize('Send message');
    expect(text).toMatch(/^\[Šéñð ṁéššåĝé !+\]$/);
    expect(text).not.toMatch(/[A-Za-z]/);
    expect(text.length).toBeGreaterThan('Send message'.length + 3);
  });
  it('keeps placeholders and markup untouched when they are interpolated later', () => {
    expect(pseudoLocalize('Hi {{name}}, see <b>{count}</b>')).toMatch(
      /^\[Ĥî \{\{name\}\}, šéé <b>\{count\}<\/b> !+\]$/,
    );
  });
  it('wraps the right-to-left variant in an override', () => {
    expect(pseudoLocalize('Hi', true)).toBe('\u202e[Ĥî !]\u202c');
  });
  it('keeps the shape of a dictionary', () => {
    expect(pseudoDictionary({ a: 'Yes', b: { c: 'No' } })).toEqual({ a: '[Ýéš !]', b: { c: '[Ñö !]' } });
  });
});

describe('languages', () => {
  it('generates both pseudo-locales from English', () => {
    const all = withPseudoLocales({ en: 'Yes', es: 'Sí', 'pt-BR': 'Sim', fr: 'Oui', de: 'Ja' });
    expect(all['en-XA']).toBe('[Ýéš !]');
    expect(all['ar-XB']).toBe('\u202e[Ýéš !]\u202c');
  });
  it.each([
    ['es-MX', 'es'],
    ['pt', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['fr-CA', 'fr'],
    ['de', 'de'],
    ['en-XA', 'en-XA'],
    ['ja', null],
    [undefined, null],
  ])('matches %s to %s', (input, expected) => expect(matchLanguage(input)).toBe(expected));
  it('formats the pseudo-locales as their base language, the Arabic one right to left', () => {
    expect(intlLocale('en-XA')).toBe('en');
    expect(intlLocale('pt-BR')).toBe('pt-BR');
    expect(isRtl('ar-XB')).toBe(true);
    expect(isRtl('de')).toBe(false);
  });
});

describe('error messages', () => {
  it.each(Object.entries(writtenErrorMessages))('has every code in %s', (_language, messages) => {
    expect(errorCodes.filter((code) => !(code in messages))).toEqual([]);
  });
  it('says every code in German, not English', () => {
    expect(errorMessages.de.WEBHOOK_URL_FORBIDDEN).not.toBe(errorMessages.en.WEBHOOK_URL_FORBIDDEN);
    expect(errorMessages['en-XA'].NOT_FOUND).toMatch(/^\[Ñöţĥîñĝ/);
  });
});

describe('visitorNumberLabel', () => {
  it('says the number in each language and recognises any of them as the fallback', () => {
    expect(visitorNumberLabel(42, 'es')).toBe('Visitante #42');
    expect(visitorNumberLabel(42, 'de')).toBe('Besucher #42');
    expect(isVisitorNumberLabel('Visitor #42', 42)).toBe(true);
    expect(isVisitorNumberLabel('Visiteur nº 42', 42)).toBe(true);
    expect(isVisitorNumberLabel('Visitor #43', 42)).toBe(false);
    expect(isVisitorNumberLabel('Ana', 42)).toBe(false);
  });
});
