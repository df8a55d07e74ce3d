import type { TLanguage } from '@charla/protocol';
import type { TestServer, TestUser } from './harness';

export const EMBED_ORIGIN = 'https://www.customer.example';

/**
 * Creates a playbook from a template as an admin, activates it and, unless `embedded: false`,
 * records a widget load from a real page so its live chat card may take the online path (R8).
 */
export async function createActivePlaybook(
  server: TestServer,
  admin: TestUser,
  options: {
    templateId?: string;
    language?: TLanguage;
    embedded?: boolean;
    mutate?: (document: Record<string, unknown>) => void;
  } = {},
): Promise<{ id: string; publicId: string }> {
  const created = await server.request({
    method: 'POST',
    url: '/api/v1/playbooks',
    as: admin,
    payload: {
      name: `Test ${options.templateId ?? 'live_chat'}`,
      templateId: options.templateId ?? 'live_chat',
      language: options.language ?? 'en',
    },
  });
  if (created.statusCode !== 201) throw new Error(`create playbook: ${created.statusCode} ${created.body}`);
  const playbook = created.json<{
    id: string;
    publicId: string;
    revision: number;
    document: Record<string, unknown>;
  }>();
  if (options.mutate) {
    const document = structuredClone(playbook.document);
    options.mutate(document);
    const saved = await server.request({
      method: 'PUT',
      url: `/api/v1/playbooks/${playbook.id}`,
      as: admin,
      payload: { document, expectedRevision: playbook.revision },
    });
    if (saved.statusCode !== 200) throw new Error(`save playbook: ${saved.statusCode} ${saved.body}`);
  }
  const activated = await server.request({
    method: 'POST',
    url: `/api/v1/playbooks/${playbook.id}/activate`,
    as: admin,
  });
  if (activated.statusCode !== 200)
    throw new Error(`activate playbook: ${activated.statusCode} ${activated.body}`);
  if (options.embedded !== false) {
    const config = await server.request({
      url: `/api/v1/widget/config/${playbook.publicId}?pageUrl=${encodeURIComponent(`${EMBED_ORIGIN}/pricing`)}`,
      headers: { origin: EMBED_ORIGIN },
    });
    if (config.statusCode !== 200) throw new Error(`widget config: ${config.statusCode} ${config.body}`);
  }
  return { id: playbook.id, publicId: playbook.publicId };
}

/** Turns a user's online switch on and keeps an inbox connection's heartbeat (R10). */
export async function goOnline(server: TestServer, user: TestUser): Promise<void> {
  const res = await server.request({
    method: 'PUT',
    url: '/api/v1/me/online',
    as: user,
    payload: { online: true },
  });
  if (res.statusCode !== 200) throw new Error(`online: ${res.body}`);
  await server.charla.services.presence.connected(user.id);
}
