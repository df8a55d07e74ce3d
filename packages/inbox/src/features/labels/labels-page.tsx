import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TLabelDto } from '@charla/protocol';
import { ConfirmDialog } from '../../components/dialog';
import { EmptyState, Spinner } from '../../components/empty-state';
import { AdminIcon } from '../playbooks/admin-icons';
import { SettingsLayout } from '../settings/settings-layout';
import { LabelChip } from './label-chips';
import { LabelDialog } from './label-dialog';
import { labelsApi } from './labels-api';
import { setLabels, useLabels } from './use-labels';
import './labels.css';

/** Settings → Labels (issue 16 item 3): the company's conversation labels, admins only. */
export function LabelsPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const [editing, setEditing] = useState<TLabelDto | 'new' | null>(null);
  const [removing, setRemoving] = useState<TLabelDto | null>(null);

  return (
    <SettingsLayout section="labels">
      <header className="page__header page__header--row">
        <div>
          <h2 className="settings__h">{t('labels.settings.title')}</h2>
          <p>{t('labels.settings.intro')}</p>
        </div>
        <button
          type="button"
          className="btn btn--primary"
          onClick={() => setEditing('new')}
          data-testid="add-label"
        >
          <AdminIcon name="plus" />
          {t('labels.settings.add')}
        </button>
      </header>
      {labels === null ? (
        <Spinner label={t('common.loading')} />
      ) : labels.length === 0 ? (
        <div className="card">
          <EmptyState icon="tag" title={t('labels.settings.none')}>
            {t('labels.settings.noneText')}
          </EmptyState>
        </div>
      ) : (
        <LabelsList labels={labels} onEdit={setEditing} onRemove={setRemoving} />
      )}
      <LabelDialog
        open={editing !== null}
        label={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          setEditing(null);
          setLabels([...(labels ?? []).filter((x) => x.id !== saved.id), saved]);
        }}
      />
      <ConfirmDialog
        open={removing !== null}
        title={t('labels.settings.remove', { name: removing?.name ?? '' })}
        confirmLabel={t('labels.settings.removeConfirm')}
        testId="confirm-remove-label"
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          const label = removing;
          setRemoving(null);
          if (label)
            void labelsApi
              .remove(label.id)
              .then(() => setLabels((labels ?? []).filter((x) => x.id !== label.id)));
        }}
      >
        <p>{t('labels.settings.removeText', { name: removing?.name ?? '' })}</p>
      </ConfirmDialog>
    </SettingsLayout>
  );
}

function LabelsList({
  labels,
  onEdit: setEditing,
  onRemove: setRemoving,
}: {
  labels: TLabelDto[];
  onEdit: (label: TLabelDto) => void;
  onRemove: (label: TLabelDto) => void;
}) {
  const { t } = useTranslation();
  return (
    <ul className="card labels-list">
      {labels.map((label) => (
        <li key={label.id} data-testid="label-row">
          <LabelChip label={label} />
          <span className="field__hint labels-list__color">{t(`labels.colors.${label.color}`)}</span>
          <button
            type="button"
            className="btn btn--sm btn--ghost btn--icon"
            aria-label={t('labels.settings.edit', { name: label.name })}
            title={t('labels.settings.edit', { name: label.name })}
            onClick={() => setEditing(label)}
          >
            <AdminIcon name="pencil" />
          </button>
          <button
            type="button"
            className="btn btn--sm btn--ghost btn--icon"
            aria-label={t('labels.settings.remove', { name: label.name })}
            title={t('labels.settings.remove', { name: label.name })}
            onClick={() => setRemoving(label)}
          >
            <AdminIcon name="trash" />
          </button>
        </li>
      ))}
    </ul>
  );
}
