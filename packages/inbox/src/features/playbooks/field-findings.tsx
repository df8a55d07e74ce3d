import { createContext, useCallback, useContext, useMemo, useState, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { validatePlaybook, type TFinding, type TPlaybookDocument } from '@charla/protocol';
import { findingField, findingNodeId } from './finding-field';
import { useValidationOptions } from './validation-options';

// Field-level validation in the card editor: the same validator (and so the same codes) as the
// server, run on the document as it would be after Apply; a field shows its finding once it has
// been left (blur), or at once when the findings panel opened the card on it.

type FieldFindings = { findingOf: (field: string) => TFinding | null };
const FieldFindingsContext = createContext<FieldFindings>({ findingOf: () => null });
export const FieldFindingsProvider = FieldFindingsContext.Provider;

/** The field key of a focus event's target: its id, or the rich-text editor around it. */
function fieldKeyOf(target: EventTarget | null): string | null {
  if (!(target instanceof HTMLElement)) return null;
  const rte = target.closest<HTMLElement>('[data-testid^="rte-"]');
  if (rte?.dataset.testid) return rte.dataset.testid;
  return target.id || null;
}

export function useFieldFindings(preview: TPlaybookDocument, nodeId: string, initial: string | null) {
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set(initial ? [initial] : []));
  const options = useValidationOptions();
  const byField = useMemo(() => {
    const map = new Map<string, TFinding>();
    for (const finding of validatePlaybook(preview, options).findings) {
      if (findingNodeId(preview, finding) !== nodeId) continue;
      const field = findingField(preview, finding);
      if (field && !map.has(field)) map.set(field, finding);
    }
    return map;
  }, [preview, nodeId, options]);
  const onBlur = useCallback((event: FocusEvent) => {
    const key = fieldKeyOf(event.target);
    if (key) setTouched((old) => (old.has(key) ? old : new Set([...old, key])));
  }, []);
  const value = useMemo<FieldFindings>(
    () => ({ findingOf: (field) => (touched.has(field) ? (byField.get(field) ?? null) : null) }),
    [touched, byField],
  );
  return { onBlur, value };
}

type InvalidProps = { 'aria-invalid'?: true; 'aria-errormessage'?: string };

/** aria props for a control whose field has an error. */
export function invalidProps(finding: TFinding | null, field: string): InvalidProps {
  return finding?.severity === 'error' ? { 'aria-invalid': true, 'aria-errormessage': `${field}-error` } : {};
}

/** aria props for a control inside the card editor, from the editor's field findings. */
export function useFieldInvalid(field: string): InvalidProps {
  return invalidProps(useContext(FieldFindingsContext).findingOf(field), field);
}

/** The message of a field's finding, in the admin's language, under the field. */
export function FieldError({ field }: { field: string }) {
  const { t } = useTranslation();
  const finding = useContext(FieldFindingsContext).findingOf(field);
  if (!finding) return null;
  return (
    <span
      id={`${field}-error`}
      // aria-errormessage points here: a live region, so the message is read when it appears.
      aria-live="polite"
      className={finding.severity === 'error' ? 'field__error' : 'field__hint pb-field-warning'}
      data-testid={`field-error-${field}`}
      data-code={finding.code}
    >
      {t(`playbooks.findings.${finding.code}`, { defaultValue: finding.message })}
    </span>
  );
}
