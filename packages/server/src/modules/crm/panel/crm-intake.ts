import { AppError } from '../../../lib/app-error';
import { fromJsonColumn, toJsonColumn } from '../../../lib/json';
import type { CrmActor } from '../shared/crm-context';
import { toSearchText } from '../shared/crm-search.util';
import type { CrmTablesStore } from '../shared/crm.store';
import { insertOrganization } from '../organizations/organizations.service';
import type { OrganizationRow } from '../organizations/organizations.store';
import { identitiesOf, insertPerson } from '../persons/persons.service';
import type { PersonRow } from '../persons/persons.store';

/** Contact details collected in a conversation (side panel or bot variables). */
export type IntakePerson = { name: string | null; email: string | null; phone: string | null };
export type IntakeOrganization = { name: string | null; address: string | null };

export type Matched<Row> = { row: Row; matched: boolean };

/**
 * Finds the organization with this name (case-insensitive) or creates it; null when there is no
 * name. A matched organization keeps its data, except that an empty address is filled in.
 */
export async function matchOrCreateOrganization(
  tx: CrmTablesStore,
  input: IntakeOrganization,
  actor: CrmActor,
  now: number,
): Promise<Matched<OrganizationRow> | null> {
  const name = input.name?.trim();
  if (!name) return null;
  const existing = await tx.organizations.findByNameLc(toSearchText(name));
  if (existing) {
    if (existing.address === null && input.address)
      await tx.organizations.update(existing.id, { address: input.address, updated_at: now });
    return { row: existing, matched: true };
  }
  return { row: await insertOrganization(tx, { name, address: input.address }, actor, now), matched: false };
}

/**
 * Finds the person with this email or phone, or creates one; null when nothing identifies a
 * person. A matched person gains the email, phone and organization it did not have yet.
 * `mode: 'create'` always creates a new person.
 */
export async function matchOrCreatePerson(
  tx: CrmTablesStore,
  input: IntakePerson & { organizationId: string | null; ownerId: string | null },
  actor: CrmActor,
  now: number,
  mode: 'upsert' | 'create' = 'upsert',
): Promise<Matched<PersonRow> | null> {
  const name = input.name?.trim() || input.email || input.phone;
  if (!name) return null;
  const emails = input.email ? [input.email] : [];
  const phones = input.phone ? [input.phone] : [];
  const existing = mode === 'upsert' ? await tx.persons.findByIdentity(identitiesOf(emails, phones)) : null;
  if (!existing) {
    const row = await insertPerson(
      tx,
      { name, emails, phones, organizationId: input.organizationId, ownerId: input.ownerId },
      actor,
      now,
    );
    return { row, matched: false };
  }
  await completePerson(tx, existing, emails, phones, input.organizationId, now);
  return { row: requirePerson(await tx.persons.findById(existing.id)), matched: true };
}

async function completePerson(
  tx: CrmTablesStore,
  person: PersonRow,
  emails: string[],
  phones: string[],
  organizationId: string | null,
  now: number,
): Promise<void> {
  const knownEmails = fromJsonColumn<string[]>(person.emails, []);
  const knownPhones = fromJsonColumn<string[]>(person.phones, []);
  const allEmails = [...new Set([...knownEmails, ...emails])];
  const allPhones = [...new Set([...knownPhones, ...phones])];
  const gainsIdentity = allEmails.length !== knownEmails.length || allPhones.length !== knownPhones.length;
  const gainsOrganization = person.organization_id === null && organizationId !== null;
  if (!gainsIdentity && !gainsOrganization) return;
  await tx.persons.update(
    person.id,
    {
      emails: toJsonColumn(allEmails),
      phones: toJsonColumn(allPhones),
      search_text: toSearchText(person.name, ...allEmails, ...allPhones),
      ...(gainsOrganization ? { organization_id: organizationId } : {}),
      updated_at: now,
    },
    gainsIdentity ? identitiesOf(allEmails, allPhones) : undefined,
  );
}

function requirePerson(row: PersonRow | null): PersonRow {
  if (!row) throw new AppError('INTERNAL', { message: 'A matched person vanished' });
  return row;
}
