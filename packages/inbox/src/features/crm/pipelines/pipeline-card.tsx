import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCrmPipelineDto } from '@charla/protocol';
import { pipelinesApi } from './pipelines-api';
import { otherPipelineStages, StageRow } from './stage-row';

type Props = {
  pipeline: TCrmPipelineDto;
  pipelines: TCrmPipelineDto[];
  run: (work: () => Promise<unknown>) => Promise<void>;
};

/** One pipeline: its name, default switch, stages (rename, probability, order, delete) and delete. */
export function PipelineCard({ pipeline, pipelines, run }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState(pipeline.name);
  const [deleting, setDeleting] = useState(false);
  useEffect(() => setName(pipeline.name), [pipeline.name]);

  const rename = () => {
    if (name.trim() && name.trim() !== pipeline.name)
      void run(() => pipelinesApi.update(pipeline.id, { name: name.trim() }));
    else setName(pipeline.name);
  };

  return (
    <section className="card pipeline-card" data-testid="pipeline-card" aria-label={pipeline.name}>
      <header className="pipeline-card__head">
        <label className="sr-only" htmlFor={`pipeline-name-${pipeline.id}`}>
          {t('pipelines.name')}
        </label>
        <input
          id={`pipeline-name-${pipeline.id}`}
          className="input pipeline-card__name"
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
          onBlur={rename}
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
        />
        {pipeline.isDefault ? (
          <span className="badge">{t('pipelines.default')}</span>
        ) : (
          <>
            <button
              type="button"
              className="btn btn--sm"
              onClick={() => void run(() => pipelinesApi.update(pipeline.id, { isDefault: true }))}
            >
              {t('pipelines.makeDefault')}
            </button>
            <button
              type="button"
              className="btn btn--sm stage-row__remove"
              onClick={() => setDeleting((d) => !d)}
              aria-expanded={deleting}
            >
              {t('pipelines.deletePipeline')}
            </button>
          </>
        )}
      </header>
      {deleting && <DeletePipeline pipeline={pipeline} pipelines={pipelines} run={run} />}
      <ol className="stage-list">
        {pipeline.stages.map((stage, index) => (
          <StageRow
            key={stage.id}
            stage={stage}
            index={index}
            count={pipeline.stages.length}
            others={pipeline.stages.filter((s) => s.id !== stage.id)}
            onChange={(body) => run(() => pipelinesApi.updateStage(stage.id, body))}
            onDelete={(moveDealsTo) => run(() => pipelinesApi.removeStage(stage.id, moveDealsTo))}
          />
        ))}
      </ol>
      <AddStageForm pipeline={pipeline} pipelines={pipelines} run={run} />
    </section>
  );
}

/** Deleting a pipeline: where its deals go (a stage of another pipeline), then confirm. */
function DeletePipeline({ pipeline, pipelines, run }: Props) {
  const { t } = useTranslation();
  const targets = otherPipelineStages(pipelines, pipeline.id);
  const [target, setTarget] = useState(targets[0]?.value ?? '');
  return (
    <div className="stage-row__delete" role="group" aria-label={t('pipelines.deletePipeline')}>
      <label htmlFor={`pipeline-move-${pipeline.id}`}>{t('pipelines.moveDealsTo')}</label>
      <select id={`pipeline-move-${pipeline.id}`} value={target} onChange={(e) => setTarget(e.target.value)}>
        {targets.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="btn btn--sm btn--danger"
        onClick={() => void run(() => pipelinesApi.remove(pipeline.id, target || null))}
      >
        {t('pipelines.confirmDelete')}
      </button>
    </div>
  );
}

/** A new stage at the end of the pipeline: its name and win probability (0–100 %). */
function AddStageForm({ pipeline, run }: Props) {
  const { t } = useTranslation();
  const [stageName, setStageName] = useState('');
  const [stageProbability, setStageProbability] = useState('50');
  const addStage = (event: FormEvent) => {
    event.preventDefault();
    const probability = Math.min(100, Math.max(0, Math.round(Number(stageProbability) || 0)));
    if (!stageName.trim()) return;
    void run(() => pipelinesApi.addStage(pipeline.id, { name: stageName.trim(), probability }));
    setStageName('');
  };
  return (
    <form className="stage-add" onSubmit={addStage}>
      <label className="sr-only" htmlFor={`stage-add-${pipeline.id}`}>
        {t('pipelines.newStage')}
      </label>
      <input
        id={`stage-add-${pipeline.id}`}
        className="input"
        value={stageName}
        maxLength={200}
        placeholder={t('pipelines.newStage')}
        onChange={(e) => setStageName(e.target.value)}
      />
      <label className="stage-row__prob" htmlFor={`stage-add-prob-${pipeline.id}`}>
        <span>{t('pipelines.probability')}</span>
        <input
          id={`stage-add-prob-${pipeline.id}`}
          className="input"
          type="number"
          min={0}
          max={100}
          value={stageProbability}
          onChange={(e) => setStageProbability(e.target.value)}
        />
        <span aria-hidden="true">%</span>
      </label>
      <button type="submit" className="btn btn--sm" disabled={!stageName.trim()}>
        {t('pipelines.addStage')}
      </button>
    </form>
  );
}
