import type { TRatingDto, TVisitorRatingStateDto } from '@charla/protocol';

export type TRatingApi = {
  load(conversationId: string): Promise<TVisitorRatingStateDto>;
  /** Resolves with the stored rating, or rejects with the server's error code. */
  rate(conversationId: string, score: number, comment: string): Promise<TRatingDto>;
};

/** The satisfaction survey over REST (`Authorization: Visitor <token>`), beside the chat socket. */
export function createRatingApi(token: () => string | null): TRatingApi {
  const call = async <T>(conversationId: string, init: RequestInit = {}): Promise<T> => {
    const res = await fetch(`/api/v1/widget/conversations/${encodeURIComponent(conversationId)}/rating`, {
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
  return {
    load: (conversationId) => call<TVisitorRatingStateDto>(conversationId),
    rate: (conversationId, score, comment) =>
      call<TRatingDto>(conversationId, {
        method: 'PUT',
        body: JSON.stringify(comment.trim() ? { score, comment: comment.trim() } : { score }),
      }),
  };
}
