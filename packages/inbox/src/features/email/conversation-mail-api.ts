import type { TConversationDto, TLanguage, TRichText, TTranscriptQueuedDto } from '@charla/protocol';
import { api } from '../../lib/api-client';

/** The conversation's email actions (issue 20). */
export const conversationMailApi = {
  transcript: (id: string, to: string, language: TLanguage) =>
    api.post<TTranscriptQueuedDto>(`/conversations/${encodeURIComponent(id)}/transcript`, { to, language }),
  followUp: (id: string, clientMsgId: string, body: TRichText) =>
    api.post<TConversationDto>(`/conversations/${encodeURIComponent(id)}/follow-up`, { clientMsgId, body }),
};
