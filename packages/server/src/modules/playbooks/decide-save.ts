import { hasPlaybookErrors, type TPlaybookStatus, type TPlaybookValidation } from '@charla/protocol';

export type TSaveDecision = { ok: false } | { ok: true; publish: boolean };

/**
 * Whether a save may be written, and whether it also publishes. A schema-invalid document is
 * never written. Drafts and inactive playbooks may be saved with validator errors (work in
 * progress); an active playbook's working copy IS its live version (R6: the change takes effect
 * when saved), so it only accepts documents without errors, and each such save publishes.
 */
export function decideSave(status: TPlaybookStatus, validation: TPlaybookValidation): TSaveDecision {
  if (validation.document === undefined) return { ok: false };
  if (status !== 'active') return { ok: true, publish: false };
  return hasPlaybookErrors(validation.findings) ? { ok: false } : { ok: true, publish: true };
}
