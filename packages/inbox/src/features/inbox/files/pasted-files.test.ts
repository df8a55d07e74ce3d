import { describe, expect, it } from 'vitest';
import { pastedFiles } from './pasted-files';

describe('pastedFiles', () => {
  it.each([
    ['a screenshot (a file, no text)', ['shot.png'], '', ['shot.png']],
    ['two copied files', ['a.png', 'b.pdf'], '', ['a.png', 'b.pdf']],
    ['only whitespace as text', ['shot.png'], ' \n', ['shot.png']],
    ['plain text', [], 'hello', []],
    ['spreadsheet cells (text and a picture of them)', ['cells.png'], 'A1\tB1', []],
    ['an empty clipboard', [], '', []],
  ])('adds the files of %s', (_case, files, text, expected) => {
    expect(pastedFiles({ files, text })).toEqual(expected);
  });
});
