import { describe, expect, it } from 'vitest';
import { canonicalMarks, mergeTextNodes } from './merge-text-nodes';

describe('canonicalMarks', () => {
  it('orders marks bold, italic, link and drops duplicates, keeping the first link', () => {
    expect(
      canonicalMarks([
        { type: 'link', href: 'https://a.example' },
        { type: 'italic' },
        { type: 'bold' },
        { type: 'italic' },
        { type: 'link', href: 'https://b.example' },
      ]),
    ).toEqual([{ type: 'bold' }, { type: 'italic' }, { type: 'link', href: 'https://a.example' }]);
    expect(canonicalMarks(undefined)).toEqual([]);
  });
});

describe('mergeTextNodes', () => {
  it('merges neighbours with equal marks, drops empty text and omits empty mark lists', () => {
    expect(
      mergeTextNodes([
        { type: 'text', text: 'a', marks: [] },
        { type: 'text', text: '', marks: [{ type: 'bold' }] },
        { type: 'text', text: 'b' },
        { type: 'text', text: 'c', marks: [{ type: 'italic' }, { type: 'bold' }] },
        { type: 'text', text: 'd', marks: [{ type: 'bold' }, { type: 'italic' }] },
        { type: 'text', text: 'e', marks: [{ type: 'link', href: 'https://a.example' }] },
        { type: 'text', text: 'f', marks: [{ type: 'link', href: 'https://b.example' }] },
      ]),
    ).toEqual([
      { type: 'text', text: 'ab' },
      { type: 'text', text: 'cd', marks: [{ type: 'bold' }, { type: 'italic' }] },
      { type: 'text', text: 'e', marks: [{ type: 'link', href: 'https://a.example' }] },
      { type: 'text', text: 'f', marks: [{ type: 'link', href: 'https://b.example' }] },
    ]);
  });

  it('does not change its input', () => {
    const nodes = [
      { type: 'text' as const, text: 'a' },
      { type: 'text' as const, text: 'b' },
    ];
    mergeTextNodes(nodes);
    expect(nodes).toEqual([
      { type: 'text', text: 'a' },
      { type: 'text', text: 'b' },
    ]);
  });
});
