import type {
  TConvertCrmLeadRequest,
  TConvertCrmLeadResponse,
  TCrmActivityDto,
  TCrmChangeDto,
  TCrmDealDto,
  TCrmLeadDto,
  TCrmNoteDto,
  TCrmOrganizationDto,
  TCrmPersonDto,
  TCrmPipelineDto,
} from '@charla/protocol';
import { api } from '../../lib/api-client';

export type CrmEntity = 'leads' | 'deals' | 'persons' | 'organizations' | 'activities';
export type CrmDtoOf = {
  leads: TCrmLeadDto;
  deals: TCrmDealDto;
  persons: TCrmPersonDto;
  organizations: TCrmOrganizationDto;
  activities: TCrmActivityDto;
};
export type CrmPage<T> = { items: T[]; nextCursor: string | null };
type Query = Record<string, string | number | undefined>;

const path = (entity: string, id?: string) => `/crm/${entity}${id ? `/${encodeURIComponent(id)}` : ''}`;

/** REST calls of the CRM screens (every user; R25). */
export const crmApi = {
  list: <E extends CrmEntity>(entity: E, query: Query = {}) =>
    api.get<CrmPage<CrmDtoOf[E]>>(path(entity), query),
  get: <E extends CrmEntity>(entity: E, id: string) => api.get<CrmDtoOf[E]>(path(entity, id)),
  create: <E extends CrmEntity>(entity: E, body: Record<string, unknown>) =>
    api.post<CrmDtoOf[E]>(path(entity), body),
  update: <E extends CrmEntity>(entity: E, id: string, body: Record<string, unknown>) =>
    api.patch<CrmDtoOf[E]>(path(entity, id), body),
  remove: (entity: CrmEntity, id: string) => api.delete<void>(path(entity, id)),
  notes: (query: Query) => api.get<CrmPage<TCrmNoteDto>>('/crm/notes', query),
  convertLead: (id: string, body: TConvertCrmLeadRequest) =>
    api.post<TConvertCrmLeadResponse>(`${path('leads', id)}/convert`, body),
  pipelines: () => api.get<TCrmPipelineDto[]>('/crm/pipelines'),
  history: (entity: CrmEntity, id: string) =>
    api.get<CrmPage<TCrmChangeDto>>(`${path(entity, id)}/history`, { limit: 100 }),
};
