import type {
  TCreateCrmPipelineRequest,
  TCreateCrmStageRequest,
  TCrmPipelineDto,
  TUpdateCrmPipelineRequest,
  TUpdateCrmStageRequest,
} from '@charla/protocol';
import { AppError } from '../../../lib/app-error';
import { newId } from '../../../lib/ids';
import type { CrmDeps } from '../shared/crm-context';
import { toPipelineDto } from './pipeline-dto';
import type { CrmTablesStore } from '../shared/crm.store';
import { requireRecord } from '../shared/require-record';

async function readPipelineDto(tx: CrmTablesStore, id: string): Promise<TCrmPipelineDto> {
  const row = requireRecord(await tx.pipelines.findPipeline(id));
  return toPipelineDto(row, await tx.pipelines.listStages([id]));
}

/** Pipelines and their stages; everyone reads them, admins edit them (the routes enforce it). */
export function createPipelinesService(deps: Pick<CrmDeps, 'store' | 'clock'>) {
  const { store, clock } = deps;
  return {
    async list(): Promise<TCrmPipelineDto[]> {
      const pipelines = await store.pipelines.listPipelines();
      const stages = await store.pipelines.listStages(pipelines.map((p) => p.id));
      return pipelines.map((p) => toPipelineDto(p, stages));
    },
    async get(id: string): Promise<TCrmPipelineDto> {
      return readPipelineDto(store, id);
    },
    async create(input: TCreateCrmPipelineRequest): Promise<TCrmPipelineDto> {
      return store.transaction(async (tx) => {
        const now = clock.now();
        const id = newId();
        await tx.pipelines.insertPipeline({
          id,
          name: input.name,
          is_default: 0,
          created_at: now,
          updated_at: now,
        });
        await tx.pipelines.insertStages(
          input.stages.map((s, position) => ({
            id: newId(),
            pipeline_id: id,
            name: s.name,
            position,
            created_at: now,
          })),
        );
        if (input.isDefault) await tx.pipelines.makeDefault(id, now);
        return readPipelineDto(tx, id);
      });
    },
    async update(id: string, patch: TUpdateCrmPipelineRequest): Promise<TCrmPipelineDto> {
      return store.transaction(async (tx) => {
        requireRecord(await tx.pipelines.findPipeline(id));
        const now = clock.now();
        await tx.pipelines.updatePipeline(id, {
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          updated_at: now,
        });
        if (patch.isDefault) await tx.pipelines.makeDefault(id, now);
        return readPipelineDto(tx, id);
      });
    },
    /** Refused for the default pipeline and for a pipeline that still has deals. */
    async delete(id: string): Promise<void> {
      await store.transaction(async (tx) => {
        const row = requireRecord(await tx.pipelines.findPipeline(id));
        if (row.is_default === 1) throw new AppError('CRM_DEFAULT_PIPELINE');
        if ((await tx.deals.countWhere({ pipelineId: id })) > 0) throw new AppError('CRM_STAGE_IN_USE');
        await tx.pipelines.deletePipeline(id);
      });
    },
    async addStage(pipelineId: string, input: TCreateCrmStageRequest): Promise<TCrmPipelineDto> {
      return store.transaction(async (tx) => {
        requireRecord(await tx.pipelines.findPipeline(pipelineId));
        const position = input.position ?? (await tx.pipelines.maxStagePosition(pipelineId)) + 1;
        await tx.pipelines.insertStages([
          { id: newId(), pipeline_id: pipelineId, name: input.name, position, created_at: clock.now() },
        ]);
        return readPipelineDto(tx, pipelineId);
      });
    },
    async updateStage(stageId: string, patch: TUpdateCrmStageRequest): Promise<TCrmPipelineDto> {
      return store.transaction(async (tx) => {
        const stage = requireRecord(await tx.pipelines.findStage(stageId));
        await tx.pipelines.updateStage(stageId, {
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.position !== undefined ? { position: patch.position } : {}),
        });
        return readPipelineDto(tx, stage.pipeline_id);
      });
    },
    /** Refused while deals are in the stage, and for a pipeline's last stage. */
    async deleteStage(stageId: string): Promise<TCrmPipelineDto> {
      return store.transaction(async (tx) => {
        const stage = requireRecord(await tx.pipelines.findStage(stageId));
        if ((await tx.deals.countWhere({ stageId })) > 0) throw new AppError('CRM_STAGE_IN_USE');
        if ((await tx.pipelines.countStages(stage.pipeline_id)) <= 1)
          throw new AppError('CRM_PIPELINE_NEEDS_STAGE');
        await tx.pipelines.deleteStage(stageId);
        return readPipelineDto(tx, stage.pipeline_id);
      });
    },
  };
}
export type PipelinesService = ReturnType<typeof createPipelinesService>;
