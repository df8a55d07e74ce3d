import type { TVisitorAttributeValue } from '../api/identity.schema';
import type { TPlaybookDocument } from './playbook.schema';

/**
 * The run variables a visitor's custom attributes fill (issue 24): each attribute whose key the
 * playbook declares as a custom variable, as text (`true`/`false`, numbers as written), so texts can
 * say `{{plan}}`. Undeclared attributes and system variables are left alone.
 */
export function attributeVars(
  doc: Pick<TPlaybookDocument, 'variables'>,
  attributes: Readonly<Record<string, TVisitorAttributeValue>> | undefined,
): Record<string, string> {
  const vars: Record<string, string> = {};
  if (!attributes) return vars;
  for (const variable of doc.variables) {
    const value = Object.hasOwn(attributes, variable.key) ? attributes[variable.key] : undefined;
    if (value !== undefined) vars[variable.key] = String(value).slice(0, 2000);
  }
  return vars;
}

/** Run variables of identify() attributes are `visitor.<key>`: no `{{template}}` can name them. */
export const ATTRIBUTE_VAR_PREFIX = 'visitor.';

/**
 * Every custom attribute as a run variable `visitor.<key>` (issue 24), so condition cards can test
 * attributes the playbook never declared (`visitor.plan equals pro`).
 */
export function visitorAttributeRunVars(
  attributes: Readonly<Record<string, TVisitorAttributeValue>> | undefined,
): Record<string, string> {
  const vars: Record<string, string> = {};
  if (!attributes) return vars;
  for (const [key, value] of Object.entries(attributes)) {
    if (/^[a-z][a-z0-9_]{0,39}$/.test(key))
      vars[`${ATTRIBUTE_VAR_PREFIX}${key}`] = String(value).slice(0, 2000);
  }
  return vars;
}
