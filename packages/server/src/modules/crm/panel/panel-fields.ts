import {
  normalizeCrmPhone,
  ZCrmEmail,
  type TCrmMoney,
  type TPutConversationPanelRequest,
  type TVisitorIdentity,
} from '@charla/protocol';
import { toMoney } from '../shared/crm-dto';
import type { PanelRow } from './conversation-panels.store';

/** The editable fields of a side panel (R17). */
export type PanelFields = TPutConversationPanelRequest;

/** An email the bot captured, lower-cased, or null when it is not a valid address. */
function capturedEmail(value: string | undefined): string | null {
  const parsed = ZCrmEmail.safeParse(value ?? '');
  return parsed.success ? parsed.data : null;
}

function capturedText(value: string | undefined, max: number): string | null {
  const text = (value ?? '').trim().slice(0, max);
  return text === '' ? null : text;
}

/** The panel pre-filled from what the bot captured (visitor_name, visitor_email, visitor_phone, company_name). */
export function panelFieldsFromCapturedVars(vars: Readonly<Record<string, string>>): PanelFields {
  return {
    value: null,
    expectedCloseDate: null,
    person: {
      name: capturedText(vars.visitor_name, 200),
      email: capturedEmail(vars.visitor_email),
      phone: normalizeCrmPhone(vars.visitor_phone ?? ''),
    },
    organization: { name: capturedText(vars.company_name, 200), address: null },
    notes: '',
  };
}

/**
 * A verified identity (issue 24) fills in the person's name the bot did not capture, and the email
 * once the company's server set it, so a lead made from the panel matches the CRM person with that
 * email. The userHash signs the userId only: an email the browser passed (anyone can call
 * `Charla.identify()` from the console) is never matched to a person, nor is an unverified identity.
 */
export function withVerifiedIdentity(
  fields: PanelFields,
  identity: TVisitorIdentity | undefined,
): PanelFields {
  if (identity?.verified !== true) return fields;
  const { person } = fields;
  return {
    ...fields,
    person: {
      ...person,
      name: person.name ?? capturedText(identity.name ?? undefined, 200),
      email:
        person.email ?? (identity.emailVerified === true ? capturedEmail(identity.email ?? undefined) : null),
    },
  };
}

/** The fields of a saved panel row. */
export function panelFieldsFromRow(row: PanelRow): PanelFields {
  const value: TCrmMoney | null = toMoney(row.value_minor, row.currency);
  return {
    value,
    expectedCloseDate: row.expected_close_date,
    person: { name: row.person_name, email: row.person_email, phone: row.person_phone },
    organization: { name: row.organization_name, address: row.organization_address },
    notes: row.notes,
  };
}

/** The row that stores `fields` for a conversation. */
export function panelRowOf(
  conversationId: string,
  fields: PanelFields,
  updatedBy: string | null,
  now: number,
): PanelRow {
  return {
    conversation_id: conversationId,
    value_minor: fields.value?.amountMinor ?? null,
    currency: fields.value?.currency ?? null,
    expected_close_date: fields.expectedCloseDate,
    person_name: emptyToNull(fields.person.name),
    person_email: fields.person.email,
    person_phone: fields.person.phone,
    organization_name: emptyToNull(fields.organization.name),
    organization_address: emptyToNull(fields.organization.address),
    notes: fields.notes,
    updated_at: now,
    updated_by: updatedBy,
  };
}

function emptyToNull(text: string | null): string | null {
  return text === null || text.trim() === '' ? null : text;
}
