import type { Browser, Frame, Page } from 'playwright-core';
import WebSocket from 'ws';
import type { TConversationDto, TLanguage, TPlaybookDto, TUserDto } from '@charla/protocol';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN_EMAIL, ADMIN_PASSWORD, repoRoot } from './harness';

// Helpers for the widget journeys: the company side (playbooks, an online user, assigning) is
// driven through the real REST API and agent WebSocket, the visitor side through Chromium.

export type AdminApi = {
  cookie: string;
  call<T>(method: string, path: string, body?: unknown): Promise<T>;
};

export async function adminApi(baseUrl: string): Promise<AdminApi> {
  return loginApi(baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
}

/** A regular user the admin creates, with their own logged-in API (another colleague in the team). */
export async function userApi(
  baseUrl: string,
  admin: AdminApi,
  name: string,
  email: string,
): Promise<{ user: TUserDto; api: AdminApi; password: string }> {
  const password = `${name} password 123`;
  const user = await admin.call<TUserDto>('POST', '/api/v1/admin/users', { email, name, password });
  return { user, api: await loginApi(baseUrl, email, password), password };
}

/** The REST API as the user with this email and password (the session cookie of a real login). */
export async function loginApi(baseUrl: string, email: string, password: string): Promise<AdminApi> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return {
    cookie,
    async call<T>(method: string, path: string, body?: unknown): Promise<T> {
      const res = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          cookie,
          origin: baseUrl,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
  };
}

/** Creates and activates a playbook from the Live chat template; `waitSeconds` shortens the live chat wait. */
export async function createLiveChatPlaybook(
  api: AdminApi,
  language: TLanguage,
  waitSeconds?: number,
): Promise<TPlaybookDto> {
  let playbook = await api.call<TPlaybookDto>('POST', '/api/v1/playbooks', {
    name: `Live chat ${language}`,
    templateId: 'live_chat',
    language,
  });
  if (waitSeconds !== undefined) {
    const document = structuredClone(playbook.document);
    for (const node of document.flow.nodes) if (node.type === 'live_chat') node.waitSeconds = waitSeconds;
    playbook = await api.call<TPlaybookDto>('PUT', `/api/v1/playbooks/${playbook.id}`, {
      document,
      expectedRevision: playbook.revision,
    });
  }
  return api.call<TPlaybookDto>('POST', `/api/v1/playbooks/${playbook.id}/activate`);
}

/** An inbox user who is online: the switch on and an agent socket open (R10). */
export async function goOnline(
  baseUrl: string,
  api: AdminApi,
): Promise<{ frames: unknown[]; socket: WebSocket; close(): void }> {
  await api.call('PUT', '/api/v1/me/online', { online: true });
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/ws/agent`, {
    headers: { origin: baseUrl, cookie: api.cookie },
  });
  const frames: unknown[] = [];
  socket.on('message', (raw: Buffer) => frames.push(JSON.parse(raw.toString())));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return { frames, socket, close: () => socket.close() };
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

export async function unassignedConversation(api: AdminApi): Promise<TConversationDto> {
  return waitFor('a conversation in Unassigned', async () => {
    const page = await api.call<{ items: TConversationDto[] }>(
      'GET',
      '/api/v1/conversations?folder=unassigned',
    );
    return page.items[0];
  });
}

/** The chat frame inside the page (its launcher and frame live in a closed shadow root, like a visitor sees them). */
export async function widgetFrame(page: Page): Promise<Frame> {
  return waitFor(
    'the widget frame',
    async () => page.frames().find((f) => f.url().includes('/widget/frame.html')) ?? null,
  );
}

/** Clicks the launcher where a visitor would: the round button in the bottom corner. */
export async function clickLauncher(page: Page, side: 'right' | 'left' = 'right'): Promise<void> {
  await page.locator('charla-widget').waitFor({ state: 'attached' });
  const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
  await page.mouse.click(side === 'right' ? viewport.width - 50 : 50, viewport.height - 50);
}

/**
 * A visitor in a new browser on the demo page (another origin, as on a customer's site) who opens
 * the chat and asks for a person with the Live chat template's button; resolved once the widget
 * says they wait.
 */
export async function visitorAsksForPerson(
  browser: Browser,
  baseUrl: string,
  publicId: string,
): Promise<{ page: Page; frame: Frame }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${baseUrl.replace('127.0.0.1', 'localhost')}/demo?playbook=${publicId}`);
  await clickLauncher(page);
  const frame = await widgetFrame(page);
  await frame.getByRole('button', { name: 'Talk to someone' }).click();
  await frame.getByText('Waiting for someone from our team').waitFor();
  return { page, frame };
}

export function richText(text: string) {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

/**
 * axe-core inside the chat frame. The frame's CSP forbids inline scripts (harness's addScriptTag),
 * so axe is evaluated through the DevTools protocol instead, which CSP does not govern.
 */
export async function axeSeriousInFrame(
  frame: Frame,
): Promise<{ id: string; impact: string; help: string; nodes: string[] }[]> {
  const source = readFileSync(join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  await frame.evaluate(source);
  const violations = await frame.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(): Promise<{
            violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run();
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
