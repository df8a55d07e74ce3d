import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type {
  TCrmActivityDto,
  TCrmDealDto,
  TCrmLeadDto,
  TCrmOrganizationDto,
  TCrmPersonDto,
  TCrmPipelineDto,
  TCrmRef,
} from '@charla/protocol';
import { Link } from '../../lib/router';
import { crmApi, type CrmDtoOf, type CrmEntity } from './crm-api';
import { formatDate, formatDateTime, formatMoney } from './crm-format';
import { dateTimeInputToMs, moneyToInput, msToDateTimeInput, parseList, parseMoney } from './field-parse';
import { InlineField, type FieldEditor, type FieldOption } from './inline-field';

export type FieldContext = {
  t: TFunction;
  lang: string;
  users: FieldOption[];
  pipelines: TCrmPipelineDto[];
  save: (body: Record<string, unknown>) => Promise<void>;
};

type Row = { label: string; value: ReactNode };
const NONE = '';

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

function field(
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
        onCommit={async (draft, currency) => {
          const body = toBody(draft, currency);
          if (body instanceof Error) throw body;
          await ctx.save(body);
        }}
      />
    ),
  };
}

const text = (ctx: FieldContext, key: string, label: string, value: string | null, required = false) =>
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

const money = (ctx: FieldContext, value: TCrmDealDto['value']) =>
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

const closeDate = (ctx: FieldContext, value: string | null) =>
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

const owner = (ctx: FieldContext, key: 'ownerId' | 'assigneeId', id: string | null) =>
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

const recordRef = (ctx: FieldContext, section: 'persons' | 'organizations', ref: TCrmRef | null) =>
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

const choice = (
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

function personRows(ctx: FieldContext, p: TCrmPersonDto): Row[] {
  const list = (key: 'emails' | 'phones', label: string, values: string[]) =>
    field(ctx, key, label, values.join(', ') || '—', values.join(', '), { kind: 'text' }, (d) => ({
      [key]: parseList(d),
    }));
  return [
    text(ctx, 'name', ctx.t('crm.fields.name'), p.name, true),
    list('emails', ctx.t('crm.fields.email'), p.emails),
    list('phones', ctx.t('crm.fields.phone'), p.phones),
    recordRef(ctx, 'organizations', p.organization),
    owner(ctx, 'ownerId', p.ownerId),
    text(ctx, 'notes', ctx.t('crm.fields.notes'), p.notes),
  ];
}

function organizationRows(ctx: FieldContext, o: TCrmOrganizationDto): Row[] {
  return [
    text(ctx, 'name', ctx.t('crm.fields.name'), o.name, true),
    text(ctx, 'address', ctx.t('crm.fields.address'), o.address),
    owner(ctx, 'ownerId', o.ownerId),
  ];
}

function leadRows(ctx: FieldContext, l: TCrmLeadDto): Row[] {
  const rows = [
    text(ctx, 'title', ctx.t('crm.fields.title'), l.title, true),
    money(ctx, l.value),
    closeDate(ctx, l.expectedCloseDate),
    recordRef(ctx, 'persons', l.person),
    recordRef(ctx, 'organizations', l.organization),
    owner(ctx, 'ownerId', l.ownerId),
    field(
      ctx,
      'labels',
      ctx.t('crm.fields.labels'),
      l.labels.join(', ') || '—',
      l.labels.join(', '),
      { kind: 'text' },
      (d) => ({
        labels: parseList(d),
      }),
    ),
  ];
  if (l.status === 'converted')
    rows.push({ label: ctx.t('crm.fields.status'), value: ctx.t('crm.status.converted') });
  else
    rows.push(
      choice(ctx, 'status', ctx.t('crm.fields.status'), l.status, ['open', 'archived'], 'crm.status'),
    );
  return rows;
}

function dealRows(ctx: FieldContext, d: TCrmDealDto): Row[] {
  const pipeline = ctx.pipelines.find((p) => p.id === d.pipelineId);
  const stageOptions = ctx.pipelines.flatMap((p) =>
    p.stages.map((s) => ({
      value: s.id,
      label: ctx.pipelines.length > 1 ? `${p.name} · ${s.name}` : s.name,
    })),
  );
  const rows = [
    text(ctx, 'title', ctx.t('crm.fields.title'), d.title, true),
    money(ctx, d.value),
    closeDate(ctx, d.expectedCloseDate),
    field(
      ctx,
      'stageId',
      ctx.t('crm.fields.stage'),
      pipeline && ctx.pipelines.length > 1 ? `${pipeline.name} · ${d.stage.name}` : d.stage.name,
      d.stage.id,
      { kind: 'select', options: stageOptions },
      (v) => ({ stageId: v }),
      (v) => stageOptions.find((o) => o.value === v)?.label ?? v,
    ),
    choice(ctx, 'status', ctx.t('crm.fields.status'), d.status, ['open', 'won', 'lost'], 'crm.status'),
  ];
  if (d.status === 'lost') rows.push(text(ctx, 'lostReason', ctx.t('crm.fields.lostReason'), d.lostReason));
  rows.push(
    recordRef(ctx, 'persons', d.person),
    recordRef(ctx, 'organizations', d.organization),
    owner(ctx, 'ownerId', d.ownerId),
  );
  return rows;
}

function activityRows(ctx: FieldContext, a: TCrmActivityDto): Row[] {
  return [
    text(ctx, 'subject', ctx.t('crm.fields.subject'), a.subject, true),
    choice(
      ctx,
      'type',
      ctx.t('crm.fields.type'),
      a.type,
      ['call', 'meeting', 'task', 'email', 'deadline'],
      'crm.activityTypes',
    ),
    field(
      ctx,
      'dueAt',
      ctx.t('crm.fields.due'),
      formatDateTime(a.dueAt, ctx.lang),
      msToDateTimeInput(a.dueAt),
      { kind: 'datetime-local' },
      (v) => ({ dueAt: dateTimeInputToMs(v) }),
      (v) => formatDateTime(dateTimeInputToMs(v), ctx.lang),
    ),
    field(
      ctx,
      'done',
      ctx.t('crm.fields.done'),
      a.done ? ctx.t('crm.yes') : ctx.t('crm.no'),
      a.done ? 'yes' : 'no',
      { kind: 'select', options: ['no', 'yes'].map((v) => ({ value: v, label: ctx.t(`crm.${v}`) })) },
      (v) => ({ done: v === 'yes' }),
      (v) => ctx.t(`crm.${v}`),
    ),
    owner(ctx, 'assigneeId', a.assigneeId),
    text(ctx, 'note', ctx.t('crm.fields.note'), a.note),
  ];
}

/** The editable fields of a record's detail page, in the order they show. */
export function recordRows<E extends CrmEntity>(entity: E, item: CrmDtoOf[E], ctx: FieldContext): Row[] {
  switch (entity) {
    case 'persons':
      return personRows(ctx, item as TCrmPersonDto);
    case 'organizations':
      return organizationRows(ctx, item as TCrmOrganizationDto);
    case 'leads':
      return leadRows(ctx, item as TCrmLeadDto);
    case 'deals':
      return dealRows(ctx, item as TCrmDealDto);
    default:
      return activityRows(ctx, item as TCrmActivityDto);
  }
}
