import type {
  TConversationPanelDto,
  TPanelDealCreatedDto,
  TPanelLeadCreatedDto,
  TPutConversationPanelRequest,
} from '@charla/protocol';
import { api } from '../../lib/api-client';

const base = (id: string) => `/conversations/${encodeURIComponent(id)}/panel`;

/** The side panel's REST calls (CRM module, R17/R18). */
export const panelApi = {
  get: (id: string) => api.get<TConversationPanelDto>(base(id)),
  put: (id: string, panel: TPutConversationPanelRequest) => api.put<TConversationPanelDto>(base(id), panel),
  createLead: (id: string, panel: TPutConversationPanelRequest, another: boolean) =>
    api.post<TPanelLeadCreatedDto>(`${base(id)}/lead${another ? '?another=true' : ''}`, { panel }),
  createDeal: (id: string, panel: TPutConversationPanelRequest, another: boolean) =>
    api.post<TPanelDealCreatedDto>(`${base(id)}/deal${another ? '?another=true' : ''}`, { panel }),
};
