import type {
  TLanguage,
  TPlaybookDocument,
  TPlaybookDto,
  TPlaybookSummaryDto,
  TPlaybookTemplateDto,
  TPlaybookValidationDto,
  TWebhookSettingsDto,
} from '@charla/protocol';
import type { TPlaybookTemplateId } from '@charla/protocol';
import { api } from '../../lib/api-client';

const one = (id: string) => `/playbooks/${encodeURIComponent(id)}`;

/** REST calls of the playbook screens (admin writes; R2). */
export const playbooksApi = {
  list: () => api.get<TPlaybookSummaryDto[]>('/playbooks'),
  templates: () => api.get<TPlaybookTemplateDto[]>('/playbook-templates'),
  get: (id: string) => api.get<TPlaybookDto>(one(id)),
  create: (name: string, templateId: TPlaybookTemplateId, language: TLanguage) =>
    api.post<TPlaybookDto>('/playbooks', { name, templateId, language }),
  save: (
    id: string,
    body: { name?: string; document: TPlaybookDocument; allowedOrigins?: string[]; expectedRevision: number },
  ) => api.put<TPlaybookDto>(one(id), body),
  validate: (document: TPlaybookDocument) =>
    api.post<TPlaybookValidationDto>('/playbooks/validate', { document }),
  duplicate: (id: string) => api.post<TPlaybookDto>(`${one(id)}/duplicate`),
  activate: (id: string) => api.post<TPlaybookDto>(`${one(id)}/activate`),
  deactivate: (id: string) => api.post<TPlaybookDto>(`${one(id)}/deactivate`),
  remove: (id: string) => api.delete<void>(one(id)),
  /** The private-targets setting the validator needs for HTTP request cards (rule 23). */
  webhookSettings: () => api.get<TWebhookSettingsDto>('/admin/settings/webhooks'),
};
