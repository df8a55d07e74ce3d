import { describe, expect, it } from 'vitest';
import { renderHtml, ZRichText, type TRichText } from '@charla/protocol';
import { applyCommand, editableText, richTextOf, urlProblem } from './rich-text-editing';

function select(text: string, part: string) {
  const start = text.indexOf(part);
  return { text, start, end: start + part.length };
}

describe('card message editor serialisation', () => {
  it('makes a selected part bold and adds a link, stored as marks of the AST', () => {
    const text = 'Connecting you with our team. See our pricing.';
    const bold = applyCommand(select(text, 'our team'), 'bold', { placeholder: 'bold' });
    const linked = applyCommand(select(bold.text, 'pricing'), 'link', {
      placeholder: 'link',
      url: 'https://example.com/pricing',
    });
    const doc = richTextOf(linked.text);
    expect(ZRichText.safeParse(doc).success).toBe(true);
    const nodes = doc.content[0]?.type === 'paragraph' ? (doc.content[0].content ?? []) : [];
    expect(nodes).toContainEqual({ type: 'text', text: 'our team', marks: [{ type: 'bold' }] });
    expect(nodes).toContainEqual({
      type: 'text',
      text: 'pricing',
      marks: [{ type: 'link', href: 'https://example.com/pricing' }],
    });
    expect(renderHtml(doc)).toContain('<strong>our team</strong>');
  });

  it('round-trips what it can make: bold, italic, links, bullet lists and images', () => {
    const doc: TRichText = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Hi ' },
            { type: 'text', text: 'there', marks: [{ type: 'bold' }] },
            { type: 'text', text: ', read ' },
            { type: 'text', text: 'this', marks: [{ type: 'italic' }] },
            { type: 'text', text: ' and ' },
            { type: 'text', text: 'that', marks: [{ type: 'link', href: 'https://charla.test/a' }] },
          ],
        },
        {
          type: 'bullet_list',
          items: [
            { type: 'paragraph', content: [{ type: 'text', text: 'one' }] },
            { type: 'paragraph', content: [{ type: 'text', text: 'two' }] },
          ],
        },
        { type: 'image', src: 'https://charla.test/team.png', alt: 'Our team' },
      ],
    };
    expect(richTextOf(editableText(doc))).toEqual(doc);
  });

  it('turns lines into a bullet list and inserts an image block', () => {
    const listed = applyCommand(select('Intro\n\nfirst\nsecond', 'first\nsecond'), 'list', {
      placeholder: '',
    });
    const withImage = applyCommand(
      { text: listed.text, start: listed.text.length, end: listed.text.length },
      'image',
      {
        placeholder: '',
        url: 'https://charla.test/x.png',
        alt: 'x',
      },
    );
    const doc = richTextOf(withImage.text);
    expect(doc.content.map((b) => b.type)).toEqual(['paragraph', 'bullet_list', 'image']);
  });

  it('keeps anything outside the allowed set as literal text', () => {
    const doc = richTextOf('# Title\n\n<script>alert(1)</script> [x](javascript:alert(1))');
    expect(doc.content.every((b) => b.type === 'paragraph')).toBe(true);
    const html = renderHtml(doc);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('href="javascript');
  });

  it('accepts only http(s)/mailto links and https images', () => {
    expect(urlProblem('link', 'https://example.com')).toBeNull();
    expect(urlProblem('link', 'mailto:hi@example.com')).toBeNull();
    expect(urlProblem('link', 'javascript:alert(1)')).toBe('invalid');
    expect(urlProblem('image', 'http://example.com/a.png')).toBe('invalid');
    expect(urlProblem('image', 'https://example.com/a.png')).toBeNull();
  });
});
