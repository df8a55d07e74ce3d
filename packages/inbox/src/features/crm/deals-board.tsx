import { useEffect, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCrmDealDto, TCrmMoney, TCrmPipelineDto } from '@charla/protocol';
import { EmptyState, Spinner } from '../../components/empty-state';
import { currentLanguage } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { crmApi } from './crm-api';
import { formatMoney, moveDealToStage, pipelineTotals, totalsByCurrency, weightedTotals } from './crm-format';

const DRAG_TYPE = 'application/x-charla-deal';

/**
 * Open deals of a pipeline in stage columns. Dragging a card to another column (or choosing the
 * stage in its menu, for keyboards) moves the deal at once and saves it; a failed save moves it back.
 */
export function DealsBoard({ q }: { q: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [pipelines, setPipelines] = useState<TCrmPipelineDto[] | null>(null);
  const [pipelineId, setPipelineId] = useState<string | null>(null);
  const [deals, setDeals] = useState<TCrmDealDto[] | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);

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

  const move = async (dealId: string, stageId: string) => {
    const stage = pipeline?.stages.find((s) => s.id === stageId);
    const deal = deals?.find((d) => d.id === dealId);
    if (!stage || !deal || !deals || deal.stage.id === stageId) return;
    const before = deals;
    setDeals(moveDealToStage(deals, dealId, stage));
    setNotice(t('crm.movedTo', { title: deal.title, stage: stage.name }));
    try {
      const saved = await crmApi.update('deals', dealId, { version: deal.version, stageId });
      setDeals((current) => current?.map((d) => (d.id === saved.id ? saved : d)) ?? current);
    } catch {
      setDeals(before);
      setNotice(t('crm.moveFailed'));
    }
  };

  const onDrop = (event: DragEvent, stageId: string) => {
    event.preventDefault();
    setOver(null);
    const dealId = event.dataTransfer.getData(DRAG_TYPE);
    if (dealId) void move(dealId, stageId);
  };

  if (failed)
    return (
      <EmptyState
        icon="alert"
        title={t('crm.loadError')}
        action={
          <button
            type="button"
            className="btn btn--sm"
            onClick={() => {
              setFailed(false);
              setAttempt((n) => n + 1);
            }}
          >
            {t('common.retry')}
          </button>
        }
      />
    );
  if (!pipelines || !pipeline) return <Spinner label={t('common.loading')} />;
  const money = (list: readonly TCrmMoney[]) =>
    list.length ? list.map((m) => formatMoney(m, lang)).join(' · ') : '—';
  const sums = deals
    ? pipelineTotals(
        pipeline.stages.map((s) => ({
          probability: s.probability,
          values: deals.filter((d) => d.stage.id === s.id).map((d) => d.value),
        })),
      )
    : null;

  return (
    <div className="crm-board-wrap">
      {pipelines.length > 1 && (
        <div className="field field--compact crm-pipeline">
          <label htmlFor="crm-pipeline">{t('crm.pipeline')}</label>
          <select id="crm-pipeline" value={pipeline.id} onChange={(e) => setPipelineId(e.target.value)}>
            {pipelines.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {sums && (
        <dl className="crm-board-sums" data-testid="board-sums">
          <div>
            <dt>{t('crm.boardTotal')}</dt>
            <dd>{money(sums.total)}</dd>
          </div>
          <div>
            <dt>{t('crm.boardWeighted')}</dt>
            <dd>{money(sums.weighted)}</dd>
          </div>
        </dl>
      )}
      <p className="sr-only" role="status">
        {notice}
      </p>
      {deals === null ? (
        <Spinner label={t('common.loading')} />
      ) : (
        <div className="crm-board" data-testid="deals-board">
          {pipeline.stages.map((stage) => {
            const inStage = deals.filter((d) => d.stage.id === stage.id);
            const totals = totalsByCurrency(inStage.map((d) => d.value));
            const weighted = weightedTotals(totals, stage.probability);
            return (
              <section
                key={stage.id}
                className={`crm-column ${over === stage.id ? 'crm-column--over' : ''}`}
                aria-labelledby={`stage-${stage.id}`}
                data-testid={`stage-${stage.name}`}
                onDragOver={(e) => {
                  if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
                  e.preventDefault();
                  e.dataTransfer.dropEffect = 'move';
                  setOver(stage.id);
                }}
                onDragLeave={() => setOver((current) => (current === stage.id ? null : current))}
                onDrop={(e) => onDrop(e, stage.id)}
              >
                <header className="crm-column__head">
                  <h2 id={`stage-${stage.id}`}>{stage.name}</h2>
                  <span className="count">{inStage.length}</span>
                </header>
                <p className="crm-column__total" data-testid="stage-total">
                  {totals.length ? money(totals) : ' '}
                </p>
                <p className="crm-column__weighted" data-testid="stage-weighted">
                  {t('crm.weightedAt', {
                    p: stage.probability,
                    value: totals.length ? money(weighted) : '—',
                  })}
                </p>
                <ul className="crm-column__cards">
                  {inStage.map((deal) => (
                    <li
                      key={deal.id}
                      className="crm-deal"
                      draggable
                      data-testid="deal-card"
                      onDragStart={(e) => {
                        e.dataTransfer.setData(DRAG_TYPE, deal.id);
                        e.dataTransfer.effectAllowed = 'move';
                      }}
                    >
                      <Link to={`/crm/deals/${deal.id}`} className="crm-deal__title" draggable={false}>
                        {deal.title}
                      </Link>
                      <span className="crm-deal__meta">
                        {formatMoney(deal.value, lang)}
                        {deal.person && ` · ${deal.person.name}`}
                      </span>
                      <label className="sr-only" htmlFor={`move-${deal.id}`}>
                        {t('crm.moveDeal', { title: deal.title })}
                      </label>
                      <select
                        id={`move-${deal.id}`}
                        className="crm-deal__move"
                        value={deal.stage.id}
                        onChange={(e) => void move(deal.id, e.target.value)}
                      >
                        {pipeline.stages.map((s) => (
                          <option key={s.id} value={s.id}>
                            {s.name}
                          </option>
                        ))}
                      </select>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      )}
    </div>
  );
}
