import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCrmDealDto, TCrmPipelineDto } from '@charla/protocol';
import { EmptyState, Spinner } from '../../components/empty-state';
import { currentLanguage } from '../../lib/i18n';
import { crmApi } from './crm-api';
import { moveDealToStage, pipelineTotals } from './crm-format';
import { DealStageColumn, moneyList } from './deal-stage-column';

/**
 * Open deals of a pipeline in stage columns. Dragging a card to another column (or choosing the
 * stage in its menu and pressing Enter, for keyboards) moves the deal at once and saves it; a
 * failed save moves it back. A move made from the menu keeps the focus on it in its new column.
 */
export function DealsBoard({ q }: { q: string }) {
  const { t } = useTranslation();
  const board = useDealsBoard(q);
  const { pipelines, pipeline, deals, notice } = board;

  if (board.failed)
    return (
      <EmptyState
        icon="alert"
        title={t('crm.loadError')}
        action={
          <button type="button" className="btn btn--sm" onClick={board.retry}>
            {t('common.retry')}
          </button>
        }
      />
    );
  if (!pipelines || !pipeline) return <Spinner label={t('common.loading')} />;

  return (
    <div className="crm-board-wrap">
      {pipelines.length > 1 && (
        <div className="field field--compact crm-pipeline">
          <label htmlFor="crm-pipeline">{t('crm.pipeline')}</label>
          <select id="crm-pipeline" value={pipeline.id} onChange={(e) => board.setPipelineId(e.target.value)}>
            {pipelines.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {deals && <BoardSums pipeline={pipeline} deals={deals} />}
      <p className="sr-only" role="status">
        {notice}
      </p>
      {deals === null ? (
        <Spinner label={t('common.loading')} />
      ) : (
        <div className="crm-board" data-testid="deals-board">
          {pipeline.stages.map((stage) => (
            <DealStageColumn
              key={stage.id}
              stage={stage}
              stages={pipeline.stages}
              deals={deals.filter((d) => d.stage.id === stage.id)}
              onMove={(dealId, stageId, keepFocus) => void board.move(dealId, stageId, keepFocus)}
            />
          ))}
        </div>
      )}
    </div>
  );
}

/** The pipeline's total and weighted value (by each stage's win probability), per currency. */
function BoardSums({ pipeline, deals }: { pipeline: TCrmPipelineDto; deals: TCrmDealDto[] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const sums = pipelineTotals(
    pipeline.stages.map((s) => ({
      probability: s.probability,
      values: deals.filter((d) => d.stage.id === s.id).map((d) => d.value),
    })),
  );
  return (
    <dl className="crm-board-sums" data-testid="board-sums">
      <div>
        <dt>{t('crm.boardTotal')}</dt>
        <dd>{moneyList(sums.total, lang)}</dd>
      </div>
      <div>
        <dt>{t('crm.boardWeighted')}</dt>
        <dd>{moneyList(sums.weighted, lang)}</dd>
      </div>
    </dl>
  );
}

/** The pipelines, the chosen one's open deals (matching `q`), and moving a deal optimistically. */
function useDealsBoard(q: string) {
  const { t } = useTranslation();
  const [pipelines, setPipelines] = useState<TCrmPipelineDto[] | null>(null);
  const [pipelineId, setPipelineId] = useState<string | null>(null);
  const [deals, setDeals] = useState<TCrmDealDto[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const refocus = useRefocusStageMenu(deals);

  useEffect(() => {
    crmApi.pipelines().then(
      (list) => {
        setPipelines(list);
        setPipelineId((current) => current ?? list.find((p) => p.isDefault)?.id ?? list[0]?.id ?? null);
      },
      () => setFailed(true),
    );
  }, [attempt]);

  useEffect(() => {
    if (!pipelineId) return;
    setDeals(null);
    crmApi.list('deals', { pipelineId, status: 'open', q: q || undefined, limit: 100 }).then(
      (page) => setDeals(page.items),
      () => setFailed(true),
    );
  }, [pipelineId, q, attempt]);

  const pipeline = pipelines?.find((p) => p.id === pipelineId) ?? null;

  const move = async (dealId: string, stageId: string, keepFocus = false) => {
    const stage = pipeline?.stages.find((s) => s.id === stageId);
    const deal = deals?.find((d) => d.id === dealId);
    if (!stage || !deal || !deals || deal.stage.id === stageId) return;
    const before = deals;
    setDeals(moveDealToStage(deals, dealId, stage));
    if (keepFocus) refocus(dealId);
    setNotice(t('crm.movedTo', { title: deal.title, stage: stage.name }));
    try {
      const saved = await crmApi.update('deals', dealId, { version: deal.version, stageId });
      setDeals((current) => current?.map((d) => (d.id === saved.id ? saved : d)) ?? current);
    } catch {
      setDeals(before);
      if (keepFocus) refocus(dealId);
      setNotice(t('crm.moveFailed'));
    }
  };

  const retry = () => {
    setFailed(false);
    setAttempt((n) => n + 1);
  };

  return { pipelines, pipeline, setPipelineId, deals, notice, failed, retry, move };
}

/**
 * A moved card is rendered anew in its new column, so the focus its stage menu had would fall to
 * the page: `refocus(dealId)` gives it back to that deal's menu once the board shows the move.
 */
function useRefocusStageMenu(deals: TCrmDealDto[] | null) {
  const [dealId, refocus] = useState<string | null>(null);
  useEffect(() => {
    if (!dealId) return;
    document.getElementById(`move-${dealId}`)?.focus();
    refocus(null);
  }, [dealId, deals]);
  return refocus;
}
