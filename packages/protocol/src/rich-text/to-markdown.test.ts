import { describe, expect, it } from 'vitest';
import { parseMarkdown } from './parse-markdown';
import type { TBlock, TMark, TParagraph, TRichText, TTextNode } from './rich-text.schema';
import { toMarkdown } from './to-markdown';

const bold: TMark = { type: 'bold' };
const italic: TMark = { type: 'italic' };
const link = (href: string): TMark => ({ type: 'link', href });
const t = (text: string, ...marks: TMark[]): TTextNode =>
  marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text };
const p = (...content: TTextNode[]): TParagraph => ({ type: 'paragraph', content });
const ul = (...items: TParagraph[]): TBlock => ({ type: 'bullet_list', items });
const img = (src: string, alt = ''): TBlock => ({ type: 'image', src, alt });
const doc = (...content: TBlock[]): TRichText => ({ type: 'doc', content });

function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

const U = 'https://example.com/page';

/** Normalized documents: the shapes parseMarkdown produces. */
const NORMALIZED_DOCS: Record<string, TRichText> = {
  empty: doc(),
  plain: doc(p(t('Hello there'))),
  'several paragraphs': doc(p(t('one')), p(t('two\nlines')), p(t('three'))),
  'bold and italic': doc(p(t('a '), t('bold', bold), t(' and '), t('italic', italic), t(' text'))),
  'bold and italic together': doc(p(t('both', bold, italic))),
  'italic inside bold': doc(p(t('a ', bold), t('b', bold, italic), t(' c', bold))),
  'bold inside italic': doc(p(t('a ', italic), t('b', bold, italic), t(' c', italic))),
  'bold then italic, touching': doc(p(t('a ', bold), t('b', bold, italic), t('c', italic))),
  'emphasis inside a word': doc(
    p(t('un'), t('frigging', italic), t('believable and '), t('super', bold), t('man')),
  ),
  'emphasis across lines': doc(p(t('first\nsecond', bold), t(' third'))),
  link: doc(p(t('see '), t('the docs', link(U)), t('.'))),
  'link with emphasis inside': doc(
    p(t('bold', bold, link(U)), t(' and ', link(U)), t('italic', italic, link(U))),
  ),
  'bold around a link': doc(p(t('see ', bold), t('docs', bold, link(U)), t(' now', bold))),
  'links next to each other': doc(p(t('a', link(U)), t('b', link('mailto:hi@example.com')))),
  'link href with parentheses and backslash': doc(
    p(t('w', link('https://en.wikipedia.org/wiki/A_(b)\\c)d'))),
  ),
  'exclamation mark before a link': doc(p(t('Wow!'), t('link', link(U)))),
  'metacharacters in text': doc(p(t('2 * 3 = 6, [not a link](x), \\backslash\\, _under_ and **stars**'))),
  'markdown-looking lines': doc(
    p(t('- not a bullet\n* not either\n![not](https://cdn.example.com/i.png)\n  indented')),
  ),
  'html stays text': doc(p(t('<b>hi</b> <script>alert(1)</script> &amp;'))),
  'snake_case and variables': doc(p(t('Hi {{first_name}} {{last_name}}, my_var_ and _x'))),
  'punctuation inside emphasis': doc(
    p(t('a '), t('(parenthesized)', bold), t(' and '), t('"quoted"', italic)),
  ),
  'bullet list': doc(ul(p(t('one')), p(t('two', bold), t(' more')), p(t('three\nwrapped')))),
  'bullet item that looks like a bullet': doc(ul(p(t('- dash')), p(t('a\n- b')))),
  image: doc(img('https://cdn.example.com/cat.png', 'A [cat] \\o/')),
  'image src with parentheses': doc(img('https://cdn.example.com/a_(1).png')),
  'mixed blocks': doc(
    p(t('Welcome, '), t('{{visitor_name}}', bold), t('!')),
    ul(p(t('Pricing', link('https://example.com/pricing'))), p(t('Support', italic))),
    img('https://cdn.example.com/hero.png', 'hero'),
    p(t('Reply below.')),
  ),
  unicode: doc(p(t('Café '), t('😀 ok', bold), t(' — fine\u2028line'))),
};

