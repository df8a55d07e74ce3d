import type { Db } from '../../../db/database';
import type { CrmPipelinesTable, CrmStagesTable } from '../../../db/schema.crm';

export type PipelineRow = CrmPipelinesTable;
export type StageRow = CrmStagesTable;

export function createPipelinesStore(db: Db) {
  return {
    ...pipelineReads(db),
    ...pipelineWrites(db),
    ...stageMoves(db),
  };
}

/** Pipelines and stages as stored. */
function pipelineReads(db: Db) {
  return {
    async listPipelines(): Promise<PipelineRow[]> {
      return db.selectFrom('crm_pipelines').selectAll().orderBy('is_default', 'desc').orderBy('id').execute();
    },
    async listStages(pipelineIds: string[]): Promise<StageRow[]> {
      if (pipelineIds.length === 0) return [];
      return db
        .selectFrom('crm_stages')
        .selectAll()
        .where('pipeline_id', 'in', pipelineIds)
        .orderBy('position')
        .orderBy('id')
        .execute();
    },
    async findPipeline(id: string): Promise<PipelineRow | null> {
      return (
        (await db.selectFrom('crm_pipelines').selectAll().where('id', '=', id).executeTakeFirst()) ?? null
      );
    },
    async findDefaultPipeline(): Promise<PipelineRow | null> {
      return (
        (await db
          .selectFrom('crm_pipelines')
          .selectAll()
          .where('is_default', '=', 1)
          .orderBy('id')
          .limit(1)
          .executeTakeFirst()) ?? null
      );
    },
    async findStage(id: string): Promise<StageRow | null> {
      return (await db.selectFrom('crm_stages').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
    },
    async firstStage(pipelineId: string): Promise<StageRow | null> {
      return (
        (await db
          .selectFrom('crm_stages')
          .selectAll()
          .where('pipeline_id', '=', pipelineId)
          .orderBy('position')
          .orderBy('id')
          .limit(1)
          .executeTakeFirst()) ?? null
      );
    },
    async namesOfStages(ids: string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db.selectFrom('crm_stages').select(['id', 'name']).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },
    async countStages(pipelineId: string): Promise<number> {
      const row = await db
        .selectFrom('crm_stages')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('pipeline_id', '=', pipelineId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

/** Creating and changing pipelines and stages. */
function pipelineWrites(db: Db) {
  return {
    async insertPipeline(row: PipelineRow): Promise<void> {
      await db.insertInto('crm_pipelines').values(row).execute();
    },
    async insertStages(rows: StageRow[]): Promise<void> {
      if (rows.length > 0) await db.insertInto('crm_stages').values(rows).execute();
    },
    async updatePipeline(
      id: string,
      patch: Partial<Pick<PipelineRow, 'name' | 'updated_at' | 'seed_key'>>,
    ): Promise<void> {
      await db.updateTable('crm_pipelines').set(patch).where('id', '=', id).execute();
    },
    /** Call inside a transaction: exactly one pipeline is the default afterwards. */
    async makeDefault(id: string, now: number): Promise<void> {
      await db
        .updateTable('crm_pipelines')
        .set({ is_default: 0, updated_at: now })
        .where('is_default', '=', 1)
        .where('id', '!=', id)
        .execute();
      await db
        .updateTable('crm_pipelines')
        .set({ is_default: 1, updated_at: now })
        .where('id', '=', id)
        .execute();
    },
    async deletePipeline(id: string): Promise<void> {
      await db.deleteFrom('crm_pipelines').where('id', '=', id).execute();
    },
    async updateStage(
      id: string,
      patch: Partial<Pick<StageRow, 'name' | 'position' | 'probability' | 'seed_key'>>,
    ): Promise<void> {
      await db.updateTable('crm_stages').set(patch).where('id', '=', id).execute();
    },
    /** Call inside a transaction: stage `ids[i]` gets position `i`. */
    async setStagePositions(ids: string[]): Promise<void> {
      for (const [position, id] of ids.entries())
        await db.updateTable('crm_stages').set({ position }).where('id', '=', id).execute();
    },
    /** Seeded rows that still carry their seed key (never renamed). */
  };
}

/** Seeding, moving deals between stages, deleting a stage. */
function stageMoves(db: Db) {
  return {
    async seededRows(): Promise<{ pipelines: PipelineRow[]; stages: StageRow[] }> {
      const pipelines = await db
        .selectFrom('crm_pipelines')
        .selectAll()
        .where('seed_key', 'is not', null)
        .execute();
      const stages = await db
        .selectFrom('crm_stages')
        .selectAll()
        .where('seed_key', 'is not', null)
        .execute();
      return { pipelines, stages };
    },
    /** Moves every deal of a stage (or of a whole pipeline) to `to`; each moved deal's version goes up. */
    async moveDeals(
      from: { stageId: string } | { pipelineId: string },
      to: { pipelineId: string; stageId: string },
      now: number,
    ): Promise<number> {
      let query = db.updateTable('crm_deals').set((eb) => ({
        pipeline_id: to.pipelineId,
        stage_id: to.stageId,
        updated_at: now,
        version: eb('version', '+', 1),
      }));
      query =
        'stageId' in from
          ? query.where('stage_id', '=', from.stageId)
          : query.where('pipeline_id', '=', from.pipelineId);
      return Number((await query.executeTakeFirst()).numUpdatedRows);
    },
    async deleteStage(id: string): Promise<void> {
      await db.deleteFrom('crm_stages').where('id', '=', id).execute();
    },
    async maxStagePosition(pipelineId: string): Promise<number> {
      const row = await db
        .selectFrom('crm_stages')
        .select((eb) => eb.fn.max('position').as('max'))
        .where('pipeline_id', '=', pipelineId)
        .executeTakeFirst();
      return row?.max === null || row?.max === undefined ? -1 : Number(row.max);
    },
  };
}
export type PipelinesStore = ReturnType<typeof createPipelinesStore>;
