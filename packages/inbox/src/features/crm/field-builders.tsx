/** Builders of the inline-edited fields the detail pages and the side panel show. */
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { TCrmDealDto, TCrmPipelineDto, TCrmRef } from '@charla/protocol';
import { Link } from '../../lib/router';
import { crmApi, type CrmEntity } from './crm-api';
import { formatDate, formatMoney } from './crm-format';
import { moneyToInput, parseContactList, parseList, parseMoney, type ContactKind } from './field-parse';
import { InlineField, type FieldEditor, type FieldOption } from './inline-field';

export type FieldContext = {
  t: TFunction;
  lang: string;
  users: FieldOption[];
  pipelines: TCrmPipelineDto[];
  /** Saves a change made on `version` of the record (the one shown when editing started). */
  save: (body: Record<string, unknown>, version?: number) => Promise<void>;
  /** The version of the record shown. */
  version?: number | undefined;
  /** Shown but not editable (a user who may not edit, e.g. the side panel of another's chat). */
  readOnly?: boolean;
};

export type Row = { label: string; value: ReactNode };
export const NONE = '';

const recordLink = (section: CrmEntity, ref: TCrmRef | null) =>
  ref ? (
    <Link to={`/crm/${section}/${ref.id}`} className="crm-link">
      {ref.name}
    </Link>
  ) : (
    '—'
  );

/** Persons or organizations to pick from (the 100 most recent, by name). */
function recordOptions(section: 'persons' | 'organizations', t: TFunction) {
  return async (): Promise<FieldOption[]> => {
    const page = await crmApi.list(section, { limit: 100 });
    const items = page.items.map((r) => ({ value: r.id, label: r.name }));
    items.sort((a, b) => a.label.localeCompare(b.label));
    return [{ value: NONE, label: t('crm.none') }, ...items];
  };
}

export function field(
  ctx: FieldContext,
  key: string,
  label: string,
  display: ReactNode,
  initial: string,
  editor: FieldEditor,
  toBody: (draft: string, currency?: string) => Record<string, unknown> | Error,
  pending?: (draft: string, currency?: string) => ReactNode,
  linked = false,
): Row {
  return {
    label,
    value: (
      <InlineField
        key={key}
        testId={`field-${key}`}
        label={label}
        display={display}
        initial={initial}
        editor={editor}
        pending={pending}
        linked={linked}
        readOnly={ctx.readOnly}
        revision={ctx.version}
        check={(draft, currency) => {
          const body = toBody(draft, currency);
          return body instanceof Error ? body.message : null;
        }}
        onCommit={async (draft, currency, base) => {
          const body = toBody(draft, currency);
          if (body instanceof Error) throw body;
          await ctx.save(body, base);
        }}
      />
    ),
  };
}

export const text = (ctx: FieldContext, key: string, label: string, value: string | null, required = false) =>
  field(
    ctx,
    key,
    label,
    value || '—',
    value ?? '',
    { kind: key === 'notes' || key === 'note' ? 'textarea' : 'text' },
    (d) =>
      required && d.trim() === ''
        ? new Error(ctx.t('crm.required'))
        : { [key]: d.trim() === '' ? null : d.trim() },
  );

export const money = (ctx: FieldContext, value: TCrmDealDto['value']) =>
  field(
    ctx,
    'value',
    ctx.t('crm.fields.value'),
    formatMoney(value, ctx.lang),
    moneyToInput(value),
    { kind: 'money', currency: value?.currency ?? 'EUR' },
    (draft, currency) => {
      const parsed = parseMoney(draft, (currency ?? 'EUR') as 'EUR');
      return parsed.ok ? { value: parsed.value } : new Error(ctx.t('crm.invalidNumber'));
    },
    (draft, currency) => {
      const parsed = parseMoney(draft, (currency ?? 'EUR') as 'EUR');
      return parsed.ok ? formatMoney(parsed.value, ctx.lang) : draft;
    },
  );

export const closeDate = (ctx: FieldContext, value: string | null) =>
  field(
    ctx,
    'expectedCloseDate',
    ctx.t('crm.fields.expectedClose'),
    formatDate(value, ctx.lang),
    value ?? '',
    { kind: 'date' },
    (d) => ({ expectedCloseDate: d === '' ? null : d }),
    (d) => formatDate(d || null, ctx.lang),
  );

export const owner = (ctx: FieldContext, key: 'ownerId' | 'assigneeId', id: string | null) =>
  field(
    ctx,
    key,
    ctx.t(key === 'ownerId' ? 'crm.fields.owner' : 'crm.fields.assignee'),
    ctx.users.find((u) => u.value === id)?.label ?? '—',
    id ?? NONE,
    { kind: 'select', options: [{ value: NONE, label: ctx.t('crm.none') }, ...ctx.users] },
    (d) => ({ [key]: d === NONE ? null : d }),
    (d) => ctx.users.find((u) => u.value === d)?.label ?? '—',
  );

export const recordRef = (ctx: FieldContext, section: 'persons' | 'organizations', ref: TCrmRef | null) =>
  field(
    ctx,
    section === 'persons' ? 'personId' : 'organizationId',
    ctx.t(section === 'persons' ? 'crm.fields.person' : 'crm.fields.organization'),
    recordLink(section, ref),
    ref?.id ?? NONE,
    { kind: 'select', options: recordOptions(section, ctx.t) },
    (d) => ({ [section === 'persons' ? 'personId' : 'organizationId']: d === NONE ? null : d }),
    () => ctx.t('crm.saving'),
    true,
  );

export const choice = (
  ctx: FieldContext,
  key: string,
  label: string,
  value: string,
  values: readonly string[],
  prefix: string,
) =>
  field(
    ctx,
    key,
    label,
    <span className={`crm-status crm-status--${value}`}>{ctx.t(`${prefix}.${value}`)}</span>,
    value,
    { kind: 'select', options: values.map((v) => ({ value: v, label: ctx.t(`${prefix}.${v}`) })) },
    (d) => ({ [key]: d }),
    (d) => ctx.t(`${prefix}.${d}`),
  );

/**
 * A list of values edited as one comma-separated line (emails, phones, labels); a list of
 * `contacts` is checked as the server will, so a typo keeps the field open with the reason.
 */
export const list = (
  ctx: FieldContext,
  key: string,
  label: string,
  values: string[],
  contacts?: ContactKind,
) =>
  field(ctx, key, label, values.join(', ') || '—', values.join(', '), { kind: 'text' }, (d) => {
    if (!contacts) return { [key]: parseList(d) };
    const parsed = parseContactList(d, contacts);
    return parsed.ok ? { [key]: parsed.value } : new Error(ctx.t(`crm.${parsed.error}`));
  });
