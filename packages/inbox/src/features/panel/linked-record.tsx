import '../crm/crm.css';
import '../crm/crm-views.css';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../lib/i18n';
import { Link } from '../../lib/router';
import type { CrmDtoOf, CrmEntity } from '../crm/crm-api';
import type { FieldContext, Row } from '../crm/field-builders';
import { useRecordEditor } from '../crm/use-record-editor';

/**
 * One CRM record inside the side panel (issue 15, one source of truth): its fields edit the
 * record itself through the same versioned PATCH as its detail page, with the same conflict
 * offer when someone else saved first.
 */
export function LinkedRecord<E extends CrmEntity>({
  entity,
  record,
  heading,
  readOnly,
  rows,
  onSaved,
  testId,
}: {
  entity: E;
  record: CrmDtoOf[E];
  heading: ReactNode;
  readOnly: boolean;
  rows: (item: CrmDtoOf[E], ctx: FieldContext) => Row[];
  onSaved: () => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const [item, setItem] = useState<CrmDtoOf[E]>(record);
  // A newer version from the server (the panel reloaded, live when a colleague saved) replaces
  // what the panel shows; a field being edited keeps the version it started on (a conflict).
  useEffect(() => {
    setItem((shown) => (record.id !== shown.id || record.version > shown.version ? record : shown));
  }, [record]);
  const editor = useRecordEditor(entity, item, setItem, onSaved);
  const ctx: FieldContext = {
    t,
    lang: currentLanguage(),
    users: [],
    pipelines: [],
    save: editor.save,
    version: item.version,
    readOnly,
  };
  return (
    <section className="panel-section panel-linked" data-testid={testId}>
      <h3 className="panel-section__title panel-linked__title">
        {heading}
        <Link to={`/crm/${entity}/${item.id}`} className="crm-link panel-linked__open">
          {t('panel.openInCrm')}
        </Link>
      </h3>
      {editor.conflict && (
        <div className="crm-conflict" role="alert" data-testid="panel-conflict">
          <p>{t('crm.conflict')}</p>
          <button type="button" className="btn btn--sm" onClick={editor.reload}>
            {t('crm.reload')}
          </button>
        </div>
      )}
      <dl className="crm-facts crm-facts--panel">
        {rows(item, ctx).map((row) => (
          <div key={row.label} className="crm-facts__row">
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
