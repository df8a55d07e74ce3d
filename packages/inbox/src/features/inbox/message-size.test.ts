import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_MESSAGE_CHARS } from '@charla/protocol/client';
import { loadDraftSchemas } from '../../lib/draft-schemas';
import { composerSize } from './message-size';

beforeAll(async () => {
  await loadDraftSchemas();
});

describe('composerSize', () => {
  it('lets an ordinary message through and starts the counter near the limit', () => {
    expect(composerSize('Hello **there**')).toMatchObject({ problem: null, near: false, over: false });
    expect(composerSize('a'.repeat(MAX_MESSAGE_CHARS))).toMatchObject({ problem: null, near: true });
  });

  it('refuses a message over the limit (a 100 KB paste) instead of sending a frame the server drops', () => {
    const size = composerSize('x'.repeat(100 * 1024));
    expect(size).toMatchObject({ problem: 'tooLong', over: true, length: 100 * 1024 });
  });

  it('refuses formatting beyond the rich-text limits even under the length limit', () => {
    // 400 bold words in one paragraph: more text nodes than a paragraph may hold.
    const size = composerSize(Array.from({ length: 400 }, () => '**a**').join(' '));
    expect(size.over).toBe(false);
    expect(size.problem).toBe('tooComplex');
  });
});
