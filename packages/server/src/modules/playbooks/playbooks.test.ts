import {
  MAX_PLAYBOOK_DOCUMENT_BYTES,
  PLAYBOOK_TEMPLATE_IDS,
  ZLanguage,
  playbookTemplates,
  type TPlaybookDocument,
  type TPlaybookDto,
} from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids';
import {
  createFakeClock,
  startTestServer,
  TEST_ORIGIN,
  type TestServer,
  type TestUser,
} from '../../test/harness';

const liveChatDoc = (): TPlaybookDocument => playbookTemplates.live_chat.build('en');

/** The live chat template with a waiting time out of range: one error on the live chat card. */
function docWithWaitError(): TPlaybookDocument {
  const doc = liveChatDoc();
  return {
    ...doc,
    flow: {
      ...doc.flow,
      nodes: doc.flow.nodes.map((n) => (n.type === 'live_chat' ? { ...n, waitSeconds: 5 } : n)),
    },
  };
}

/** The blank template whose end card names a record owner that is no user. */
function docWithUnknownOwner(): TPlaybookDocument {
  const doc = playbookTemplates.blank.build('en');
  const nodes = doc.flow.nodes.map((n) =>
    n.type === 'end'
      ? { ...n, crm: { ...n.crm, owner: { strategy: 'fixed' as const, userId: newId() } } }
      : n,
  );
  return { ...doc, flow: { ...doc.flow, nodes } };
}

