import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { currentLanguage } from '../../lib/i18n';
import { Icon } from '../../lib/icons';
import { Link } from '../../lib/router';
import { type CrmDtoOf, type CrmEntity } from './crm-api';
import { formatDate, formatMoney } from './crm-format';

/** The columns of each CRM list. */
export type Column<T> = { key: string; label: string; render: (item: T) => ReactNode };

/** What every entity's columns draw with: the translator, the language and the cell helpers. */
type Cells = {
  t: TFunction;
  lang: string;
  link: (href: string, text: string) => ReactNode;
  ref: (section: CrmEntity, record: { id: string; name: string } | null) => ReactNode;
  chats: (item: { conversationIds?: string[] }) => ReactNode;
  status: (value: string) => ReactNode;
};

type ColumnsOf = { [E in CrmEntity]: (cells: Cells) => Column<CrmDtoOf[E]>[] };

const columnsOf: ColumnsOf = {
  leads: ({ t, lang, link, ref, chats, status }) => [
    { key: 'title', label: t('crm.fields.title'), render: (i) => link(`/crm/leads/${i.id}`, i.title) },
    { key: 'person', label: t('crm.fields.person'), render: (i) => ref('persons', i.person) },
    { key: 'org', label: t('crm.fields.organization'), render: (i) => ref('organizations', i.organization) },
    { key: 'value', label: t('crm.fields.value'), render: (i) => formatMoney(i.value, lang) },
    { key: 'status', label: t('crm.fields.status'), render: (i) => status(i.status) },
    { key: 'source', label: t('crm.fields.source'), render: (i) => t(`crm.sources.${i.source}`) },
    { key: 'chats', label: t('crm.fields.conversations'), render: chats },
  ],
  deals: ({ t, lang, link, ref, chats, status }) => [
    { key: 'title', label: t('crm.fields.title'), render: (i) => link(`/crm/deals/${i.id}`, i.title) },
    { key: 'stage', label: t('crm.fields.stage'), render: (i) => i.stage.name },
    { key: 'value', label: t('crm.fields.value'), render: (i) => formatMoney(i.value, lang) },
    { key: 'person', label: t('crm.fields.person'), render: (i) => ref('persons', i.person) },
    {
      key: 'close',
      label: t('crm.fields.expectedClose'),
      render: (i) => formatDate(i.expectedCloseDate, lang),
    },
    { key: 'status', label: t('crm.fields.status'), render: (i) => status(i.status) },
    { key: 'chats', label: t('crm.fields.conversations'), render: chats },
  ],
  persons: ({ t, link, ref, chats }) => [
    { key: 'name', label: t('crm.fields.name'), render: (i) => link(`/crm/persons/${i.id}`, i.name) },
    { key: 'email', label: t('crm.fields.email'), render: (i) => i.emails.join(', ') || '—' },
    { key: 'phone', label: t('crm.fields.phone'), render: (i) => i.phones.join(', ') || '—' },
    { key: 'org', label: t('crm.fields.organization'), render: (i) => ref('organizations', i.organization) },
    { key: 'chats', label: t('crm.fields.conversations'), render: chats },
  ],
  organizations: ({ t, link, chats }) => [
    { key: 'name', label: t('crm.fields.name'), render: (i) => link(`/crm/organizations/${i.id}`, i.name) },
    { key: 'address', label: t('crm.fields.address'), render: (i) => i.address ?? '—' },
    { key: 'source', label: t('crm.fields.source'), render: (i) => t(`crm.sources.${i.source}`) },
    { key: 'chats', label: t('crm.fields.conversations'), render: chats },
  ],
  activities: ({ t, lang, link }) => [
    {
      key: 'subject',
      label: t('crm.fields.subject'),
      render: (i) => link(`/crm/activities/${i.id}`, i.subject),
    },
    { key: 'type', label: t('crm.fields.type'), render: (i) => t(`crm.activityTypes.${i.type}`) },
    { key: 'due', label: t('crm.fields.due'), render: (i) => formatDate(i.dueAt, lang) },
    { key: 'done', label: t('crm.fields.done'), render: (i) => (i.done ? t('crm.yes') : t('crm.no')) },
  ],
};

export function useColumns<E extends CrmEntity>(entity: E): Column<CrmDtoOf[E]>[] {
  const { t } = useTranslation();
  const cells: Cells = {
    t,
    lang: currentLanguage(),
    link: (href, text) => (
      <Link to={href} className="crm-link">
        {text}
      </Link>
    ),
    ref: (section, r) => (r ? cells.link(`/crm/${section}/${r.id}`, r.name) : '—'),
    chats: ({ conversationIds = [] }) =>
      conversationIds.length === 0 ? (
        '—'
      ) : (
        <span className="crm-chip">
          <Icon name="message" size={12} /> {conversationIds.length}
        </span>
      ),
    status: (value) => <span className={`crm-status crm-status--${value}`}>{t(`crm.status.${value}`)}</span>,
  };
  return (columnsOf[entity] as (cells: Cells) => Column<CrmDtoOf[E]>[])(cells);
}
