import type {
  TCreateCrmPipelineRequest,
  TCreateCrmStageRequest,
  TCrmPipelineDto,
  TLanguage,
  TUpdateCrmPipelineRequest,
  TUpdateCrmStageRequest,
} from '@charla/protocol';
import { AppError } from '../../../lib/app-error';
import { newId } from '../../../lib/ids';
import type { CrmDeps } from '../shared/crm-context';
import { toPipelineDto } from './pipeline-dto';
import type { CrmTablesStore } from '../shared/crm.store';
import { requireRecord } from '../shared/require-record';
import { reorderedIds, seedName } from './seed-names';
import type { StageRow } from './pipelines.store';

async function readPipelineDto(tx: CrmTablesStore, id: string): Promise<TCrmPipelineDto> {
  const row = requireRecord(await tx.pipelines.findPipeline(id));
  return toPipelineDto(row, await tx.pipelines.listStages([id]));
}

/** Writes the pipeline's stage order with `stageId` at `position`. */
async function placeStage(tx: CrmTablesStore, pipelineId: string, stageId: string, position: number) {
  const ids = (await tx.pipelines.listStages([pipelineId])).map((s) => s.id);
  await tx.pipelines.setStagePositions(reorderedIds(ids, stageId, position));
}

/**
 * The stage deals go to when theirs is deleted: it must exist and stay — another stage of the
 * same pipeline for a stage delete, a stage of another pipeline for a pipeline delete.
 */
async function moveTarget(
  tx: CrmTablesStore,
  targetId: string | undefined,
  leaving: { stage: StageRow } | { pipelineId: string },
): Promise<{ pipelineId: string; stageId: string }> {
  if (targetId === undefined) throw new AppError('CRM_STAGE_IN_USE');
  const target = await tx.pipelines.findStage(targetId);
  if (!target)
    throw new AppError('CRM_REFERENCE_NOT_FOUND', {
      details: [{ path: 'moveDealsTo', message: 'No such stage' }],
    });
  const valid =
    'stage' in leaving
      ? target.pipeline_id === leaving.stage.pipeline_id && target.id !== leaving.stage.id
      : target.pipeline_id !== leaving.pipelineId;
  if (!valid) throw new AppError('CRM_MOVE_TARGET_INVALID');
  return { pipelineId: target.pipeline_id, stageId: target.id };
}

/** Pipelines and their stages; everyone reads them, admins edit them (the routes enforce it). */
export function createPipelinesService(deps: Pick<CrmDeps, 'store' | 'clock'>) {
  return {
    ...pipelineOps(deps),
    ...stageOps(deps),
  };
}

/** List, read, create, change and delete pipelines. */
function pipelineOps(deps: Pick<CrmDeps, 'store' | 'clock'>) {
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
          seed_key: null,
          created_at: now,
          updated_at: now,
        });
        await tx.pipelines.insertStages(
          input.stages.map((s, position) => ({
            id: newId(),
            pipeline_id: id,
            name: s.name,
            position,
            probability: s.probability ?? 0,
            seed_key: null,
            created_at: now,
          })),
        );
        if (input.isDefault) await tx.pipelines.makeDefault(id, now);
        return readPipelineDto(tx, id);
      });
    },
    /** A rename ends the seeded name's following of the company language. */
    async update(id: string, patch: TUpdateCrmPipelineRequest): Promise<TCrmPipelineDto> {
      return store.transaction(async (tx) => {
        requireRecord(await tx.pipelines.findPipeline(id));
        const now = clock.now();
        await tx.pipelines.updatePipeline(id, {
          ...(patch.name !== undefined ? { name: patch.name, seed_key: null } : {}),
          updated_at: now,
        });
        if (patch.isDefault) await tx.pipelines.makeDefault(id, now);
        return readPipelineDto(tx, id);
      });
    },
    /** Refused for the default pipeline; its deals move to `moveDealsTo` (a stage of another pipeline). */
    async delete(id: string, moveDealsTo?: string): Promise<void> {
      await store.transaction(async (tx) => {
        const row = requireRecord(await tx.pipelines.findPipeline(id));
        if (row.is_default === 1) throw new AppError('CRM_DEFAULT_PIPELINE');
        if ((await tx.deals.countWhere({ pipelineId: id })) > 0 || moveDealsTo !== undefined) {
          const target = await moveTarget(tx, moveDealsTo, { pipelineId: id });
          await tx.pipelines.moveDeals({ pipelineId: id }, target, clock.now());
        }
        await tx.pipelines.deletePipeline(id);
      });
    },
  };
}

