import { describe, expect, it } from 'vitest';
import { parseMarkdown } from './parse-markdown';
import { pathologicalMarkdown } from './pathological-markdown';
import {
  ZRichText,
  type TBlock,
  type TMark,
  type TParagraph,
  type TRichText,
  type TTextNode,
} from './rich-text.schema';

const bold: TMark = { type: 'bold' };
const italic: TMark = { type: 'italic' };
const link = (href: string): TMark => ({ type: 'link', href });
const t = (text: string, ...marks: TMark[]): TTextNode =>
  marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text };
const p = (...content: TTextNode[]): TParagraph => ({ type: 'paragraph', content });
const doc = (...content: TBlock[]): TRichText => ({ type: 'doc', content });

/** Seeded PRNG (mulberry32), so random cases are the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

describe('parseMarkdown', () => {
  describe('paragraphs', () => {
    it('returns an empty document when the input is empty or blank', () => {
      expect(parseMarkdown('')).toEqual(doc());
      expect(parseMarkdown(' \n\t\n  ')).toEqual(doc());
    });

    it('keeps plain text as one text node', () => {
      expect(parseMarkdown('Hello there')).toEqual(doc(p(t('Hello there'))));
    });

    it('splits paragraphs on blank lines, including lines of only whitespace', () => {
      expect(parseMarkdown('one\n\ntwo\n \t \nthree\n\n\n\nfour')).toEqual(
        doc(p(t('one')), p(t('two')), p(t('three')), p(t('four'))),
      );
    });

    it('keeps a single newline inside a paragraph as "\\n"', () => {
      expect(parseMarkdown('line one\nline two')).toEqual(doc(p(t('line one\nline two'))));
    });

    it('treats CRLF and CR like LF', () => {
      expect(parseMarkdown('a\r\nb\r\n\r\nc\rd')).toEqual(doc(p(t('a\nb')), p(t('c\nd'))));
    });

    it('keeps leading and trailing spaces of lines as written', () => {
      expect(parseMarkdown('  indented\ntrailing  ')).toEqual(doc(p(t('  indented\ntrailing  '))));
    });
  });

  describe('emphasis', () => {
    it('reads **bold**, *italic* and _italic_', () => {
      expect(parseMarkdown('a **b** *c* _d_')).toEqual(
        doc(p(t('a '), t('b', bold), t(' '), t('c', italic), t(' '), t('d', italic))),
      );
    });

    it('reads bold and italic nested either way', () => {
      expect(parseMarkdown('***x***')).toEqual(doc(p(t('x', bold, italic))));
      expect(parseMarkdown('**a *b* c**')).toEqual(
        doc(p(t('a ', bold), t('b', bold, italic), t(' c', bold))),
      );
      expect(parseMarkdown('*a **b** c*')).toEqual(
        doc(p(t('a ', italic), t('b', bold, italic), t(' c', italic))),
      );
      expect(parseMarkdown('_**x**_')).toEqual(doc(p(t('x', bold, italic))));
      expect(parseMarkdown('**a _b_**_c_')).toEqual(
        doc(p(t('a ', bold), t('b', bold, italic), t('c', italic))),
      );
    });

    it('reads __bold__ too, as CommonMark does', () => {
      expect(parseMarkdown('__x__')).toEqual(doc(p(t('x', bold))));
    });

    it('leaves underscores inside words alone, so variables and snake_case survive', () => {
      expect(parseMarkdown('Hi {{first_name}} {{last_name}}, see my_var_name')).toEqual(
        doc(p(t('Hi {{first_name}} {{last_name}}, see my_var_name'))),
      );
    });

    it('reads stars inside a word as emphasis', () => {
      expect(parseMarkdown('un*frigging*believable')).toEqual(
        doc(p(t('un'), t('frigging', italic), t('believable'))),
      );
    });

    it('keeps unmatched or space-surrounded delimiters as literal text', () => {
      expect(parseMarkdown('2 * 3 * 4')).toEqual(doc(p(t('2 * 3 * 4'))));
      expect(parseMarkdown('**open only')).toEqual(doc(p(t('**open only'))));
      expect(parseMarkdown('a ** b ** c')).toEqual(doc(p(t('a ** b ** c'))));
      expect(parseMarkdown('* not closed*')).toEqual(
        doc({ type: 'bullet_list', items: [p(t('not closed*'))] }),
      );
    });

    it('lets emphasis span a line break inside a paragraph', () => {
      expect(parseMarkdown('**a\nb**')).toEqual(doc(p(t('a\nb', bold))));
    });

    it('merges neighbours with equal marks', () => {
      expect(parseMarkdown('**a**__b__')).toEqual(doc(p(t('ab', bold))));
    });
  });

  describe('escapes', () => {
    it('reads a backslash before ASCII punctuation as that character', () => {
      expect(parseMarkdown('\\*not italic\\* \\_no\\_ \\[no link\\] \\\\ \\- \\!')).toEqual(
        doc(p(t('*not italic* _no_ [no link] \\ - !'))),
      );
    });

    it('keeps a backslash before anything else', () => {
      expect(parseMarkdown('C:\\Users\\me')).toEqual(doc(p(t('C:\\Users\\me'))));
    });
  });

  describe('links', () => {
    it('reads http, https and mailto links', () => {
      expect(
        parseMarkdown('[a](http://example.com) [b](https://example.com/x?y=1#z) [c](mailto:hi@example.com)'),
      ).toEqual(
        doc(
          p(
            t('a', link('http://example.com')),
            t(' '),
            t('b', link('https://example.com/x?y=1#z')),
            t(' '),
            t('c', link('mailto:hi@example.com')),
          ),
        ),
      );
    });

    it('reads emphasis inside and around a link', () => {
      expect(parseMarkdown('[**a** b](https://x.example)')).toEqual(
        doc(p(t('a', bold, link('https://x.example')), t(' b', link('https://x.example')))),
      );
      expect(parseMarkdown('**see [docs](https://x.example) now**')).toEqual(
        doc(p(t('see ', bold), t('docs', bold, link('https://x.example')), t(' now', bold))),
      );
    });

    it('allows balanced or escaped parentheses in the href', () => {
      expect(parseMarkdown('[w](https://en.wikipedia.org/wiki/Foo_(bar))')).toEqual(
        doc(p(t('w', link('https://en.wikipedia.org/wiki/Foo_(bar)')))),
      );
      expect(parseMarkdown('[w](https://x.example/a\\)b)')).toEqual(
        doc(p(t('w', link('https://x.example/a)b')))),
      );
    });

    it('keeps a link with a disallowed href as literal text', () => {
      for (const md of [
        '[x](javascript:alert(1))',
        '[x](ftp://example.com)',
        '[x](//example.com)',
        '[x](https://user:pw@example.com)',
        '[x](mailto:nobody)',
        '[**x**](data:text/html,hi)',
      ]) {
        expect(parseMarkdown(md)).toEqual(doc(p(t(md))));
      }
    });

    it('keeps incomplete link syntax as literal text', () => {
      for (const md of [
        '[x]',
        '[x] (https://x.example)',
        '[](https://x.example)',
        '[x](https://x.example',
        '[x](https://x.example/a b)',
      ]) {
        expect(parseMarkdown(md)).toEqual(doc(p(t(md))));
      }
    });

    it('lets the innermost bracket start the link', () => {
      expect(parseMarkdown('[a [b](https://x.example)')).toEqual(
        doc(p(t('[a '), t('b', link('https://x.example')))),
      );
    });
  });

  describe('images', () => {
    it('reads an image alone on a line as an image block', () => {
      expect(parseMarkdown('![A cat](https://cdn.example.com/cat.png)')).toEqual(
        doc({ type: 'image', src: 'https://cdn.example.com/cat.png', alt: 'A cat' }),
      );
    });

    it('splits the surrounding paragraph around an image line', () => {
      expect(parseMarkdown('before\n![](https://cdn.example.com/i.png)\nafter')).toEqual(
        doc(p(t('before')), { type: 'image', src: 'https://cdn.example.com/i.png', alt: '' }, p(t('after'))),
      );
    });

    it('allows http images on localhost only', () => {
      expect(parseMarkdown('![x](http://localhost:3000/i.png)')).toEqual(
        doc({ type: 'image', src: 'http://localhost:3000/i.png', alt: 'x' }),
      );
      expect(parseMarkdown('![x](http://example.com/i.png)')).toEqual(
        doc(p(t('![x](http://example.com/i.png)'))),
      );
    });

    it('keeps an image with a disallowed src as literal text', () => {
      expect(parseMarkdown('![x](javascript:alert(1))')).toEqual(doc(p(t('![x](javascript:alert(1))'))));
      expect(parseMarkdown('![x](data:image/png;base64,AAAA)')).toEqual(
        doc(p(t('![x](data:image/png;base64,AAAA)'))),
      );
    });

    it('keeps image syntax inside a line as literal text', () => {
      expect(parseMarkdown('look ![x](https://cdn.example.com/i.png) here')).toEqual(
        doc(p(t('look ![x](https://cdn.example.com/i.png) here'))),
      );
    });
  });

  describe('bullet lists', () => {
    it('reads "- " and "* " lines as one list', () => {
      expect(parseMarkdown('- one\n* **two**\n- three')).toEqual(
        doc({ type: 'bullet_list', items: [p(t('one')), p(t('two', bold)), p(t('three'))] }),
      );
    });

    it('continues an item on a line indented by two spaces', () => {
      expect(parseMarkdown('- one\n  more\n- two')).toEqual(
        doc({ type: 'bullet_list', items: [p(t('one\nmore')), p(t('two'))] }),
      );
    });

    it('ends the list at a blank line or an unindented line', () => {
      expect(parseMarkdown('intro\n- a\n- b\nafter\n\n- c')).toEqual(
        doc(p(t('intro')), { type: 'bullet_list', items: [p(t('a')), p(t('b'))] }, p(t('after')), {
          type: 'bullet_list',
          items: [p(t('c'))],
        }),
      );
    });

    it('drops empty items and lists with no items left', () => {
      expect(parseMarkdown('- a\n- \n-   \n- b')).toEqual(
        doc({ type: 'bullet_list', items: [p(t('a')), p(t('b'))] }),
      );
      expect(parseMarkdown('- \n- ')).toEqual(doc());
    });

    it('needs the marker in the first column and a space after it', () => {
      expect(parseMarkdown(' - a')).toEqual(doc(p(t(' - a'))));
      expect(parseMarkdown('-a\n+ b\n1. c')).toEqual(doc(p(t('-a\n+ b\n1. c'))));
    });
  });

  describe('everything else', () => {
    it('keeps HTML as literal text', () => {
      expect(parseMarkdown('<b>hi</b> <script>alert(1)</script>')).toEqual(
        doc(p(t('<b>hi</b> <script>alert(1)</script>'))),
      );
    });

    it('keeps headings, quotes, code, rules and entities as literal text', () => {
      const md = '# Title\n> quote\n`code`\n---\n&amp; &#60;';
      expect(parseMarkdown(md)).toEqual(doc(p(t(md))));
    });
  });

  describe('robustness', () => {
    const FRAGMENTS = [
      'a',
      ' ',
      '\n',
      '\n\n',
      '*',
      '**',
      '_',
      '[',
      ']',
      '(',
      ')',
      '!',
      '\\',
      '- ',
      '* ',
      '  ',
      '<',
      '&',
      '😀',
      '\u0000',
      '\u2028',
      '[x](https://x.example)',
      '![i](https://cdn.example/i.png)',
      'javascript:',
    ];

    it('never throws and always returns a schema-valid document on random input', () => {
      const next = random(42);
      for (let n = 0; n < 1500; n += 1) {
        let md = '';
        for (let i = Math.floor(next() * 30); i > 0; i -= 1)
          md += FRAGMENTS[Math.floor(next() * FRAGMENTS.length)] ?? '';
        const result = ZRichText.safeParse(parseMarkdown(md));
        expect(result.success, md).toBe(true);
      }
    });

    // A hang guard, not a speed check: quadratic work would take many minutes here, so the
    // timeout only trips on that. How fast it is, is a figure of `npm run bench` (parser).
    it('answers a document on pathological input', { timeout: 120_000 }, () => {
      for (const md of pathologicalMarkdown()) expect(parseMarkdown(md).type).toBe('doc');
    });
  });
});
