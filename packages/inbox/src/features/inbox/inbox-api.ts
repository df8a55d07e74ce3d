import type {
  TAttachmentLinkDto,
  TConversationDto,
  TConversationSearchResult,
  TFolder,
  TFolderCountsDto,
  TMessageDto,
  TPage,
  TRichText,
  TUserSummaryDto,
} from '@charla/protocol';
import { api } from '../../lib/api-client';

export type MessagesPage = { items: TMessageDto[]; lastSeq: number; hasMore: boolean };

/** REST calls of the inbox (conversations module). */
export const inboxApi = {
  /** Full-text search within a folder: every message, the visitor, the panel and linked records. */
  search: (folder: TFolder, q: string, label = '') =>
    api.get<TConversationSearchResult>('/search/conversations', {
      folder,
      q,
      label: label || undefined,
      limit: 50,
    }),
  list: (folder: TFolder, q: string, cursor?: string, label = '') =>
    api.get<TPage<TConversationDto>>('/conversations', {
      folder,
      q: q || undefined,
      cursor,
      label: label || undefined,
    }),
  counts: () => api.get<TFolderCountsDto>('/conversations/counts'),
  get: (id: string) => api.get<TConversationDto>(`/conversations/${encodeURIComponent(id)}`),
  /** History back from `beforeSeq` (`end`: the latest page), oldest first (issue 25). */
  messagesBefore: (id: string, beforeSeq: number | 'end', limit: number) =>
    api.get<MessagesPage>(`/conversations/${encodeURIComponent(id)}/messages`, { beforeSeq, limit }),
  /** A reply; `attachments` are ids of this user's uploads to the conversation (issue 17). */
  send: (id: string, clientMsgId: string, body: TRichText, attachments: string[] = []) =>
    api.post<TMessageDto>(`/conversations/${encodeURIComponent(id)}/messages`, {
      clientMsgId,
      body,
      ...(attachments.length > 0 ? { attachments } : {}),
    }),
  /** A signed link to a sent file, valid 15 minutes and only with this session (docs/attachments.md). */
  attachmentLink: (id: string, attachmentId: string) =>
    api.get<TAttachmentLinkDto>(
      `/conversations/${encodeURIComponent(id)}/attachments/${encodeURIComponent(attachmentId)}/link`,
    ),
  /** A private note (issue 16): users only; `mentions` lets those users read the chat and notifies them. */
  note: (id: string, note: { clientMsgId: string; text: string; mentions: string[] }) =>
    api.post<TMessageDto>(`/conversations/${encodeURIComponent(id)}/notes`, note),
  assign: (id: string) => api.post<TConversationDto>(`/conversations/${encodeURIComponent(id)}/assign`),
  reassign: (id: string, userId: string | null) =>
    api.post<TConversationDto>(`/conversations/${encodeURIComponent(id)}/reassign`, { userId }),
  close: (id: string) => api.post<TConversationDto>(`/conversations/${encodeURIComponent(id)}/close`),
  read: (id: string, seq: number) =>
    api.post<unknown>(`/conversations/${encodeURIComponent(id)}/read`, { seq }),
  users: () => api.get<TUserSummaryDto[]>('/users'),
};
