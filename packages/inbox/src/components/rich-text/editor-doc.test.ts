import { describe, expect, it } from 'vitest';
import type { TRichText } from '@charla/protocol';
import { fromEditorDoc, toEditorDoc } from './editor-doc';

const doc: TRichText = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Hello ' },
        { type: 'text', text: '{{visitor_name}}', marks: [{ type: 'bold' }] },
        { type: 'text', text: ', see ', marks: [{ type: 'italic' }] },
        {
          type: 'text',
          text: 'our prices',
          marks: [{ type: 'bold' }, { type: 'link', href: 'https://example.com/prices' }],
        },
      ],
    },
    { type: 'paragraph' },
    {
      type: 'bullet_list',
      items: [{ type: 'paragraph', content: [{ type: 'text', text: 'One' }] }, { type: 'paragraph' }],
    },
    { type: 'image', src: 'https://example.com/roof.png', alt: 'A roof' },
  ],
};

describe('the WYSIWYG editor’s document and the rich-text AST', () => {
  it('go both ways without losing a mark, a blank line, a list item or an image', () => {
    expect(fromEditorDoc(toEditorDoc(doc))).toEqual(doc);
  });

  it('gives an empty text one paragraph to type in, and reads an editor holding only blank lines as empty', () => {
    expect(toEditorDoc({ type: 'doc', content: [] })).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph' }],
    });
    expect(
      fromEditorDoc({ type: 'doc', content: [{ type: 'paragraph' }, { type: 'paragraph', content: [] }] }),
    ).toEqual({ type: 'doc', content: [] });
  });

  it('drops what the server would refuse: a script link keeps its text, an http image and unknown nodes go', () => {
    const pasted = fromEditorDoc({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: 'click',
              marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
            },
            { type: 'text', text: ' me', marks: [{ type: 'underline' }] },
          ],
        },
        { type: 'image', attrs: { src: 'http://evil.example/pixel.gif', alt: '' } },
        { type: 'heading', content: [{ type: 'text', text: 'Title' }] },
        { type: 'bulletList', content: [] },
      ],
    });
    expect(pasted).toEqual({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          // What is left of both is plain text: one node.
          content: [{ type: 'text', text: 'click me' }],
        },
      ],
    });
  });

  it('keeps line breaks (Shift+Enter) as "\\n" in the text, with the marks around them', () => {
    const broken: TRichText = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Line one\nline two', marks: [{ type: 'bold' }] },
            { type: 'text', text: '\nthree' },
          ],
        },
        { type: 'bullet_list', items: [{ type: 'paragraph', content: [{ type: 'text', text: 'a\nb' }] }] },
      ],
    };
    const editorDoc = toEditorDoc(broken);
    expect(editorDoc.content?.[0]?.content?.map((node) => node.type)).toEqual([
      'text',
      'hardBreak',
      'text',
      'hardBreak',
      'text',
    ]);
    expect(fromEditorDoc(editorDoc)).toEqual(broken);
  });
});
