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

/**
 * R17/R18: deal, person and organization fields, notes, and creating a lead or a deal. Before a
 * lead or deal exists the fields are a draft; afterwards they are the linked CRM records
 * themselves (issue 15: one source of truth), kept on closed conversations too (R20).
 */
export function SidePanel({
  conversation,
  onClose,
}: {
  conversation: TConversationDto;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const {
    panel,
    loadError,
    form,
    errors,
    saveState,
    creating,
    createError,
    editable,
    load,
    refresh,
    update,
    blur,
    create,
  } = useSidePanel(conversation);
  return (
    <aside className="side-panel" aria-label={t('panel.label')} data-testid="side-panel">
      <header className="side-panel__header">
        <h2>{t('panel.title')}</h2>
        <span className={`save-state save-state--${saveState}`} aria-live="polite">
          {saveState === 'saving'
            ? t('panel.saving')
            : saveState === 'saved'
              ? t('panel.saved')
              : saveState === 'error'
                ? t('panel.saveError')
                : ''}
        </span>
        <button type="button" className="icon-btn" aria-label={t('panel.hide')} onClick={onClose}>
          <Icon name="x" />
        </button>
      </header>
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
          <>
            <div className="panel-actions">
              <button
                type="button"
                className="btn btn--primary btn--sm"
                onClick={() => void create('lead')}
                disabled={!editable || creating !== null}
                data-testid="create-lead"
              >
                {creating === 'lead'
                  ? t('panel.creating')
                  : panel.leads.length > 0
                    ? t('panel.createAnotherLead')
                    : t('panel.createLead')}
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
            {createError && (
              <p className="form__error" role="alert">
                {createError}
              </p>
            )}
            {(panel.leads.length > 0 || panel.deals.length > 0) && (
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
            )}
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
        )}
        <PersonHistory conversationId={conversation.id} refreshKey={panel?.updatedAt} />
        <VisitorContext conversation={conversation} />
      </div>
    </aside>
  );
}
