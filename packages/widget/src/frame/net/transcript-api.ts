import type { TTranscriptQueuedDto } from '@charla/protocol';
import { conversationPath, createVisitorRest } from './visitor-rest';

/**
 * "Email me this conversation" (issue 20): to the address the visitor gave, or to `to`. Rejects
 * with the server's code, e.g. TRANSCRIPT_NO_ADDRESS when no address is known yet.
 */
export type TTranscriptApi = (conversationId: string, to?: string) => Promise<TTranscriptQueuedDto>;

export function createTranscriptApi(token: () => string | null): TTranscriptApi {
  const call = createVisitorRest(token);
  return (conversationId, to) =>
    call<TTranscriptQueuedDto>(conversationPath(conversationId, 'transcript'), {
      method: 'POST',
      body: JSON.stringify(to ? { to } : {}),
    });
}
