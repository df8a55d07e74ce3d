import { AppError } from '../../../lib/app-error';
import type { CrmTablesStore } from '../shared/crm.store';

/**
 * Where a deal goes: the given stage (its pipeline must match a given pipeline), else the first
 * stage of the given pipeline, else the first stage of the default pipeline.
 */
export async function resolveDealStage(
  tx: CrmTablesStore,
  wanted: { pipelineId?: string | undefined; stageId?: string | undefined },
): Promise<{ pipelineId: string; stageId: string }> {
  if (wanted.stageId !== undefined) {
    const stage = await tx.pipelines.findStage(wanted.stageId);
    if (!stage)
      throw new AppError('CRM_REFERENCE_NOT_FOUND', {
        details: [{ path: 'stageId', message: 'No such stage' }],
      });
    if (wanted.pipelineId !== undefined && wanted.pipelineId !== stage.pipeline_id) {
      if (!(await tx.pipelines.findPipeline(wanted.pipelineId)))
        throw new AppError('CRM_REFERENCE_NOT_FOUND', {
          details: [{ path: 'pipelineId', message: 'No such pipeline' }],
        });
      throw new AppError('CRM_STAGE_NOT_IN_PIPELINE', {
        details: [{ path: 'stageId', message: 'The stage belongs to another pipeline' }],
      });
    }
    return { pipelineId: stage.pipeline_id, stageId: stage.id };
  }
  const pipeline =
    wanted.pipelineId !== undefined
      ? await tx.pipelines.findPipeline(wanted.pipelineId)
      : await tx.pipelines.findDefaultPipeline();
  if (!pipeline)
    throw new AppError('CRM_REFERENCE_NOT_FOUND', {
      details: [{ path: 'pipelineId', message: 'No such pipeline' }],
    });
  const first = await tx.pipelines.firstStage(pipeline.id);
  if (!first)
    throw new AppError('CRM_REFERENCE_NOT_FOUND', {
      details: [{ path: 'stageId', message: 'The pipeline has no stage' }],
    });
  return { pipelineId: pipeline.id, stageId: first.id };
}
