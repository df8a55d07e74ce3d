import { useEffect, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCrmDealDto, TCrmMoney, TCrmPipelineDto } from '@charla/protocol';
import { currentLanguage } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { formatMoney, totalsByCurrency, weightedTotals } from './crm-format';

export const DRAG_TYPE = 'application/x-charla-deal';

type Stage = TCrmPipelineDto['stages'][number];
/** `keepFocus`: the move was made from the card's stage menu, which keeps the focus after it. */
type Move = (dealId: string, stageId: string, keepFocus?: boolean) => void;

/** Amounts per currency joined with a dot, or a dash when there are none. */
export function moneyList(list: readonly TCrmMoney[], lang: string): string {
  return list.length ? list.map((m) => formatMoney(m, lang)).join(' · ') : '—';
}

/** One stage of the board: its total and weighted value, its deals, and a drop target for cards. */
export function DealStageColumn({
  stage,
  stages,
  deals,
  onMove,
}: {
  stage: Stage;
  stages: Stage[];
  deals: TCrmDealDto[];
  onMove: Move;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [over, setOver] = useState(false);
  const totals = totalsByCurrency(deals.map((d) => d.value));
  const weighted = weightedTotals(totals, stage.probability);
  return (
    <section
      className={`crm-column ${over ? 'crm-column--over' : ''}`}
      aria-labelledby={`stage-${stage.id}`}
      data-testid={`stage-${stage.name}`}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const dealId = e.dataTransfer.getData(DRAG_TYPE);
        if (dealId) onMove(dealId, stage.id);
      }}
    >
      <header className="crm-column__head">
        <h2 id={`stage-${stage.id}`}>{stage.name}</h2>
        <span className="count">{deals.length}</span>
      </header>
      <p className="crm-column__total" data-testid="stage-total">
        {totals.length ? moneyList(totals, lang) : ' '}
      </p>
      <p className="crm-column__weighted" data-testid="stage-weighted">
        {t('crm.weightedAt', {
          p: stage.probability,
          value: totals.length ? moneyList(weighted, lang) : '—',
        })}
      </p>
      <ul className="crm-column__cards">
        {deals.map((deal) => (
          <DealCard key={deal.id} deal={deal} stages={stages} onMove={onMove} />
        ))}
      </ul>
    </section>
  );
}

/** A deal on the board: dragged to move it, or moved with its stage menu from the keyboard. */
function DealCard({ deal, stages, onMove }: { deal: TCrmDealDto; stages: Stage[]; onMove: Move }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const stageMenu = useStageMenu(deal, onMove);
  return (
    <li
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
      <span className="sr-only" id={`move-hint-${deal.id}`}>
        {t('crm.moveDealHint')}
      </span>
      <select
        id={`move-${deal.id}`}
        className="crm-deal__move"
        aria-describedby={`move-hint-${deal.id}`}
        {...stageMenu}
      >
        {stages.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </li>
  );
}

// Keys that step a closed menu's choice: they only change the draft, so keyboard users can look
// through the stages; Enter (or leaving the menu) moves the deal. A pick from the open menu (mouse,
// or Enter in the list) arrives without one of these keys just before and moves the deal at once.
const STEPPING_KEYS = new Set([
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
  'PageUp',
  'PageDown',
]);
const stepsChoice = (key: string) => STEPPING_KEYS.has(key) || (key.length === 1 && key !== ' ');

/** The stage menu of a card: a draft stage, committed on Enter, on a pick, or on leaving it. */
function useStageMenu(deal: TCrmDealDto, onMove: Move) {
  const [draft, setDraft] = useState(deal.stage.id);
  const stepping = useRef(false);
  const moved = useRef(false);
  useEffect(() => setDraft(deal.stage.id), [deal.stage.id]);
  const commit = (stageId: string, keepFocus: boolean) => {
    if (stageId === deal.stage.id || moved.current) return;
    moved.current = true;
    onMove(deal.id, stageId, keepFocus);
  };
  return {
    value: draft,
    onKeyDown: (e: KeyboardEvent<HTMLSelectElement>) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        commit(draft, true);
      } else if (e.key === 'Escape' && draft !== deal.stage.id) {
        e.preventDefault();
        setDraft(deal.stage.id);
      } else if (stepsChoice(e.key)) {
        // The change such a key makes follows at once, within the key's default action.
        stepping.current = true;
        setTimeout(() => (stepping.current = false));
      }
    },
    onChange: (e: ChangeEvent<HTMLSelectElement>) => {
      setDraft(e.target.value);
      if (!stepping.current) commit(e.target.value, true);
    },
    onBlur: () => commit(draft, false),
  };
}
