import type {
  TCrmActivityDto,
  TCrmDealDto,
  TCrmLeadDto,
  TCrmOrganizationDto,
  TCrmPersonDto,
} from '@charla/protocol';
import type { CrmDtoOf, CrmEntity } from './crm-api';
import { formatDateTime } from './crm-format';
import { dateTimeInputToMs, msToDateTimeInput } from './field-parse';
import {
  choice,
  closeDate,
  field,
  list,
  money,
  owner,
  recordRef,
  text,
  type FieldContext,
  type Row,
} from './field-builders';

export type { FieldContext } from './field-builders';

function personRows(ctx: FieldContext, p: TCrmPersonDto): Row[] {
  return [
    text(ctx, 'name', ctx.t('crm.fields.name'), p.name, true),
    list(ctx, 'emails', ctx.t('crm.fields.email'), p.emails, 'email'),
    list(ctx, 'phones', ctx.t('crm.fields.phone'), p.phones, 'phone'),
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
    list(ctx, 'labels', ctx.t('crm.fields.labels'), l.labels),
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
