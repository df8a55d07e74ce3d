import { describe, expect, it } from 'vitest';
import type { TAttachmentLinkDto } from '../api/attachments.schema';
import { createLinkCache, LINK_MARGIN_MS } from './link-cache';

const TTL = 15 * 60_000;

/** A link server that signs a new token per call, and a clock the test moves. */
function fixture() {
  let clock = 1_000_000;
  const asked: string[] = [];
  let failNext = false;
  const cache = createLinkCache({
    now: () => clock,
    fetchLink: async (conversationId, attachmentId): Promise<TAttachmentLinkDto> => {
      asked.push(`${conversationId}/${attachmentId}`);
      if (failNext) {
        failNext = false;
        throw new Error('offline');
      }
      return { url: `/api/v1/files/${attachmentId}-${asked.length}`, expiresAt: clock + TTL };
    },
  });
  return {
    cache,
    asked,
    advance: (ms: number) => (clock += ms),
    failOnce: () => (failNext = true),
  };
}

describe('createLinkCache', () => {
  it('reuses a link while it is valid', async () => {
    const { cache, asked, advance } = fixture();
    const first = await cache.get('c1', 'a1');
    advance(TTL - LINK_MARGIN_MS - 1);
    expect(await cache.get('c1', 'a1')).toBe(first);
    expect(asked).toEqual(['c1/a1']);
  });

  it('asks for a new link in the last minute of the old one', async () => {
    const { cache, asked, advance } = fixture();
    const first = await cache.get('c1', 'a1');
    advance(TTL - LINK_MARGIN_MS);
    expect(await cache.get('c1', 'a1')).not.toBe(first);
    expect(asked).toHaveLength(2);
  });

  it('shares one request between concurrent asks for the same file', async () => {
    const { cache, asked } = fixture();
    const [a, b] = await Promise.all([cache.get('c1', 'a1'), cache.get('c1', 'a1')]);
    expect(a).toBe(b);
    expect(asked).toEqual(['c1/a1']);
  });

  it('keeps each file its own link', async () => {
    const { cache } = fixture();
    expect(await cache.get('c1', 'a1')).not.toBe(await cache.get('c1', 'a2'));
  });

  it('signs a fresh link on demand (a failed picture, a download)', async () => {
    const { cache, asked } = fixture();
    const first = await cache.get('c1', 'a1');
    const fresh = await cache.fresh('c1', 'a1');
    expect(fresh).not.toBe(first);
    expect(await cache.get('c1', 'a1')).toBe(fresh);
    expect(asked).toHaveLength(2);
  });

  it('does not remember a failed request: the next ask tries again', async () => {
    const { cache, asked, failOnce } = fixture();
    failOnce();
    await expect(cache.get('c1', 'a1')).rejects.toThrow('offline');
    expect(await cache.get('c1', 'a1')).toMatch(/^\/api\/v1\/files\/a1-/);
    expect(asked).toHaveLength(2);
  });
});
