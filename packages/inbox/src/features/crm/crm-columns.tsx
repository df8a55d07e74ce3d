import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  TCrmActivityDto,
  TCrmDealDto,
  TCrmLeadDto,
  TCrmOrganizationDto,
  TCrmPersonDto,
} from '@charla/protocol';
import { currentLanguage } from '../../lib/i18n';
import { Icon } from '../../lib/icons';
import { Link } from '../../lib/router';
import { type CrmDtoOf, type CrmEntity } from './crm-api';
import { formatDate, formatMoney } from './crm-format';

/** The columns of each CRM list. */
export type Column<T> = { key: string; label: string; render: (item: T) => ReactNode };

export function useColumns(entity: CrmEntity): Column<CrmDtoOf[CrmEntity]>[] {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const link = (href: string, text: string) => (
    <Link to={href} className="crm-link">
      {text}
    </Link>
  );
  const ref = (section: CrmEntity, r: { id: string; name: string } | null) =>
    r ? link(`/crm/${section}/${r.id}`, r.name) : '—';
  const chats = (ids: string[]) =>
    ids.length === 0 ? (
      '—'
    ) : (
      <span className="crm-chip">
        <Icon name="message" size={12} /> {ids.length}
      </span>
    );
  const status = (value: string) => (
    <span className={`crm-status crm-status--${value}`}>{t(`crm.status.${value}`)}</span>
  );
  switch (entity) {
    case 'leads':
      return [
        {
          key: 'title',
          label: t('crm.fields.title'),
          render: (i) => link(`/crm/leads/${i.id}`, (i as TCrmLeadDto).title),
        },
        {
          key: 'person',
          label: t('crm.fields.person'),
          render: (i) => ref('persons', (i as TCrmLeadDto).person),
        },
        {
          key: 'org',
          label: t('crm.fields.organization'),
          render: (i) => ref('organizations', (i as TCrmLeadDto).organization),
        },
        {
          key: 'value',
          label: t('crm.fields.value'),
          render: (i) => formatMoney((i as TCrmLeadDto).value, lang),
        },
        { key: 'status', label: t('crm.fields.status'), render: (i) => status((i as TCrmLeadDto).status) },
        {
          key: 'source',
          label: t('crm.fields.source'),
          render: (i) => t(`crm.sources.${(i as TCrmLeadDto).source}`),
        },
        {
          key: 'chats',
          label: t('crm.fields.conversations'),
          render: (i) => chats((i as { conversationIds?: string[] }).conversationIds ?? []),
        },
      ] as Column<CrmDtoOf[CrmEntity]>[];
    case 'deals':
      return [
        {
          key: 'title',
          label: t('crm.fields.title'),
          render: (i) => link(`/crm/deals/${i.id}`, (i as TCrmDealDto).title),
        },
        { key: 'stage', label: t('crm.fields.stage'), render: (i) => (i as TCrmDealDto).stage.name },
        {
          key: 'value',
          label: t('crm.fields.value'),
          render: (i) => formatMoney((i as TCrmDealDto).value, lang),
        },
        {
          key: 'person',
          label: t('crm.fields.person'),
          render: (i) => ref('persons', (i as TCrmDealDto).person),
        },
        {
          key: 'close',
          label: t('crm.fields.expectedClose'),
          render: (i) => formatDate((i as TCrmDealDto).expectedCloseDate, lang),
        },
        { key: 'status', label: t('crm.fields.status'), render: (i) => status((i as TCrmDealDto).status) },
        {
          key: 'chats',
          label: t('crm.fields.conversations'),
          render: (i) => chats((i as { conversationIds?: string[] }).conversationIds ?? []),
        },
      ] as Column<CrmDtoOf[CrmEntity]>[];
    case 'persons':
      return [
        {
          key: 'name',
          label: t('crm.fields.name'),
          render: (i) => link(`/crm/persons/${i.id}`, (i as TCrmPersonDto).name),
        },
        {
          key: 'email',
          label: t('crm.fields.email'),
          render: (i) => (i as TCrmPersonDto).emails.join(', ') || '—',
        },
        {
          key: 'phone',
          label: t('crm.fields.phone'),
          render: (i) => (i as TCrmPersonDto).phones.join(', ') || '—',
        },
        {
          key: 'org',
          label: t('crm.fields.organization'),
          render: (i) => ref('organizations', (i as TCrmPersonDto).organization),
        },
        {
          key: 'chats',
          label: t('crm.fields.conversations'),
          render: (i) => chats((i as { conversationIds?: string[] }).conversationIds ?? []),
        },
      ] as Column<CrmDtoOf[CrmEntity]>[];
    case 'organizations':
      return [
        {
          key: 'name',
          label: t('crm.fields.name'),
          render: (i) => link(`/crm/organizations/${i.id}`, (i as TCrmOrganizationDto).name),
        },
        {
          key: 'address',
          label: t('crm.fields.address'),
          render: (i) => (i as TCrmOrganizationDto).address ?? '—',
        },
        {
          key: 'source',
          label: t('crm.fields.source'),
          render: (i) => t(`crm.sources.${(i as TCrmOrganizationDto).source}`),
        },
        {
          key: 'chats',
          label: t('crm.fields.conversations'),
          render: (i) => chats((i as { conversationIds?: string[] }).conversationIds ?? []),
        },
      ] as Column<CrmDtoOf[CrmEntity]>[];
    case 'activities':
      return [
        {
          key: 'subject',
          label: t('crm.fields.subject'),
          render: (i) => link(`/crm/activities/${i.id}`, (i as TCrmActivityDto).subject),
        },
        {
          key: 'type',
          label: t('crm.fields.type'),
          render: (i) => t(`crm.activityTypes.${(i as TCrmActivityDto).type}`),
        },
        {
          key: 'due',
          label: t('crm.fields.due'),
          render: (i) => formatDate((i as TCrmActivityDto).dueAt, lang),
        },
        {
          key: 'done',
          label: t('crm.fields.done'),
          render: (i) => ((i as TCrmActivityDto).done ? t('crm.yes') : t('crm.no')),
        },
      ] as Column<CrmDtoOf[CrmEntity]>[];
  }
}
