import type {
  TAttachmentDto,
  TAttachmentLinkDto,
  TCannedResponseDto,
  TCannedVariablesDto,
  TCreateCannedResponseRequest,
  TUpdateCannedResponseRequest,
} from '@charla/protocol';
import { api } from '../../lib/api-client';

const one = (id: string) => `/canned-responses/${encodeURIComponent(id)}`;
const file = (id: string, fileId: string) => `${one(id)}/files/${encodeURIComponent(fileId)}`;

/** REST calls of canned responses; the server decides who may change what. */
export const cannedApi = {
  list: () => api.get<TCannedResponseDto[]>('/canned-responses'),
  create: (body: TCreateCannedResponseRequest) => api.post<TCannedResponseDto>('/canned-responses', body),
  update: (id: string, body: TUpdateCannedResponseRequest) => api.patch<TCannedResponseDto>(one(id), body),
  remove: (id: string) => api.delete<void>(one(id)),
  countUse: (id: string) => api.post<void>(`${one(id)}/uses`),
  variables: (conversationId: string) =>
    api.get<TCannedVariablesDto>('/canned-responses/variables', { conversationId }),
  /** Where a file's raw bytes are posted (upload-request.ts adds `?name=…&size=…`). */
  filesPath: (id: string) => `/api/v1${one(id)}/files`,
  removeFile: (id: string, fileId: string) => api.delete<void>(file(id, fileId)),
  fileLink: (id: string, fileId: string) => api.get<TAttachmentLinkDto>(`${file(id, fileId)}/link`),
};

/**
 * A canned response's files staged as the caller's uploads in one conversation (the server copies
 * no byte): put them in the composer's tray as uploaded and send their ids in `attachments`.
 * Refused (ApiError) when the caller is not the assignee, the chat is closed, or its files would
 * pass the conversation's quota.
 */
export function cannedAttachments(conversationId: string, cannedId: string): Promise<TAttachmentDto[]> {
  return api.post<TAttachmentDto[]>(
    `/conversations/${encodeURIComponent(conversationId)}/uploads/from-canned`,
    {
      cannedResponseId: cannedId,
    },
  );
}
