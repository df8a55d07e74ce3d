/**
 * One REST call as the visitor (`Authorization: Visitor <token>`), beside the chat socket: resolves
 * with the JSON answer, or rejects with an Error whose message is the server's error code.
 */
export function createVisitorRest(token: () => string | null) {
  return async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const res = await fetch(path, {
      ...init,
      headers: {
        authorization: `Visitor ${token() ?? ''}`,
        ...(init.body ? { 'content-type': 'application/json' } : {}),
      },
    });
    const body = (await res.json().catch(() => ({}))) as T & { error?: { code?: string } };
    if (!res.ok) throw new Error(body.error?.code ?? `HTTP_${res.status}`);
    return body;
  };
}

/** The REST path of one of the visitor's conversations. */
export function conversationPath(conversationId: string, rest: string): string {
  return `/api/v1/widget/conversations/${encodeURIComponent(conversationId)}/${rest}`;
}