describe('toMarkdown', () => {
  for (const [name, d] of Object.entries(NORMALIZED_DOCS)) {
    it(`round-trips through parseMarkdown when the doc is "${name}"`, () => {
      expect(parseMarkdown(toMarkdown(d))).toEqual(d);
    });
  }

  it('writes the expected Markdown for common shapes', () => {
    expect(toMarkdown(NORMALIZED_DOCS['bold and italic'] as TRichText)).toBe('a **bold** and _italic_ text');
    expect(toMarkdown(NORMALIZED_DOCS['bold around a link'] as TRichText)).toBe(`**see [docs](${U}) now**`);
    expect(toMarkdown(NORMALIZED_DOCS['bullet list'] as TRichText)).toBe(
      '- one\n- **two** more\n- three\n  wrapped',
    );
    expect(toMarkdown(NORMALIZED_DOCS['mixed blocks'] as TRichText)).toBe(
      'Welcome, **{{visitor_name}}**!\n\n- [Pricing](https://example.com/pricing)\n- _Support_\n\n![hero](https://cdn.example.com/hero.png)\n\nReply below.',
    );
  });

  it('escapes Markdown metacharacters in text', () => {
    expect(toMarkdown(doc(p(t('*a* _b_ [c] \\ my_var'))))).toBe('\\*a\\* \\_b\\_ \\[c\\] \\\\ my_var');
    expect(toMarkdown(doc(p(t('- x\n* y'))))).toBe('\\- x\n\\* y');
    expect(toMarkdown(NORMALIZED_DOCS['exclamation mark before a link'] as TRichText)).toBe(
      `Wow\\![link](${U})`,
    );
  });

  it('moves whitespace at the edge of bold or italic outside it', () => {
    const d = doc(p(t('a'), t(' bold ', bold), t('b')));
    expect(toMarkdown(d)).toBe('a **bold** b');
    expect(parseMarkdown(toMarkdown(d))).toEqual(doc(p(t('a '), t('bold', bold), t(' b'))));
  });

  it('writes a disallowed link as plain text and leaves out a disallowed image', () => {
    const d = doc(
      p(t('click', link('javascript:alert(1)'))),
      img('javascript:alert(1)', 'x'),
      img('http://example.com/a.png'),
    );
    expect(toMarkdown(d)).toBe('click');
  });

  it('leaves out empty paragraphs and items', () => {
    expect(toMarkdown(doc(p(), { type: 'paragraph' }, ul(p(), p(t('a'))), p(t('b'))))).toBe('- a\n\nb');
  });

  it('canonicalizes marks: order and duplicates do not matter', () => {
    const messy = doc(p(t('x', link(U), italic, bold, bold)));
    expect(parseMarkdown(toMarkdown(messy))).toEqual(doc(p(t('x', bold, italic, link(U)))));
  });

  it('round-trips every document parsed from random Markdown', () => {
    const FRAGMENTS = [
      'hello',
      'world',
      ' ',
      ' ',
      ' ',
      '\n',
      '\n\n',
      '**',
      '*',
      '_',
      '__',
      '***',
      '- ',
      '* ',
      '  ',
      'snake_case',
      '{{first_name}}',
      '2 * 3',
      '(',
      ')',
      '[',
      ']',
      '!',
      '\\',
      '.',
      ',',
      '?',
      'é',
      '😀',
      '<b>x</b>',
      '&amp;',
      '#',
      '> ',
      '`',
      '[a link](https://example.com/a)',
      '[*b*](https://example.com/b_(c))',
      '[**c** d](mailto:hi@example.com)',
      '![alt](https://cdn.example.com/i.png)',
      '![x](javascript:alert(1))',
      '[x](javascript:alert(1))',
    ];
    for (const seed of [1, 2, 3]) {
      const next = random(seed);
      for (let n = 0; n < 600; n += 1) {
        let md = '';
        for (let i = Math.floor(next() * 20); i > 0; i -= 1)
          md += FRAGMENTS[Math.floor(next() * FRAGMENTS.length)] ?? '';
        const parsed = parseMarkdown(md);
        expect(parseMarkdown(toMarkdown(parsed)), md).toEqual(parsed);
      }
    }
  });
});
