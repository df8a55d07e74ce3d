import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TConversationDto } from '@charla/protocol';
import { EmptyState, Spinner } from '../../components/empty-state';
import { Menu } from '../../components/menu';
import { Icon } from '../../lib/icons';
import { Link } from '../../lib/router';
import { DraftFields } from './draft-fields';
import { LinkedFields } from './linked-fields';
import { useSidePanel } from './use-side-panel';
import { VisitorContext } from './visitor-context';
import { PersonHistory } from './person-history';
import { PanelLabels } from '../labels/panel-labels';
import { sameApartFromActivity } from '../inbox/conversation-activity';

/**
 * R17/R18: deal, person and organization fields, notes, and creating a lead or a deal. Before a
 * lead or deal exists the fields are a draft; afterwards they are the linked CRM records
 * themselves (issue 15: one source of truth), kept on closed conversations too (R20).
 */
export const SidePanel = memo(SidePanelView, (before, after) => {
  const { conversation, ...rest } = after;
  return (
    sameApartFromActivity(before.conversation, conversation) &&
    before.onClose === rest.onClose &&
    before.lastEventSeq === rest.lastEventSeq
  );
});

type SidePanelProps = {
  conversation: TConversationDto;
  onClose: () => void;
  /** The latest timeline event's seq (a lead or deal created elsewhere shows as one): refreshes. */
  lastEventSeq: number;
};

/** Not at every message (issue 25): only when the conversation changes beyond its activity. */
function SidePanelView({ conversation, onClose, lastEventSeq }: SidePanelProps) {
  const { t } = useTranslation();
  const state = useSidePanel(conversation, lastEventSeq);
  const { panel, loadError, form, load } = state;
  return (
    <aside className="side-panel" aria-label={t('panel.label')} data-testid="side-panel">
      <PanelHeader saveState={state.saveState} onClose={onClose} />
      <div className="side-panel__body">
        <PanelLabels conversation={conversation} />
        {loadError ? (
          <EmptyState
            icon="alert"
            title={t('panel.loadError')}
            action={
              <button type="button" className="btn btn--sm" onClick={load}>
                {t('common.retry')}
              </button>
            }
          />
        ) : !form || !panel ? (
          <Spinner label={t('common.loading')} />
        ) : (
          <PanelContent conversation={conversation} state={state} panel={panel} form={form} />
        )}
        <PersonHistory conversationId={conversation.id} refreshKey={panel?.updatedAt} />
        <VisitorContext conversation={conversation} />
      </div>
    </aside>
  );
}

type PanelState = ReturnType<typeof useSidePanel>;
type LoadedPanel = NonNullable<PanelState['panel']>;

function PanelHeader({ saveState, onClose }: { saveState: PanelState['saveState']; onClose: () => void }) {
  const { t } = useTranslation();
  const status: Partial<Record<PanelState['saveState'], string>> = {
    saving: t('panel.saving'),
    saved: t('panel.saved'),
    error: t('panel.saveError'),
  };
  return (
    <header className="side-panel__header">
      <h2>{t('panel.title')}</h2>
      <span className={`save-state save-state--${saveState}`} aria-live="polite">
        {status[saveState] ?? ''}
      </span>
      <button type="button" className="icon-btn" aria-label={t('panel.hide')} onClick={onClose}>
        <Icon name="x" />
      </button>
    </header>
  );
}

/** The loaded panel: create buttons, what was created, then the draft or the linked records. */
function PanelContent({
  conversation,
  state,
  panel,
  form,
}: {
  conversation: TConversationDto;
  state: PanelState;
  panel: LoadedPanel;
  form: NonNullable<PanelState['form']>;
}) {
  const { t } = useTranslation();
  const { errors, editable, refresh, update, blur, createError } = state;
  return (
    <>
      <PanelActions state={state} panel={panel} />
      {createError && (
        <p className="form__error" role="alert">
          {createError}
        </p>
      )}
      <CreatedItems panel={panel} />
      {panel.linked ? (
        <LinkedFields
          linked={panel.linked}
          conversationId={conversation.id}
          readOnly={!editable}
          onSaved={refresh}
          identity={conversation.visitor.context.identity}
        />
      ) : (
        <>
          {!panel.saved && <p className="panel-hint">{t('panel.prefilled')}</p>}
          <DraftFields form={form} errors={errors} editable={editable} update={update} blur={blur} />
        </>
      )}
    </>
  );
}

function PanelActions({ state, panel }: { state: PanelState; panel: LoadedPanel }) {
  const { t } = useTranslation();
  const { creating, editable, create } = state;
  const leadLabel = panel.leads.length > 0 ? t('panel.createAnotherLead') : t('panel.createLead');
  return (
    <div className="panel-actions">
      <button
        type="button"
        className="btn btn--primary btn--sm"
        onClick={() => void create('lead')}
        disabled={!editable || creating !== null}
        data-testid="create-lead"
      >
        {creating === 'lead' ? t('panel.creating') : leadLabel}
      </button>
      <Menu
        ariaLabel={t('panel.moreActions')}
        buttonClassName="btn btn--sm btn--icon"
        testId="panel-more"
        label={<Icon name="more" />}
        items={[
          {
            id: 'deal',
            label: panel.deals.length > 0 ? t('panel.createAnotherDeal') : t('panel.createDeal'),
            onSelect: () => void create('deal'),
            disabled: !editable || creating !== null,
          },
        ]}
      />
    </div>
  );
}

/** Links to the leads and deals this conversation created. */
function CreatedItems({ panel }: { panel: LoadedPanel }) {
  const { t } = useTranslation();
  if (panel.leads.length === 0 && panel.deals.length === 0) return null;
  return (
    <ul className="created-items" data-testid="created-items">
      {panel.leads.map((lead) => (
        <li key={lead.id}>
          <span className="badge">{t('panel.lead')}</span>
          <Link to={`/crm/leads/${lead.id}`}>{lead.title}</Link>
        </li>
      ))}
      {panel.deals.map((deal) => (
        <li key={deal.id}>
          <span className="badge badge--green">{t('panel.deal')}</span>
          <Link to={`/crm/deals/${deal.id}`}>{deal.title}</Link>
        </li>
      ))}
    </ul>
  );
}
