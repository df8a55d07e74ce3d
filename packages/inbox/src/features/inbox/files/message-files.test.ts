import { describe, expect, it } from 'vitest';
import type { TAttachmentDto } from '@charla/protocol';
import { splitAttachments, stepImage, thumbnailBox } from './message-files';

const file = (id: string, kind: 'image' | 'file'): TAttachmentDto => ({
  id,
  name: `${id}.${kind === 'image' ? 'png' : 'pdf'}`,
  contentType: kind === 'image' ? 'image/png' : 'application/pdf',
  size: 1000,
  kind,
  width: kind === 'image' ? 100 : null,
  height: kind === 'image' ? 80 : null,
});

describe('splitAttachments', () => {
  it('keeps pictures and other files apart, each in the order sent', () => {
    const sent = [file('a', 'image'), file('b', 'file'), file('c', 'image'), file('d', 'file')];
    const { images, files } = splitAttachments(sent);
    expect(images.map((a) => a.id)).toEqual(['a', 'c']);
    expect(files.map((a) => a.id)).toEqual(['b', 'd']);
  });
  it('gives two empty lists for a message without files', () => {
    expect(splitAttachments([])).toEqual({ images: [], files: [] });
  });
});

describe('thumbnailBox', () => {
  const max = { width: 280, height: 220 };
  it.each([
    ['a small picture keeps its size', 120, 90, { width: 120, height: 90 }],
    ['a wide photo fits the width', 4000, 3000, { width: 280, height: 210 }],
    ['a tall screenshot fits the height', 1080, 2400, { width: 99, height: 220 }],
    ['a panorama keeps a visible height', 4000, 100, { width: 280, height: 48 }],
    ['a thin column keeps a visible width', 10, 2000, { width: 48, height: 220 }],
    ['a tiny icon is not shrunk below the minimum', 16, 16, { width: 48, height: 48 }],
  ])('%s', (_case, width, height, box) => {
    expect(thumbnailBox({ width, height }, max)).toEqual(box);
  });
  it('gives a 4:3 box to a picture of unknown size', () => {
    expect(thumbnailBox({ width: null, height: null }, max)).toEqual({ width: 280, height: 210 });
    expect(thumbnailBox({ width: 0, height: 50 }, { width: 120, height: 60 })).toEqual({
      width: 120,
      height: 60,
    });
  });
});

describe('stepImage', () => {
  it.each([
    [0, 1, 3, 1],
    [2, 1, 3, 0],
    [0, -1, 3, 2],
    [1, -1, 3, 0],
    [0, 1, 1, 0],
    [0, -1, 0, 0],
  ] as const)('from %i by %i among %i shows %i', (index, delta, count, expected) => {
    expect(stepImage(index, delta, count)).toBe(expected);
  });
});
