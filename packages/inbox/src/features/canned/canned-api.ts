import type {
  TCannedResponseDto,
  TCannedVariablesDto,
  TCreateCannedResponseRequest,
  TUpdateCannedResponseRequest,
} from '@charla/protocol';
import { api } from '../../lib/api-client';

const one = (id: string) => `/canned-responses/${encodeURIComponent(id)}`;

/** REST calls of canned responses; the server decides who may change what. */
export const cannedApi = {
  list: () => api.get<TCannedResponseDto[]>('/canned-responses'),
  create: (body: TCreateCannedResponseRequest) => api.post<TCannedResponseDto>('/canned-responses', body),
  update: (id: string, body: TUpdateCannedResponseRequest) => api.patch<TCannedResponseDto>(one(id), body),
  remove: (id: string) => api.delete<void>(one(id)),
  countUse: (id: string) => api.post<void>(`${one(id)}/uses`),
  variables: (conversationId: string) =>
    api.get<TCannedVariablesDto>('/canned-responses/variables', { conversationId }),
};
