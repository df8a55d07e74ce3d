import type { TLabelChip, TLabelDto, TLabelRequest } from '@charla/protocol';
import { api } from '../../lib/api-client';

const admin = (id: string) => `/admin/labels/${encodeURIComponent(id)}`;
const onConversation = (id: string) => `/conversations/${encodeURIComponent(id)}/labels`;

/** REST calls of conversation labels (issue 16 item 3). */
export const labelsApi = {
  list: () => api.get<TLabelDto[]>('/labels'),
  create: (body: TLabelRequest) => api.post<TLabelDto>('/admin/labels', body),
  update: (id: string, body: TLabelRequest) => api.put<TLabelDto>(admin(id), body),
  remove: (id: string) => api.delete<unknown>(admin(id)),
  add: (conversationId: string, labelId: string) =>
    api.post<{ labels: TLabelChip[] }>(onConversation(conversationId), { labelId }),
  take: (conversationId: string, labelId: string) =>
    api.delete<{ labels: TLabelChip[] }>(`${onConversation(conversationId)}/${encodeURIComponent(labelId)}`),
};
