import { describe, expect, it } from 'vitest';
import { insertLink, isSendKey, toggleInline, toggleList } from './composer-format';
import { parseMarkdown } from '../../lib/rich-text';

describe('toggleInline', () => {
  it('wraps the selection in bold markers and keeps it selected', () => {
    expect(toggleInline({ text: 'say hello now', start: 4, end: 9 }, 'bold', 'x')).toEqual({
      text: 'say **hello** now',
      start: 6,
      end: 11,
    });
  });
  it('unwraps an already bold selection', () => {
    expect(toggleInline({ text: 'say **hello** now', start: 6, end: 11 }, 'bold', 'x')).toEqual({
      text: 'say hello now',
      start: 4,
      end: 9,
    });
  });
  it('inserts a placeholder when nothing is selected', () => {
    expect(toggleInline({ text: '', start: 0, end: 0 }, 'italic', 'text').text).toBe('_text_');
  });
  it('produces Markdown the protocol parser turns into marks', () => {
    const doc = parseMarkdown(toggleInline({ text: 'a b', start: 2, end: 3 }, 'italic', 'x').text);
    expect(JSON.stringify(doc)).toContain('"italic"');
  });
});

describe('insertLink', () => {
  it('links the selected text', () => {
    expect(insertLink({ text: 'see docs', start: 4, end: 8 }, 'https://x.io', 'link').text).toBe(
      'see [docs](https://x.io)',
    );
  });
});

describe('toggleList', () => {
  it('bullets every selected line', () => {
    expect(toggleList({ text: 'a\nb', start: 0, end: 3 }).text).toBe('- a\n- b');
  });
  it('removes bullets when all lines have them', () => {
    expect(toggleList({ text: '- a\n- b', start: 0, end: 7 }).text).toBe('a\nb');
  });
  it('separates the list from a paragraph above so it parses as a list', () => {
    const result = toggleList({ text: 'intro\nitem', start: 6, end: 10 });
    expect(result.text).toBe('intro\n\n- item');
    expect(parseMarkdown(result.text).content.map((b) => b.type)).toEqual(['paragraph', 'bullet_list']);
  });
});

describe('isSendKey', () => {
  it('sends on Enter and not on Shift+Enter or while composing', () => {
    expect(isSendKey({ key: 'Enter', shiftKey: false, isComposing: false })).toBe(true);
    expect(isSendKey({ key: 'Enter', shiftKey: true, isComposing: false })).toBe(false);
    expect(isSendKey({ key: 'Enter', shiftKey: false, isComposing: true })).toBe(false);
  });
});
