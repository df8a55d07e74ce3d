import type { TCrmPipelineDto } from '@charla/protocol';
import type { PipelineRow, StageRow } from './pipelines.store';

export function toPipelineDto(row: PipelineRow, stages: StageRow[]): TCrmPipelineDto {
  return {
    id: row.id,
    name: row.name,
    isDefault: row.is_default === 1,
    stages: stages
      .filter((s) => s.pipeline_id === row.id)
      .map((s) => ({
        id: s.id,
        pipelineId: s.pipeline_id,
        name: s.name,
        position: s.position,
        probability: Number(s.probability),
      })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
