import { describe, expect, it } from 'vitest';
import { interpolate, interpolateString, listTemplateVariables } from './interpolate';
import type { TBlock, TMark, TParagraph, TRichText, TTextNode } from './rich-text.schema';

const bold: TMark = { type: 'bold' };
const link = (href: string): TMark => ({ type: 'link', href });
const t = (text: string, ...marks: TMark[]): TTextNode =>
  marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text };
const p = (...content: TTextNode[]): TParagraph => ({ type: 'paragraph', content });
const doc = (...content: TBlock[]): TRichText => ({ type: 'doc', content });

describe('interpolateString', () => {
  it('replaces {{key}} and {{ key }} with their values', () => {
    expect(
      interpolateString('{{visitor_name}} – lead from {{ company_name }}', {
        visitor_name: 'Ana',
        company_name: 'Acme',
      }),
    ).toBe('Ana – lead from Acme');
  });

  it('renders missing and undefined keys as empty', () => {
    expect(interpolateString('Hi {{a}}{{b}}!', { b: undefined })).toBe('Hi !');
  });

  it('ignores inherited object keys', () => {
    expect(interpolateString('{{constructor}}{{to_string}}', {})).toBe('');
  });

  it('leaves braces that are not a valid key as written', () => {
    const template = '{{Name}} {{1st}} {{a-b}} {{_x}} {{}} {{ spaced key }} {single} {{{a}}}';
    expect(interpolateString(template, { a: 'A' })).toBe(
      '{{Name}} {{1st}} {{a-b}} {{_x}} {{}} {{ spaced key }} {single} {A}',
    );
  });

  it('accepts keys of up to 40 characters only', () => {
    const key40 = `k${'x'.repeat(39)}`;
    expect(interpolateString(`{{${key40}}}`, { [key40]: 'ok' })).toBe('ok');
    expect(interpolateString(`{{${key40}x}}`, { [`${key40}x`]: 'no' })).toBe(`{{${key40}x}}`);
  });

  it('does not expand templates inside values', () => {
    expect(interpolateString('{{a}}', { a: '{{b}}', b: 'nope' })).toBe('{{b}}');
  });
});

describe('interpolate', () => {
  it('replaces variables in text nodes and keeps their marks', () => {
    const d = doc(p(t('Hi '), t('{{visitor_name}}', bold), t('!')), {
      type: 'bullet_list',
      items: [p(t('{{ company_name }}'))],
    });
    expect(interpolate(d, { visitor_name: 'Ana', company_name: 'Acme' })).toEqual(
      doc(p(t('Hi '), t('Ana', bold), t('!')), { type: 'bullet_list', items: [p(t('Acme'))] }),
    );
  });

  it('inserts values as literal text, never as markup', () => {
    expect(interpolate(doc(p(t('{{x}}'))), { x: '**<b>bold</b>**' })).toEqual(doc(p(t('**<b>bold</b>**'))));
  });

  it('never touches link hrefs or images', () => {
    const d = doc(p(t('{{x}}', link('https://example.com/{{x}}'))), {
      type: 'image',
      src: 'https://cdn.example.com/{{x}}.png',
      alt: '{{x}}',
    });
    expect(interpolate(d, { x: 'y' })).toEqual(
      doc(p(t('y', link('https://example.com/{{x}}'))), {
        type: 'image',
        src: 'https://cdn.example.com/{{x}}.png',
        alt: '{{x}}',
      }),
    );
  });

  it('drops nodes, paragraphs, items and lists that end up empty, and merges what then touches', () => {
    const d = doc(
      p(t('{{missing}}')),
      p(t('a'), t('{{missing}}', bold), t('b')),
      { type: 'bullet_list', items: [p(t('{{missing}}'))] },
      { type: 'bullet_list', items: [p(t('{{missing}}')), p(t('kept'))] },
    );
    expect(interpolate(d, {})).toEqual(doc(p(t('ab')), { type: 'bullet_list', items: [p(t('kept'))] }));
  });
});

describe('listTemplateVariables', () => {
  it('lists keys used in text nodes, unique, in order of first use', () => {
    const d = doc(
      p(t('{{b}} and {{ a }}'), t('{{b}}', bold)),
      { type: 'bullet_list', items: [p(t('{{c}} {{Not_valid}}'))] },
      { type: 'image', src: 'https://cdn.example.com/i.png', alt: '{{d}}' },
      p(t('x', link('https://example.com/{{e}}'))),
    );
    expect(listTemplateVariables(d)).toEqual(['b', 'a', 'c']);
  });

  it('returns an empty list for a document without variables', () => {
    expect(listTemplateVariables(doc(p(t('plain'))))).toEqual([]);
  });
});