describe('playbooks', () => {
  const clock = createFakeClock();
  let server: TestServer;
  let admin: TestUser;
  let regular: TestUser;

  beforeAll(async () => {
    server = await startTestServer({ clock });
    admin = await server.createUser('admin');
    regular = await server.createUser('regular');
  });
  afterAll(() => server.close());

  const db = () => server.charla.services.database.db;
  const playbooks = () => server.charla.services.playbooks;

  /** Everything stored about one playbook, to prove a refused request changed nothing. */
  async function stored(id: string) {
    const [row, revisions, installs] = await Promise.all([
      db().selectFrom('playbooks').selectAll().where('id', '=', id).executeTakeFirst(),
      db()
        .selectFrom('playbook_revisions')
        .selectAll()
        .where('playbook_id', '=', id)
        .orderBy('revision')
        .execute(),
      db()
        .selectFrom('playbook_installs')
        .selectAll()
        .where('playbook_id', '=', id)
        .orderBy('origin')
        .execute(),
    ]);
    return { row, revisions, installs };
  }

  async function create(templateId = 'live_chat', language = 'en'): Promise<TPlaybookDto> {
    const res = await server.request({
      method: 'POST',
      url: '/api/v1/playbooks',
      as: admin,
      payload: { name: `PB ${templateId}`, templateId, language },
    });
    expect(res.statusCode).toBe(201);
    return res.json<TPlaybookDto>();
  }

  async function save(
    pb: { id: string; revision: number },
    body: Record<string, unknown>,
    as: TestUser = admin,
  ) {
    return server.request({
      method: 'PUT',
      url: `/api/v1/playbooks/${pb.id}`,
      as,
      payload: { expectedRevision: pb.revision, ...body },
    });
  }

  async function activate(id: string) {
    return server.request({ method: 'POST', url: `/api/v1/playbooks/${id}/activate`, as: admin });
  }

  async function activeLiveChat(): Promise<TPlaybookDto> {
    const pb = await create('live_chat');
    const res = await activate(pb.id);
    expect(res.statusCode).toBe(200);
    return res.json<TPlaybookDto>();
  }

  function config(publicId: string, headers: Record<string, string> = {}, pageUrl?: string) {
    const query = pageUrl === undefined ? '' : `?pageUrl=${encodeURIComponent(pageUrl)}`;
    return server.request({ url: `/api/v1/widget/config/${publicId}${query}`, headers });
  }

  describe('templates', () => {
    it('lists every template with its name in every language', async () => {
      const res = await server.request({ url: '/api/v1/playbook-templates', as: regular });
      expect(res.statusCode).toBe(200);
      const templates = res.json<{ id: string; name: { en: string; es: string } }[]>();
      expect(templates.map((t) => t.id)).toEqual([...PLAYBOOK_TEMPLATE_IDS]);
      expect(templates.find((t) => t.id === 'live_chat')?.name).toMatchObject({
        en: 'Live chat',
        es: 'Chat en vivo',
        'pt-BR': 'Chat ao vivo',
        fr: 'Chat en direct',
        de: 'Live-Chat',
      });
    });

    it.each(PLAYBOOK_TEMPLATE_IDS.flatMap((id) => ZLanguage.options.map((l) => [id, l] as const)))(
      'creates a valid draft from %s in %s',
      async (templateId, language) => {
        const pb = await create(templateId, language);
        expect(pb).toMatchObject({
          status: 'draft',
          revision: 1,
          publishedRevision: null,
          templateId,
          language,
          allowedOrigins: [],
          installs: [],
          embedded: false,
        });
        expect(pb.findings.filter((f) => f.severity === 'error')).toEqual([]);
        expect(pb.document).toEqual(playbookTemplates[templateId].build(language));
        expect(pb.hasLiveChat).toBe(templateId === 'live_chat');
        expect(pb.liveChatOfflineOnly).toBe(templateId === 'live_chat');
        expect(pb.embedSnippet).toBe(
          `<script async src="${TEST_ORIGIN}/widget.js" data-playbook="${pb.publicId}"></script>`,
        );
        const activated = await activate(pb.id);
        expect(activated.statusCode).toBe(200);
      },
    );
  });

  describe('reading', () => {
    it('lets a regular user list and read playbooks with their findings', async () => {
      const pb = await create();
      const list = await server.request({ url: '/api/v1/playbooks', as: regular });
      expect(list.statusCode).toBe(200);
      const entry = list.json<TPlaybookDto[]>().find((p) => p.id === pb.id);
      expect(entry).toMatchObject({ id: pb.id, status: 'draft', revision: 1, embedSnippet: pb.embedSnippet });
      expect(entry).not.toHaveProperty('document');
      const one = await server.request({ url: `/api/v1/playbooks/${pb.id}`, as: regular });
      expect(one.json()).toMatchObject({ id: pb.id, document: pb.document, findings: [] });
    });

    it('answers 404 PLAYBOOK_NOT_FOUND for an unknown id and 401 without a session', async () => {
      const missing = await server.request({ url: `/api/v1/playbooks/${newId()}`, as: regular });
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toMatchObject({ error: { code: 'PLAYBOOK_NOT_FOUND' } });
      expect((await server.request({ url: '/api/v1/playbooks' })).statusCode).toBe(401);
    });
  });

  describe('permissions (R2)', () => {
    it('refuses every write of a regular user with 403 and of an anonymous caller with 401, changing nothing', async () => {
      const pb = await activeLiveChat();
      const before = await stored(pb.id);
      const countBefore = (await db().selectFrom('playbooks').select('id').execute()).length;
      const writes = [
        {
          method: 'POST',
          url: '/api/v1/playbooks',
          payload: { name: 'Nope', templateId: 'blank', language: 'en' },
        },
        {
          method: 'PUT',
          url: `/api/v1/playbooks/${pb.id}`,
          payload: { name: 'Hacked', document: pb.document, expectedRevision: pb.revision },
        },
        { method: 'POST', url: `/api/v1/playbooks/${pb.id}/duplicate` },
        { method: 'POST', url: `/api/v1/playbooks/${pb.id}/activate` },
        { method: 'POST', url: `/api/v1/playbooks/${pb.id}/deactivate` },
        { method: 'DELETE', url: `/api/v1/playbooks/${pb.id}` },
        { method: 'POST', url: '/api/v1/playbooks/validate', payload: { document: pb.document } },
      ] as const;
      for (const write of writes) {
        const asRegular = await server.request({ ...write, as: regular });
        expect(asRegular.statusCode, `${write.method} ${write.url}`).toBe(403);
        expect(asRegular.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
        const anonymous = await server.request({ ...write, headers: { origin: TEST_ORIGIN } });
        expect(anonymous.statusCode, `${write.method} ${write.url}`).toBe(401);
      }
      expect(await stored(pb.id)).toEqual(before);
      expect((await db().selectFrom('playbooks').select('id').execute()).length).toBe(countBefore);
    });
  });

  describe('saving', () => {
    it('saves the working copy, bumps the revision and normalises allowed origins', async () => {
      const pb = await create('blank');
      const document = {
        ...pb.document,
        appearance: { ...pb.document.appearance, botName: 'Ava', position: 'bottom-left' as const },
      };
      const res = await save(pb, {
        name: 'Renamed',
        document,
        allowedOrigins: ['https://WWW.Example.com/', 'https://www.example.com', 'http://localhost:8080/x'],
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        name: 'Renamed',
        revision: 2,
        publishedRevision: null,
        status: 'draft',
        allowedOrigins: ['https://www.example.com', 'http://localhost:8080'],
        document: { appearance: { botName: 'Ava', position: 'bottom-left' } },
      });
      expect((await stored(pb.id)).revisions).toEqual([]);
    });

    it('saves a draft with structural errors and reports them', async () => {
      const pb = await create();
      const res = await save(pb, { document: docWithWaitError() });
      expect(res.statusCode).toBe(200);
      const body = res.json<TPlaybookDto>();
      expect(body.revision).toBe(2);
      expect(body.findings).toContainEqual(
        expect.objectContaining({
          code: 'LIVECHAT_WAIT_OUT_OF_RANGE',
          severity: 'error',
          nodeId: 'live_chat',
        }),
      );
    });

    it('refuses a schema-invalid document with 422 and its findings, writing nothing', async () => {
      const pb = await create();
      const before = await stored(pb.id);
      const document = {
        ...pb.document,
        flow: {
          ...pb.document.flow,
          nodes: pb.document.flow.nodes.map((n) => (n.id === 'greeting' ? { ...n, type: 'banner' } : n)),
        },
      };
      const res = await save(pb, { document });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({
        error: {
          code: 'PLAYBOOK_INVALID',
          details: [expect.objectContaining({ code: 'SCHEMA_INVALID', nodeId: 'greeting' })],
        },
      });
      const html = await save(pb, {
        document: {
          ...pb.document,
          flow: {
            ...pb.document.flow,
            nodes: [
              {
                ...pb.document.flow.nodes[0],
                content: { type: 'doc', content: [{ type: 'html', html: '<script>x</script>' }] },
              },
              ...pb.document.flow.nodes.slice(1),
            ],
          },
        },
      });
      expect(html.statusCode).toBe(422);
      expect(html.json()).toMatchObject({
        error: { details: [expect.objectContaining({ code: 'RICH_TEXT_NOT_ALLOWED', nodeId: 'greeting' })] },
      });
      expect(await stored(pb.id)).toEqual(before);
    });

    it('refuses a stale expectedRevision with 409 REVISION_CONFLICT, writing nothing', async () => {
      const pb = await create();
      expect((await save(pb, { name: 'First' })).statusCode).toBe(422); // no document: nothing written either
      const first = await save(pb, { name: 'First', document: pb.document });
      expect(first.statusCode).toBe(200);
      const before = await stored(pb.id);
      const stale = await save(pb, { name: 'Second', document: pb.document });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({ error: { code: 'REVISION_CONFLICT' } });
      expect(await stored(pb.id)).toEqual(before);
    });

    it('refuses a document over the size limit with 413, writing nothing', async () => {
      const pb = await create();
      const before = await stored(pb.id);
      const document = { ...pb.document, padding: 'x'.repeat(MAX_PLAYBOOK_DOCUMENT_BYTES) };
      const res = await save(pb, { document });
      expect(res.statusCode).toBe(413);
      expect(res.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
      expect(await stored(pb.id)).toEqual(before);
    });

    it('refuses a document nested 10,000 deep with 422 JSON_TOO_DEEP on save and validate, writing nothing', async () => {
      const pb = await create();
      const before = await stored(pb.id);
      // Written as text: JSON.stringify itself overflows the stack on this document.
      const deep = `${'['.repeat(10_000)}"x"${']'.repeat(10_000)}`;
      const document = `${JSON.stringify(pb.document).slice(0, -1)},"extra":${deep}}`;
      const saved = await server.request({
        method: 'PUT',
        url: `/api/v1/playbooks/${pb.id}`,
        as: admin,
        headers: { 'content-type': 'application/json' },
        payload: `{"expectedRevision":${pb.revision},"document":${document}}`,
      });
      expect(saved.statusCode).toBe(422);
      expect(saved.json()).toMatchObject({ error: { code: 'JSON_TOO_DEEP', details: { maxDepth: 64 } } });
      const validated = await server.request({
        method: 'POST',
        url: '/api/v1/playbooks/validate',
        as: admin,
        headers: { 'content-type': 'application/json' },
        payload: `{"document":${document}}`,
      });
      expect(validated.statusCode).toBe(422);
      expect(validated.json()).toMatchObject({ error: { code: 'JSON_TOO_DEEP' } });
      expect(await stored(pb.id)).toEqual(before);
    });

    it('validates a document without saving it', async () => {
      const pb = await create();
      const before = await stored(pb.id);
      const res = await server.request({
        method: 'POST',
        url: '/api/v1/playbooks/validate',
        as: admin,
        payload: { document: docWithWaitError() },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        ok: false,
        findings: [expect.objectContaining({ code: 'LIVECHAT_WAIT_OUT_OF_RANGE', nodeId: 'live_chat' })],
      });
      const good = await server.request({
        method: 'POST',
        url: '/api/v1/playbooks/validate',
        as: admin,
        payload: { document: liveChatDoc() },
      });
      expect(good.json()).toEqual({ ok: true, findings: [] });
      expect(await stored(pb.id)).toEqual(before);
    });
  });

  describe('activation and publishing', () => {
    it('refuses to activate a document with errors, listing codes and node ids, changing nothing', async () => {
      const pb = await create();
      const saved = (await save(pb, { document: docWithWaitError() })).json<TPlaybookDto>();
      const before = await stored(saved.id);
      const res = await activate(saved.id);
      expect(res.statusCode).toBe(422);
      const details = res.json<{
        error: { details: { code: string; severity: string; nodeId?: string }[] };
      }>().error.details;
      expect(details).toContainEqual(
        expect.objectContaining({ code: 'LIVECHAT_WAIT_OUT_OF_RANGE', nodeId: 'live_chat' }),
      );
      expect(details.every((f) => f.severity === 'error')).toBe(true);
      expect(await stored(saved.id)).toEqual(before);
    });

    it('refuses to activate when a record owner is not an active user', async () => {
      const pb = await create('blank');
      const saved = (await save(pb, { document: docWithUnknownOwner() })).json<TPlaybookDto>();
      const res = await activate(saved.id);
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({
        error: {
          code: 'PLAYBOOK_INVALID',
          details: [expect.objectContaining({ code: 'CRM_OWNER_UNKNOWN', nodeId: 'end' })],
        },
      });
      expect((await stored(saved.id)).row?.status).toBe('draft');
    });

    it('publishes on activation, and every error-free save of an active playbook publishes a new pinned revision', async () => {
      const pb = await create();
      const renamed = (await save(pb, { document: pb.document })).json<TPlaybookDto>();
      const active = (await activate(pb.id)).json<TPlaybookDto>();
      expect(active).toMatchObject({ status: 'active', revision: 2, publishedRevision: 2 });
      expect(await playbooks().getPublishedForStart(pb.publicId)).toMatchObject({
        playbookId: pb.id,
        revision: 2,
        name: renamed.name,
      });

      const edited = { ...pb.document, appearance: { ...pb.document.appearance, botName: 'Edited' } };
      const res = await save(active, { document: edited });
      expect(res.json()).toMatchObject({ status: 'active', revision: 3, publishedRevision: 3 });
      const start = await playbooks().getPublishedForStart(pb.publicId);
      expect(start).toMatchObject({ revision: 3, document: { appearance: { botName: 'Edited' } } });
      // A conversation pinned to revision 2 still gets its document.
      expect((await playbooks().getRevision(pb.id, 2)).appearance.botName).toBe(
        pb.document.appearance.botName,
      );
      expect((await stored(pb.id)).revisions.map((r) => r.revision)).toEqual([2, 3]);
    });

    it('refuses a save with errors on an active playbook, keeping the live revision', async () => {
      const pb = await activeLiveChat();
      const before = await stored(pb.id);
      const res = await save(pb, { document: docWithWaitError() });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({
        error: {
          code: 'PLAYBOOK_INVALID',
          details: [expect.objectContaining({ code: 'LIVECHAT_WAIT_OUT_OF_RANGE' })],
        },
      });
      expect(await stored(pb.id)).toEqual(before);
    });

    it('deactivates: no new conversations or widget loads, pinned revisions stay readable', async () => {
      const pb = await activeLiveChat();
      const res = await server.request({
        method: 'POST',
        url: `/api/v1/playbooks/${pb.id}/deactivate`,
        as: admin,
      });
      expect(res.json()).toMatchObject({ status: 'inactive', publishedRevision: 1 });
      expect(await playbooks().getPublishedForStart(pb.publicId)).toBeNull();
      expect((await config(pb.publicId)).statusCode).toBe(404);
      expect((await playbooks().getRevision(pb.id, 1)).flow.startNodeId).toBe('greeting');
      const again = await activate(pb.id);
      expect(again.json()).toMatchObject({ status: 'active', publishedRevision: 1 });
      expect((await stored(pb.id)).revisions).toHaveLength(1);
    });
  });

  describe('duplicate and delete', () => {
    it('duplicates as a new draft with a new public id and no installs', async () => {
      const pb = await activeLiveChat();
      await config(pb.publicId, { origin: 'https://shop.example.com' });
      const res = await server.request({
        method: 'POST',
        url: `/api/v1/playbooks/${pb.id}/duplicate`,
        as: admin,
      });
      expect(res.statusCode, res.body).toBe(201);
      const copy = res.json<TPlaybookDto>();
      expect(copy).toMatchObject({
        name: `${pb.name} (copy)`,
        status: 'draft',
        revision: 1,
        publishedRevision: null,
        installs: [],
        document: pb.document,
      });
      expect(copy.id).not.toBe(pb.id);
      expect(copy.publicId).not.toBe(pb.publicId);
    });

    it('names the copy as asked', async () => {
      const pb = await create();
      const res = await server.request({
        method: 'POST',
        url: `/api/v1/playbooks/${pb.id}/duplicate`,
        as: admin,
        payload: { name: 'Spanish site' },
      });
      expect(res.json()).toMatchObject({ name: 'Spanish site', status: 'draft' });
    });

    it('removes a draft entirely', async () => {
      const pb = await create();
      const res = await server.request({ method: 'DELETE', url: `/api/v1/playbooks/${pb.id}`, as: admin });
      expect(res.statusCode).toBe(204);
      expect(await stored(pb.id)).toEqual({ row: undefined, revisions: [], installs: [] });
      expect((await server.request({ url: `/api/v1/playbooks/${pb.id}`, as: admin })).statusCode).toBe(404);
    });

    it('hides an active playbook but keeps its snapshots for conversations pinned to them', async () => {
      const pb = await activeLiveChat();
      const res = await server.request({ method: 'DELETE', url: `/api/v1/playbooks/${pb.id}`, as: admin });
      expect(res.statusCode).toBe(204);
      const list = await server.request({ url: '/api/v1/playbooks', as: admin });
      expect(list.json<TPlaybookDto[]>().map((p) => p.id)).not.toContain(pb.id);
      expect((await server.request({ url: `/api/v1/playbooks/${pb.id}`, as: admin })).statusCode).toBe(404);
      expect(await playbooks().getPublishedForStart(pb.publicId)).toBeNull();
      expect((await config(pb.publicId)).statusCode).toBe(404);
      expect(await playbooks().findById(pb.id)).toMatchObject({
        name: pb.name,
        deletedAt: expect.any(Number) as number,
      });
      expect((await playbooks().getRevision(pb.id, 1)).flow.startNodeId).toBe('greeting');
      expect(
        (await server.request({ method: 'DELETE', url: `/api/v1/playbooks/${pb.id}`, as: admin })).statusCode,
      ).toBe(404);
    });
  });

  it('hides an inactive playbook that a conversation references, keeping its name and snapshots', async () => {
    const pb = await activeLiveChat();
    await server.request({ method: 'POST', url: `/api/v1/playbooks/${pb.id}/deactivate`, as: admin });
    const { visitor } = await server.charla.services.visitors.resume(undefined, null);
    const now = Date.now();
    await db()
      .insertInto('conversations')
      .values({
        id: newId(),
        visitor_id: visitor.id,
        playbook_id: pb.id,
        playbook_revision: 1,
        status: 'closed',
        run_state: '{}',
        language: 'en',
        last_seq: 0,
        created_at: now,
        updated_at: now,
        last_message_at: now,
        last_message_preview: '',
        search_text: '',
        visitor_read_seq: 0,
        user_read_seq: 0,
        readers_rev: 0,
        labels_rev: 0,
      })
      .execute();
    expect(
      (await server.request({ method: 'DELETE', url: `/api/v1/playbooks/${pb.id}`, as: admin })).statusCode,
    ).toBe(204);
    expect((await stored(pb.id)).row).toMatchObject({
      status: 'inactive',
      deleted_at: expect.any(Number) as number,
    });
    expect((await playbooks().getRevision(pb.id, 1)).flow.startNodeId).toBe('greeting');
  });

  describe('widget config and installs (R8)', () => {
    it('answers 404 for an unknown or a draft playbook', async () => {
      expect((await config('5b1f3c5e-8a4e-4d6b-9f0a-2d7c1e9b4a10')).json()).toMatchObject({
        error: { code: 'PLAYBOOK_NOT_FOUND' },
      });
      const draft = await create();
      expect((await config(draft.publicId, { origin: 'https://shop.example.com' })).statusCode).toBe(404);
      expect((await stored(draft.id)).installs).toEqual([]);
    });

    it('records the install from a real page, which ends offline-only mode; the preview does not', async () => {
      const pb = await activeLiveChat();
      const preview = await config(pb.publicId, { origin: TEST_ORIGIN }, `${TEST_ORIGIN}/playbooks/${pb.id}`);
      expect(preview.statusCode).toBe(200);
      expect(preview.json()).toMatchObject({
        publicId: pb.publicId,
        revision: 1,
        language: 'en',
        liveChatOfflineOnly: true,
        appearance: pb.document.appearance,
        greeting: pb.document.targeting.greeting,
      });
      expect((await stored(pb.id)).installs).toEqual([]);

      const page = await config(
        pb.publicId,
        { origin: 'https://shop.example.com' },
        'https://shop.example.com/pricing?plan=pro#faq',
      );
      expect(page.statusCode).toBe(200);
      expect(page.headers['access-control-allow-origin']).toBe('https://shop.example.com');
      expect(page.headers['access-control-allow-credentials']).toBeUndefined();
      expect(page.json()).toMatchObject({ liveChatOfflineOnly: false });
      expect(await playbooks().isEmbedded(pb.id)).toBe(true);

      const list = (await server.request({ url: '/api/v1/playbooks', as: regular })).json<TPlaybookDto[]>();
      expect(list.find((p) => p.id === pb.id)).toMatchObject({
        embedded: true,
        liveChatOfflineOnly: false,
        installs: [
          {
            origin: 'https://shop.example.com',
            lastUrl: 'https://shop.example.com/pricing?plan=pro',
            lastSeenAt: expect.any(Number) as number,
          },
        ],
      });
    });

    it('keeps one install per origin and ignores a page URL from another origin', async () => {
      const pb = await activeLiveChat();
      await config(pb.publicId, { origin: 'https://shop.example.com' }, 'https://shop.example.com/a');
      await config(pb.publicId, { origin: 'https://shop.example.com' }, 'https://evil.example.net/b');
      await config(pb.publicId, { origin: 'https://blog.example.com' });
      const { installs } = await stored(pb.id);
      expect(installs.map((i) => [i.origin, i.last_url])).toEqual([
        ['https://blog.example.com', 'https://blog.example.com/'],
        ['https://shop.example.com', 'https://shop.example.com/'],
      ]);
    });

    it('respects allowed origins: others get 403 ORIGIN_NOT_ALLOWED and record nothing', async () => {
      const pb = await activeLiveChat();
      const saved = (
        await save(pb, { document: pb.document, allowedOrigins: ['https://www.example.com'] })
      ).json<TPlaybookDto>();
      expect(saved.publishedRevision).toBe(2);
      const refused = await config(pb.publicId, { origin: 'https://evil.example.net' });
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ error: { code: 'ORIGIN_NOT_ALLOWED' } });
      expect(refused.headers['access-control-allow-origin']).toBeUndefined();
      expect((await config(pb.publicId)).statusCode).toBe(403);
      expect((await stored(pb.id)).installs).toEqual([]);
      const allowed = await config(pb.publicId, { origin: 'https://www.example.com' });
      expect(allowed.statusCode).toBe(200);
      expect(allowed.headers['access-control-allow-origin']).toBe('https://www.example.com');
      expect((await config(pb.publicId, { origin: TEST_ORIGIN })).statusCode).toBe(200);
      expect((await stored(pb.id)).installs.map((i) => i.origin)).toEqual(['https://www.example.com']);
    });
  });

  describe('embed freshness', () => {
    it('reports offline-only until a real page loads the playbook, and again 7 days after the last load', async () => {
      const created = await create('live_chat', 'es');
      await activate(created.id);
      const entry = async () =>
        (await server.request({ url: '/api/v1/playbooks', as: regular }))
          .json<TPlaybookDto[]>()
          .find((p) => p.id === created.id);
      expect(await entry()).toMatchObject({ embedded: false, liveChatOfflineOnly: true });

      const load = await config(created.publicId, { origin: 'https://tienda.example.es' });
      expect(load.json()).toMatchObject({ language: 'es', liveChatOfflineOnly: false });
      expect(await entry()).toMatchObject({
        embedded: true,
        liveChatOfflineOnly: false,
        installs: [{ origin: 'https://tienda.example.es', lastSeenAt: clock.now() }],
      });

      clock.advance(7 * 24 * 60 * 60 * 1000 - 1);
      expect(await playbooks().isEmbedded(created.id)).toBe(true);
      clock.advance(1);
      expect(await playbooks().isEmbedded(created.id)).toBe(false);
      expect(await entry()).toMatchObject({
        embedded: false,
        liveChatOfflineOnly: true,
        installs: [{ origin: 'https://tienda.example.es' }],
      });
      const preview = await config(created.publicId, { origin: TEST_ORIGIN });
      expect(preview.json()).toMatchObject({ liveChatOfflineOnly: true });
    });
  });

  it('documents every playbook route in the OpenAPI description', async () => {
    const res = await server.request({ url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/playbooks',
        '/api/v1/playbooks/{id}',
        '/api/v1/playbook-templates',
        '/api/v1/widget/config/{publicId}',
      ]),
    );
  });
});
