import { describe, expect, it } from 'vitest';
import { conversationDisplayName, deriveConversationIdentity } from './conversation-identity';
import { foldText, queryTokens } from './fold-text';
import { toPostgresPhrases, toPostgresTsQuery, toSqliteMatch, toSqlitePhrases } from './fts-query';
import { highlightSnippet } from './highlight';
import { profileDocument } from './profile-document';

describe('queryTokens', () => {
  it.each([
    ['García', ['garcia']],
    ['  Ana   GARCÍA ', ['ana', 'garcia']],
    ['ana@example.com', ['ana', 'example', 'com']],
    ['"NEAR(x)" OR *', ['near', 'x', 'or']],
    ["'); drop table --", ['drop', 'table']],
    ['!!!', []],
    ['Zoë Ñandú', ['zoe', 'nandu']],
  ])('%s → %j', (q, tokens) => expect(queryTokens(q)).toEqual(tokens));

  it('keeps at most eight words of at most 64 characters', () => {
    expect(queryTokens('a b c d e f g h i j')).toHaveLength(8);
    expect(queryTokens('x'.repeat(100))[0]).toHaveLength(64);
  });

  it('folds like the index does', () => expect(foldText('Ÿes Çà Ö')).toBe('yes ca o'));
});

describe('full-text query syntax', () => {
  it('quotes every word and makes the last a prefix', () => {
    expect(toSqliteMatch(['ana', 'garc'])).toBe('"ana" "garc"*');
    expect(toPostgresTsQuery(['ana', 'garc'])).toBe('ana & garc:*');
    expect(toSqliteMatch(['x'])).toBe('"x"*');
  });
});

describe('highlightSnippet', () => {
  it('flags folded matches and keeps the original spelling', () => {
    expect(highlightSnippet('Hola, soy Lucía García.', ['garcia'])).toEqual([
      { text: 'Hola, soy Lucía ', match: false },
      { text: 'García', match: true },
      { text: '.', match: false },
    ]);
  });

  it('matches the last word as a prefix, the others whole', () => {
    const marked = highlightSnippet('garden gardening gar', ['gar', 'garden']).filter((s) => s.match);
    expect(marked.map((s) => s.text)).toEqual(['garden', 'gardening', 'gar']);
    const exact = highlightSnippet('garden gardening', ['garden', 'x']).filter((s) => s.match);
    expect(exact.map((s) => s.text)).toEqual(['garden']);
  });

  it('cuts a long text around the first match, with ellipses', () => {
    const text = `${'lorem '.repeat(60)}needle ${'ipsum '.repeat(60)}`;
    const segments = highlightSnippet(text, ['needle'], 80);
    expect(segments[0]?.text.startsWith('…')).toBe(true);
    expect(segments.at(-1)?.text.endsWith('…')).toBe(true);
    expect(segments.find((s) => s.match)?.text).toBe('needle');
    expect(segments.map((s) => s.text).join('').length).toBeLessThanOrEqual(82);
  });

  it('returns markup as text, never interpreted', () => {
    expect(highlightSnippet('<b>x</b>', ['b'])).toEqual([
      { text: '<', match: false },
      { text: 'b', match: true },
      { text: '>x</', match: false },
      { text: 'b', match: true },
      { text: '>', match: false },
    ]);
  });

  it('is the start of the text when nothing matches', () => {
    expect(highlightSnippet('plain text', ['zzz'])).toEqual([{ text: 'plain text', match: false }]);
  });
});

describe('deriveConversationIdentity', () => {
  const none = { name: null, email: null, phone: null };
  it.each([
    ['nothing known', { person: null, panel: null, captured: none }, none],
    [
      'the capture alone',
      { person: null, panel: null, captured: { name: ' Ana ', email: 'ANA@X.ES', phone: null } },
      { name: 'Ana', email: 'ana@x.es', phone: null },
    ],
    [
      'the panel over the capture',
      {
        person: null,
        panel: { name: 'Ana García', email: null, phone: '+34 600' },
        captured: { name: 'ana', email: 'ana@x.es', phone: null },
      },
      { name: 'Ana García', email: 'ana@x.es', phone: '+34 600' },
    ],
    [
      'the linked person over everything',
      {
        person: { name: 'Ana G. López', email: 'ana@work.es', phone: null },
        panel: { name: 'Ana García', email: '', phone: '+34 600' },
        captured: { name: 'ana', email: 'ana@x.es', phone: null },
      },
      { name: 'Ana G. López', email: 'ana@work.es', phone: '+34 600' },
    ],
  ])('%s', (_case, sources, expected) => expect(deriveConversationIdentity(sources)).toEqual(expected));

  it('labels by name, else email, else the visitor number', () => {
    expect(conversationDisplayName({ name: 'Ana', email: 'a@x.es' }, 7)).toBe('Ana');
    expect(conversationDisplayName({ name: null, email: 'a@x.es' }, 7)).toBe('a@x.es');
    expect(conversationDisplayName(null, 7)).toBe('Visitor #7');
  });
});

describe('profileDocument', () => {
  it('lists every source once, phones also as digits', () => {
    const doc = profileDocument({
      visitorNumber: 12,
      identity: { name: 'Ana', email: 'ana@x.es', phone: '+34 600 11 22' },
      captured: 'ana ana@x.es',
      panel: ['Ana', null, 'Acme', ''],
      persons: [{ name: 'Ana', emails: ['ana@x.es'], phones: [], notes: 'VIP' }],
      organizations: [{ name: 'Acme', address: 'Calle 1' }],
    });
    expect(doc.split('\n')).toEqual([
      'Visitor #12',
      'Ana',
      'ana@x.es',
      '+34 600 11 22',
      '346001122',
      'ana ana@x.es',
      'Acme',
      'VIP',
      'Calle 1',
    ]);
  });
});

describe('phrase queries (CRM list search)', () => {
  it('keeps the parts of one typed word together, the last token a prefix', () => {
    const groups = [['ana', 'example', 'com'], ['garc']];
    expect(toSqlitePhrases(groups)).toBe('"ana" + "example" + "com" "garc"*');
    expect(toPostgresPhrases(groups)).toBe('(ana <-> example <-> com) & garc:*');
    expect(toSqlitePhrases([['o', 'b']])).toBe('"o" + "b"*');
    expect(toPostgresPhrases([['o', 'b']])).toBe('(o <-> b:*)');
  });
});
