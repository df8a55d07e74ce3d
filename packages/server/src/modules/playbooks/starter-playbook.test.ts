import { playbookTemplates, type TPlaybookDocument, type TPlaybookDto } from '@charla/protocol';
import { describe, expect, it } from 'vitest';
import { cookieHeaderFrom, startTestServer } from '../../test/harness';

type Listed = { id: string; publicId: string; name: string; status: string; revision: number };

/** Every visitor-facing string of a document (messages, buttons, questions, closings, bubble). */
function texts(document: TPlaybookDocument): string[] {
  const out: string[] = [];
  JSON.stringify(document, (key, value: unknown) => {
    if (typeof value === 'string' && /\s/.test(value) && !key.endsWith('Id')) out.push(value);
    return value;
  });
  return out;
}

describe('starter playbook in the language chosen at setup (issue 23)', () => {
  it('rebuilds the untouched starter in Spanish, under the same public id, and the widget gets it', async () => {
    const server = await startTestServer();
    try {
      const token = new URL(server.charla.setupUrl ?? 'http://x').searchParams.get('token') ?? '';
      const [before] = await server.charla.services.playbooks.list();
      expect(before?.name).toBe('Website chat');
      const ok = await server.request({
        method: 'POST',
        url: '/api/v1/setup',
        payload: { token, name: 'Ana', email: 'ana@example.com', password: 'long enough pw', language: 'es' },
      });
      expect(ok.statusCode).toBe(201);
      const as = { cookie: cookieHeaderFrom(ok) };
      const listed = (await server.request({ url: '/api/v1/playbooks', as })).json<Listed[]>();
      expect(listed.map((p) => [p.name, p.status, p.publicId])).toEqual([
        ['Chat del sitio web', 'active', before?.publicId],
      ]);
      const dto = (
        await server.request({ url: `/api/v1/playbooks/${listed[0]?.id}`, as })
      ).json<TPlaybookDto>();
      const spanish = playbookTemplates.live_chat.build('es');
      expect(dto.document).toEqual(spanish);
      const english = new Set(texts(playbookTemplates.live_chat.build('en')));
      expect(texts(dto.document).filter((t) => english.has(t))).toEqual([]);
      // What a new conversation starts on: the published revision, in Spanish.
      const published = await server.charla.services.playbooks.getPublishedForStart(before?.publicId ?? '');
      expect(published?.document).toEqual(spanish);
      const config = await server.request({
        url: `/api/v1/widget/config/${before?.publicId ?? ''}`,
        headers: { origin: 'http://charla.test' },
      });
      expect(config.statusCode).toBe(200);
      expect(config.body).toContain('"language":"es"');
    } finally {
      await server.close();
    }
  });

  it('keeps a starter an admin has edited, and changes nothing for a setup in English', async () => {
    const server = await startTestServer({
      env: { CHARLA_ADMIN_EMAIL: 'boss@example.com', CHARLA_ADMIN_PASSWORD: 'a very long password' },
    });
    try {
      const admin = await server.createUser('admin');
      const [starter] = await server.charla.services.playbooks.list();
      const id = starter?.id ?? '';
      expect(await server.charla.services.playbooks.localizeStarter('en')).toBe(false);
      const own = playbookTemplates.live_chat.build('en');
      const saved = await server.request({
        method: 'PUT',
        url: `/api/v1/playbooks/${id}`,
        as: admin,
        payload: { name: 'Our chat', document: own, expectedRevision: starter?.revision },
      });
      expect(saved.statusCode).toBe(200);
      expect(await server.charla.services.playbooks.localizeStarter('es')).toBe(false);
      const after = await server.charla.services.playbooks.getDto(id);
      expect([after.name, after.status, after.revision]).toEqual([
        'Our chat',
        'active',
        saved.json<TPlaybookDto>().revision,
      ]);
      expect(after.document).toEqual(own);
    } finally {
      await server.close();
    }
  });
});
