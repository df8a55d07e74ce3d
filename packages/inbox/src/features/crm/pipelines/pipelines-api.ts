import type { TCrmPipelineDto } from '@charla/protocol';
import { api } from '../../../lib/api-client';

const moveTo = (stageId: string | null) => (stageId ? `?moveDealsTo=${encodeURIComponent(stageId)}` : '');
const id = encodeURIComponent;

/** Admin calls of the pipeline settings (issue 15: pipelines are the company's). */
export const pipelinesApi = {
  list: () => api.get<TCrmPipelineDto[]>('/crm/pipelines'),
  create: (name: string, stages: { name: string; probability: number }[]) =>
    api.post<TCrmPipelineDto>('/crm/pipelines', { name, stages }),
  update: (pipelineId: string, body: { name?: string; isDefault?: true }) =>
    api.patch<TCrmPipelineDto>(`/crm/pipelines/${id(pipelineId)}`, body),
  remove: (pipelineId: string, moveDealsTo: string | null) =>
    api.delete<null>(`/crm/pipelines/${id(pipelineId)}${moveTo(moveDealsTo)}`),
  addStage: (pipelineId: string, body: { name: string; probability: number }) =>
    api.post<TCrmPipelineDto>(`/crm/pipelines/${id(pipelineId)}/stages`, body),
  updateStage: (stageId: string, body: { name?: string; probability?: number; position?: number }) =>
    api.patch<TCrmPipelineDto>(`/crm/stages/${id(stageId)}`, body),
  removeStage: (stageId: string, moveDealsTo: string | null) =>
    api.delete<TCrmPipelineDto>(`/crm/stages/${id(stageId)}${moveTo(moveDealsTo)}`),
};
