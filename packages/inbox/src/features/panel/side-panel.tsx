import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TConversationDto, TConversationPanelDto } from '@charla/protocol';
import { EmptyState, Spinner } from '../../components/empty-state';
import { Menu } from '../../components/menu';
import { ApiError, fieldErrorsOf } from '../../lib/api-client';
import { Icon } from '../../lib/icons';
import { Link } from '../../lib/router';
import { panelApi } from './panel-api';
import { panelToForm, validatePanelForm, type PanelField, type PanelForm } from './panel-form';
import { DraftFields } from './draft-fields';
import { LinkedFields } from './linked-fields';
import { VisitorContext } from './visitor-context';
import { PersonHistory } from './person-history';

const SERVER_FIELD: Record<string, PanelField> = {
  'panel.value': 'amount',
  'panel.value.amountMinor': 'amount',
  'panel.expectedCloseDate': 'expectedCloseDate',
  'panel.person.email': 'personEmail',
  'panel.person.phone': 'personPhone',
  expectedCloseDate: 'expectedCloseDate',
  'person.email': 'personEmail',
  'person.phone': 'personPhone',
  'person.name': 'personName',
  'organization.name': 'organizationName',
};

type SaveState = 'idle' | 'saving' | 'saved' | 'error';

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
  const [panel, setPanel] = useState<TConversationPanelDto | null>(null);
  const [loadError, setLoadError] = useState(false);
  const [form, setForm] = useState<PanelForm | null>(null);
  const [errors, setErrors] = useState<Partial<Record<PanelField, string>>>({});
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [creating, setCreating] = useState<null | 'lead' | 'deal'>(null);
  const [createError, setCreateError] = useState<string | null>(null);
  const dirty = useRef(false);
  const editable = conversation.allowedActions.includes('edit_panel');

  const load = useCallback(() => {
    setLoadError(false);
    panelApi.get(conversation.id).then(
      (p) => {
        setPanel(p);
        setForm(panelToForm(p));
        dirty.current = false;
      },
      () => setLoadError(true),
    );
  }, [conversation.id]);
  useEffect(() => {
    setPanel(null);
    setForm(null);
    setErrors({});
    setSaveState('idle');
    setCreateError(null);
    load();
  }, [load]);

  // A lead or deal created elsewhere (another tab, a colleague) shows up as a new timeline
  // message: refresh the links then, unless the user is editing.
  // The same when the window regains focus: a record edited on its CRM page (this tab or another)
  // shows here at once, so the panel never reads one value and the CRM another.
  const loaded = panel !== null;
  const refresh = useCallback(() => {
    if (!dirty.current) panelApi.get(conversation.id).then(setPanel, () => undefined);
  }, [conversation.id]);
  useEffect(() => {
    if (loaded) refresh();
  }, [refresh, conversation.lastSeq, loaded]);
  useEffect(() => {
    window.addEventListener('focus', refresh);
    return () => window.removeEventListener('focus', refresh);
  }, [refresh]);

  const validate = (f: PanelForm) => validatePanelForm(f, { amount: t('panel.invalidAmount') });

  const save = async () => {
    if (!form || !dirty.current) return;
    const result = validate(form);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setSaveState('saving');
    try {
      const saved = await panelApi.put(conversation.id, result.value);
      setPanel(saved);
      dirty.current = false;
      setSaveState('saved');
    } catch (error) {
      setErrors(mapServerErrors(error));
      setSaveState('error');
    }
  };

  const update = (field: PanelField, value: string) => {
    if (!form) return;
    const next: PanelForm = { ...form, [field]: value };
    setForm(next);
    dirty.current = true;
    setSaveState('idle');
    if (errors[field]) {
      const result = validate(next);
      setErrors(result.ok ? {} : { ...errors, [field]: result.errors[field] });
    }
  };

  const blur = (field: PanelField) => {
    if (!form) return;
    const result = validate(form);
    setErrors((current) => ({ ...current, [field]: result.ok ? undefined : result.errors[field] }));
    if (result.ok) void save();
  };

  const create = async (kind: 'lead' | 'deal') => {
    if (!form || !panel) return;
    const result = validate(form);
    if (!result.ok) {
      setErrors(result.errors);
      setCreateError(t('panel.fixErrors'));
      return;
    }
    setCreating(kind);
    setCreateError(null);
    try {
      const another = kind === 'lead' ? panel.leads.length > 0 : panel.deals.length > 0;
      const created =
        kind === 'lead'
          ? await panelApi.createLead(conversation.id, result.value, another)
          : await panelApi.createDeal(conversation.id, result.value, another);
      setPanel(created.panel);
      setForm(panelToForm(created.panel));
      dirty.current = false;
      setSaveState('saved');
    } catch (error) {
      setErrors(mapServerErrors(error));
      setCreateError(
        error instanceof ApiError && error.code === 'VALIDATION_FAILED'
          ? t('panel.fixErrors')
          : t('errors.generic'),
      );
    } finally {
      setCreating(null);
    }
  };

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

function mapServerErrors(error: unknown): Partial<Record<PanelField, string>> {
  const out: Partial<Record<PanelField, string>> = {};
  for (const [path, message] of Object.entries(fieldErrorsOf(error))) {
    const field = SERVER_FIELD[path];
    if (field) out[field] = message;
  }
  return out;
}
