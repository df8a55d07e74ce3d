import { randomBytes } from 'node:crypto';
import type { TVisitorServerFrame } from '@charla/protocol';
import { api, loginCookie } from './server-process';
import { connectVisitor, newClientId } from './visitor-client';

/** The first admin every server process of a multi-process test starts with (CHARLA_ADMIN_*). */
export const CLUSTER_ADMIN = { email: 'admin@charla.test', password: 'multi process admin' };

/** Helpers for tests that drive several real server processes over HTTP and WebSockets. */
export function clusterHelpers(publicUrl: string) {
  /** Creates, shortens (waitSeconds) and activates a Live chat playbook, and marks it embedded. */
  async function setupPlaybook(baseUrl: string, adminCookie: string, waitSeconds: number): Promise<string> {
    const created = await api<{
      id: string;
      publicId: string;
      revision: number;
      document: { flow: { nodes: { type: string; waitSeconds?: number }[] } };
    }>(
      baseUrl,
      adminCookie,
      'POST',
      '/api/v1/playbooks',
      { name: 'Multi', templateId: 'live_chat', language: 'en' },
      publicUrl,
    );
    if (created.status !== 201) throw new Error(JSON.stringify(created.body));
    const document = created.body.document;
    for (const node of document.flow.nodes) if (node.type === 'live_chat') node.waitSeconds = waitSeconds;
    const path = `/api/v1/playbooks/${created.body.id}`;
    const saved = await api(
      baseUrl,
      adminCookie,
      'PUT',
      path,
      { document, expectedRevision: created.body.revision },
      publicUrl,
    );
    if (saved.status !== 200) throw new Error(JSON.stringify(saved.body));
    const activated = await api(baseUrl, adminCookie, 'POST', `${path}/activate`, undefined, publicUrl);
    if (activated.status !== 200) throw new Error(JSON.stringify(activated.body));
    await fetch(
      `${baseUrl}/api/v1/widget/config/${created.body.publicId}?pageUrl=${encodeURIComponent('https://shop.example/')}`,
      { headers: { origin: 'https://shop.example' } },
    );
    return created.body.publicId;
  }

  /** A new regular user, logged in, with the online switch on. */
  async function createAgent(
    baseUrl: string,
    adminCookie: string,
    name: string,
  ): Promise<{ id: string; cookie: string }> {
    const email = `${name.toLowerCase().replace(/\W/g, '')}-${randomBytes(3).toString('hex')}@example.com`;
    const res = await api<{ id: string }>(
      baseUrl,
      adminCookie,
      'POST',
      '/api/v1/admin/users',
      { email, name, password: 'agent password 1' },
      publicUrl,
    );
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    const cookie = await loginCookie(baseUrl, email, 'agent password 1');
    await api(baseUrl, cookie, 'PUT', '/api/v1/me/online', { online: true }, publicUrl);
    return { id: res.body.id, cookie };
  }

  /** A visitor who starts the playbook and asks for a person: the conversation is waiting. */
  async function startWaitingChat(baseUrl: string, publicId: string, token?: string) {
    const visitor = await connectVisitor(baseUrl, token);
    visitor.client.send({ type: 'start', ref: 'st', playbookId: publicId, startKey: newClientId() });
    const conv = await visitor.client.waitFor(
      (f): f is Extract<TVisitorServerFrame, { type: 'conversation' }> =>
        f.type === 'conversation' && f.ref === 'st',
    );
    visitor.client.send({
      type: 'answer',
      ref: 'talk',
      conversationId: conv.conversation.id,
      clientMsgId: newClientId(),
      answer: { kind: 'button', optionId: 'talk' },
    });
    await visitor.client.waitFor(
      (f) => f.type === 'conversation' && f.conversation.status === 'waiting',
      10_000,
    );
    return { visitor, conversationId: conv.conversation.id };
  }

  return { setupPlaybook, createAgent, startWaitingChat };
}
