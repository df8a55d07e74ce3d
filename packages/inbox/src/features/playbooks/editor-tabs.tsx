import { useTranslation } from 'react-i18next';
import type { TPlaybookNodeType } from '@charla/protocol';
import { Menu } from '../../components/menu';
import { AdminIcon } from './admin-icons';
import { CARD_ICONS } from './card-summary';
import { UndoRedo } from './undo-redo';

export type EditorTab = 'flow' | 'appearance' | 'install';
export const EDITOR_TABS: EditorTab[] = ['flow', 'appearance', 'install'];
const NODE_TYPES: TPlaybookNodeType[] = [
  'message',
  'question',
  'capture',
  'condition',
  'set_variable',
  'http_request',
  'wait',
  'live_chat',
  'end',
];

/** The editor's sections as tabs (arrow keys move between them); the install tab flags bad origins. */
export function EditorTabList(props: {
  tab: EditorTab;
  onTab: (tab: EditorTab) => void;
  installProblem: boolean;
}) {
  const { t } = useTranslation();
  const { tab, onTab } = props;
  const step = (from: EditorTab, key: string) => {
    if (key !== 'ArrowRight' && key !== 'ArrowLeft') return;
    const shift = key === 'ArrowRight' ? 1 : EDITOR_TABS.length - 1;
    const next = EDITOR_TABS[(EDITOR_TABS.indexOf(from) + shift) % EDITOR_TABS.length] ?? 'flow';
    onTab(next);
    document.getElementById(`pb-tab-${next}`)?.focus();
  };
  return (
    <div className="pb-tabs__list" role="tablist" aria-label={t('playbooks.editor.sections')}>
      {EDITOR_TABS.map((id) => (
        <button
          key={id}
          type="button"
          role="tab"
          id={`pb-tab-${id}`}
          aria-selected={tab === id}
          aria-controls={`pb-panel-${id}`}
          tabIndex={tab === id ? 0 : -1}
          className={`pb-tab ${tab === id ? 'pb-tab--on' : ''}`}
          onClick={() => onTab(id)}
          onKeyDown={(e) => step(id, e.key)}
        >
          {t(`playbooks.tabs.${id}`)}
          {id === 'install' && props.installProblem && (
            <span className="pb-dot" aria-label={t('playbooks.hasProblem')} />
          )}
        </button>
      ))}
    </div>
  );
}

/** Above the canvas: undo, redo and the menu that adds a card of each type. */
export function FlowTools(props: {
  history: { undo: () => void; redo: () => void; canUndo: boolean; canRedo: boolean };
  onAdd: (type: TPlaybookNodeType) => void;
}) {
  const { t } = useTranslation();
  const { history } = props;
  return (
    <div className="pb-tabs__tools">
      <UndoRedo
        onUndo={history.undo}
        onRedo={history.redo}
        canUndo={history.canUndo}
        canRedo={history.canRedo}
      />
      <Menu
        label={
          <>
            <AdminIcon name="plus" /> {t('playbooks.addCard')}
          </>
        }
        menuLabel={t('playbooks.addCard')}
        buttonClassName="btn btn--sm"
        testId="add-card"
        items={NODE_TYPES.map((type) => ({
          id: type,
          label: (
            <span className="pb-menu-type">
              <span className={`pb-card__icon pb-card__icon--${type}`}>
                <AdminIcon name={CARD_ICONS[type]} size={13} />
              </span>
              {t(`playbooks.cardTypes.${type}`)}
            </span>
          ),
          onSelect: () => props.onAdd(type),
        }))}
      />
    </div>
  );
}
