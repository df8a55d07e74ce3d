import { XSS_URLS, type TConversationDto } from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChat } from '../../security/security-fixtures';
import { startTestServer, type TestServer, type TestUser } from '../../test/harness';
import { createActivePlaybook } from '../../test/playbook-setup';
import { connectVisitor } from '../../test/visitor-client';

const HOSTILE_URLS = [
  ...XSS_URLS.filter((url) => !url.includes('\u0000')),
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  '//evil.example/page',
];

/**
 * Page URLs and referrers reach the inbox as links: only http(s) is stored, over every path
 * that reports them (the `start` context and the `page` frame), and read back over REST.
 */
describe('visitor page URLs and referrers are http(s) or absent', () => {
  let server: TestServer;
  let baseUrl: string;
  let admin: TestUser;
  let playbook: { id: string; publicId: string };

  beforeAll(async () => {
    server = await startTestServer();
    baseUrl = await server.listen();
    admin = await server.createUser('admin');
    playbook = await createActivePlaybook(server, admin);
  });
  afterAll(() => server.close());

  const contextOf = async (conversationId: string) => {
    const res = await server.request({ url: `/api/v1/conversations/${conversationId}`, as: admin });
    expect(res.statusCode).toBe(200);
    return res.json<TConversationDto>().visitor.context;
  };

  it('stores a hostile start context as absent, keeping the other fields', async () => {
    // Two visitors share the starts, staying under the per-visitor start rate limit (30 / 10 s).
    const visitors = [await connectVisitor(baseUrl), await connectVisitor(baseUrl)];
    for (const [i, url] of HOSTILE_URLS.entries()) {
      const visitor = visitors[i % 2]!;
      const id = await startChat(visitor, playbook.publicId, {
        pageUrl: url,
        referrer: url,
        pageTitle: 'Pricing',
      });
      const context = await contextOf(id);
      expect({ url, pageUrl: context.pageUrl, referrer: context.referrer }).toEqual({
        url,
        pageUrl: null,
        referrer: null,
      });
      expect(context.pageTitle).toBe('Pricing');
      expect(context.pagesSeen).toEqual([]);
    }
    for (const visitor of visitors) await visitor.client.close();
  }, 240_000);

  it('ignores hostile `page` frames: the last http(s) page stays current and nothing else is seen', async () => {
    const visitor = await connectVisitor(baseUrl);
    const id = await startChat(visitor, playbook.publicId, {
      pageUrl: 'https://www.customer.example/pricing',
      referrer: 'https://search.example/?q=charla',
    });
    for (const url of HOSTILE_URLS) visitor.client.send({ type: 'page', pageUrl: url, pageTitle: 'Evil' });
    visitor.client.send({ type: 'page', pageUrl: 'http://www.customer.example/contact' });
    for (const url of HOSTILE_URLS) visitor.client.send({ type: 'page', pageUrl: url });
    visitor.client.send({ type: 'ping' });
    await visitor.client.waitFor((f) => f.type === 'pong', 30_000);
    const context = await contextOf(id);
    expect(context.pageUrl).toBe('http://www.customer.example/contact');
    expect(context.referrer).toBe('https://search.example/?q=charla');
    expect(context.pagesSeen.map((p) => p.url)).toEqual([
      'https://www.customer.example/pricing',
      'http://www.customer.example/contact',
    ]);
    // No error frame: a bad URL is "unknown", not a protocol violation.
    expect(visitor.client.frames.filter((f) => f.type === 'error')).toEqual([]);
    await visitor.client.close();
  }, 180_000);
});
