import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCrmPipelineDto, TCrmStageDto } from '@charla/protocol';
import { AdminIcon } from '../../playbooks/admin-icons';

type Props = {
  stage: TCrmStageDto;
  index: number;
  count: number;
  /** Stages deals may move to when this one goes (the pipeline's others). */
  others: TCrmStageDto[];
  onChange: (body: { name?: string; probability?: number; position?: number }) => Promise<void>;
  onDelete: (moveDealsTo: string | null) => Promise<void>;
};

/** The stage's name and win probability as typed, saved on leaving the field when valid and changed. */
function useStageFields(stage: TCrmStageDto, onChange: Props['onChange']) {
  const [name, setName] = useState(stage.name);
  const [probability, setProbability] = useState(String(stage.probability));
  useEffect(() => setName(stage.name), [stage.name]);
  useEffect(() => setProbability(String(stage.probability)), [stage.probability]);

  const saveName = () => {
    if (name.trim() && name.trim() !== stage.name) void onChange({ name: name.trim() });
    else setName(stage.name);
  };
  const saveProbability = () => {
    const value = Number(probability);
    if (Number.isInteger(value) && value >= 0 && value <= 100 && value !== stage.probability)
      void onChange({ probability: value });
    else setProbability(String(stage.probability));
  };
  return { name, setName, probability, setProbability, saveName, saveProbability };
}

/** One stage of the pipeline settings: name and win probability saved on leaving, move, delete. */
export function StageRow({ stage, index, count, others, onChange, onDelete }: Props) {
  const { t } = useTranslation();
  const { name, setName, probability, setProbability, saveName, saveProbability } = useStageFields(
    stage,
    onChange,
  );
  const [deleting, setDeleting] = useState(false);

  return (
    <li className="stage-row" data-testid="stage-row">
      <div className="stage-row__fields">
        <label className="sr-only" htmlFor={`stage-name-${stage.id}`}>
          {t('pipelines.stageName')}
        </label>
        <input
          id={`stage-name-${stage.id}`}
          className="input"
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
          onBlur={saveName}
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
        />
        <label className="stage-row__prob" htmlFor={`stage-prob-${stage.id}`}>
          <span>{t('pipelines.probability')}</span>
          <input
            id={`stage-prob-${stage.id}`}
            className="input"
            type="number"
            min={0}
            max={100}
            step={1}
            value={probability}
            onChange={(e) => setProbability(e.target.value)}
            onBlur={saveProbability}
          />
          <span aria-hidden="true">%</span>
        </label>
      </div>
      <div className="stage-row__actions">
        <button
          type="button"
          className="btn btn--sm"
          disabled={index === 0}
          onClick={() => void onChange({ position: index - 1 })}
          aria-label={t('pipelines.moveUp', { name: stage.name })}
        >
          ↑
        </button>
        <button
          type="button"
          className="btn btn--sm"
          disabled={index === count - 1}
          onClick={() => void onChange({ position: index + 1 })}
          aria-label={t('pipelines.moveDown', { name: stage.name })}
        >
          ↓
        </button>
        <button
          type="button"
          className="btn btn--sm btn--ghost btn--icon stage-row__remove"
          disabled={count <= 1}
          onClick={() => setDeleting((d) => !d)}
          aria-expanded={deleting}
          aria-label={t('pipelines.deleteStage', { name: stage.name })}
          title={t('pipelines.deleteStage', { name: stage.name })}
        >
          <AdminIcon name="trash" />
        </button>
      </div>
      {deleting && <StageDelete stage={stage} others={others} onDelete={onDelete} />}
    </li>
  );
}

/** Deleting a stage: where its deals move, and the confirmation. */
function StageDelete({ stage, others, onDelete }: Pick<Props, 'stage' | 'others' | 'onDelete'>) {
  const { t } = useTranslation();
  const [target, setTarget] = useState(others[0]?.id ?? '');
  return (
    <div
      className="stage-row__delete"
      role="group"
      aria-label={t('pipelines.deleteStage', { name: stage.name })}
    >
      <label htmlFor={`stage-move-${stage.id}`}>{t('pipelines.moveDealsTo')}</label>
      <select id={`stage-move-${stage.id}`} value={target} onChange={(e) => setTarget(e.target.value)}>
        {others.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      <button type="button" className="btn btn--sm btn--danger" onClick={() => void onDelete(target || null)}>
        {t('pipelines.confirmDelete')}
      </button>
    </div>
  );
}

/** Stages of the other pipelines, as "Pipeline · Stage" choices for a pipeline's deals. */
export function otherPipelineStages(pipelines: TCrmPipelineDto[], leaving: string) {
  return pipelines
    .filter((p) => p.id !== leaving)
    .flatMap((p) => p.stages.map((s) => ({ value: s.id, label: `${p.name} · ${s.name}` })));
}