/** Add, change and delete stages; seeded names in the company's language. */
function stageOps(deps: Pick<CrmDeps, 'store' | 'clock'>) {
  const { store, clock } = deps;
  return {
    async addStage(pipelineId: string, input: TCreateCrmStageRequest): Promise<TCrmPipelineDto> {
      return store.transaction(async (tx) => {
        requireRecord(await tx.pipelines.findPipeline(pipelineId));
        const id = newId();
        const last = (await tx.pipelines.maxStagePosition(pipelineId)) + 1;
        await tx.pipelines.insertStages([
          {
            id,
            pipeline_id: pipelineId,
            name: input.name,
            position: last,
            probability: input.probability ?? 0,
            seed_key: null,
            created_at: clock.now(),
          },
        ]);
        await placeStage(tx, pipelineId, id, input.position ?? last);
        return readPipelineDto(tx, pipelineId);
      });
    },
    /** Rename, set the win probability, or move the stage to `position` (the others shift). */
    async updateStage(stageId: string, patch: TUpdateCrmStageRequest): Promise<TCrmPipelineDto> {
      return store.transaction(async (tx) => {
        const stage = requireRecord(await tx.pipelines.findStage(stageId));
        await tx.pipelines.updateStage(stageId, {
          ...(patch.name !== undefined ? { name: patch.name, seed_key: null } : {}),
          ...(patch.probability !== undefined ? { probability: patch.probability } : {}),
        });
        if (patch.position !== undefined) await placeStage(tx, stage.pipeline_id, stageId, patch.position);
        return readPipelineDto(tx, stage.pipeline_id);
      });
    },
    /** Its deals move to `moveDealsTo` (another stage of the pipeline); a pipeline keeps one stage. */
    async deleteStage(stageId: string, moveDealsTo?: string): Promise<TCrmPipelineDto> {
      return store.transaction(async (tx) => {
        const stage = requireRecord(await tx.pipelines.findStage(stageId));
        if ((await tx.pipelines.countStages(stage.pipeline_id)) <= 1)
          throw new AppError('CRM_PIPELINE_NEEDS_STAGE');
        if ((await tx.deals.countWhere({ stageId })) > 0 || moveDealsTo !== undefined) {
          const target = await moveTarget(tx, moveDealsTo, { stage });
          await tx.pipelines.moveDeals({ stageId }, target, clock.now());
        }
        await tx.pipelines.deleteStage(stageId);
        const rest = (await tx.pipelines.listStages([stage.pipeline_id])).map((s) => s.id);
        await tx.pipelines.setStagePositions(rest);
        return readPipelineDto(tx, stage.pipeline_id);
      });
    },
    /** The seeded pipeline and stages nobody renamed take their names in the company's language. */
    async localizeSeed(language: TLanguage): Promise<void> {
      await store.transaction(async (tx) => {
        const { pipelines, stages } = await tx.pipelines.seededRows();
        for (const p of pipelines) {
          const name = seedName(p.seed_key ?? '', language);
          if (name) await tx.pipelines.updatePipeline(p.id, { name });
        }
        for (const s of stages) {
          const name = seedName(s.seed_key ?? '', language);
          if (name) await tx.pipelines.updateStage(s.id, { name });
        }
      });
    },
  };
}
export type PipelinesService = ReturnType<typeof createPipelinesService>;
