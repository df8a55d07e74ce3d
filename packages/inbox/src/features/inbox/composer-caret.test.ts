import { describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { toEditorDoc } from '../../components/rich-text/editor-doc';
import { richTextExtensions } from '../../components/rich-text/editor-extensions';
import { parseMarkdown } from '../../lib/rich-text';
import { findSlashQuery } from '../canned/slash-query';
import { caretInList, caretText } from './composer-caret';

// The editor's real schema and documents (ProseMirror runs without a page).
const schema = getSchema(richTextExtensions({ placeholder: '', onLinkShortcut: () => undefined }));

/** The state of `markdown` with the caret right after the first `|` (which is removed). */
function stateAt(markdown: string): EditorState {
  const caretIndex = markdown.indexOf('|');
  const doc = schema.nodeFromJSON(toEditorDoc(parseMarkdown(markdown.replace('|', '\u2063'))));
  let pos = -1;
  doc.descendants((node, at) => {
    const index = node.isText ? (node.text ?? '').indexOf('\u2063') : -1;
    if (pos === -1 && index !== -1) pos = at + index;
  });
  if (caretIndex === -1 || pos === -1) throw new Error('no caret');
  const clean = doc.replace(pos, pos + 1, doc.slice(pos, pos));
  return EditorState.create({ doc: clean, selection: TextSelection.create(clean, pos) });
}

const slash = (markdown: string) => {
  const at = caretText(stateAt(markdown));
  return at ? findSlashQuery(at.text, at.caret) : null;
};

describe('the canned-response trigger on the editor’s text', () => {
  it('finds the `/shortcut` being typed at the start of the text or of a word', () => {
    expect(slash('/pri|')).toEqual({ start: 0, end: 4, query: 'pri' });
    expect(slash('Hello **there** /pri|')).toEqual({ start: 12, end: 16, query: 'pri' });
    expect(slash('/|')).toEqual({ start: 0, end: 1, query: '' });
  });

  it('reads the paragraph or list item of the caret, line breaks included', () => {
    expect(slash('First paragraph\n\nsecond /pri|')).toEqual({ start: 7, end: 11, query: 'pri' });
    expect(slash('- one\n- /pr|')).toEqual({ start: 0, end: 3, query: 'pr' });
    expect(slash('line one\n/pri|')).toEqual({ start: 9, end: 13, query: 'pri' });
  });

  it('is no command inside a word, an address or after a space', () => {
    expect(slash('and/or|')).toBeNull();
    expect(slash('see https://example.com/pri|')).toBeNull();
    expect(slash('/pricing now|')).toBeNull();
  });

  it('puts the block’s start beside the text, so a range maps to positions in the document', () => {
    const state = stateAt('Hi\n\nthere /x|');
    const at = caretText(state);
    expect(at).not.toBeNull();
    if (!at) return;
    expect(state.doc.textBetween(at.start + 6, at.start + at.caret)).toBe('/x');
  });
});

describe('caretInList', () => {
  it('is true in a list item, false in a paragraph', () => {
    expect(caretInList(stateAt('- one|\n- two'))).toBe(true);
    expect(caretInList(stateAt('one|'))).toBe(false);
  });
});
