import { normalizeCrmPhone, ZCrmEmail } from '../api/crm-common.schema';
import type { TCaptureValidation } from './playbook.schema';
import { compileCaptureRegex } from './regex-pattern';

/** Longest answer a visitor may give to a question or capture. */
export const MAX_VISITOR_ANSWER_CHARS = 1000;

export type TCaptureCheck = { ok: true; value: string } | { ok: false };

// Captured emails and phones go straight into CRM persons, so they pass the CRM's own checks.

/** Checks a (trimmed, non-empty) capture answer against its validation and returns the value to store. */
export function checkCaptureInput(validation: TCaptureValidation, text: string): TCaptureCheck {
  const value = text.trim();
  switch (validation.kind) {
    case 'none':
      return { ok: true, value };
    case 'email': {
      const email = ZCrmEmail.safeParse(value);
      return email.success ? { ok: true, value: email.data } : { ok: false };
    }
    case 'phone': {
      const phone = normalizeCrmPhone(value);
      return phone === null ? { ok: false } : { ok: true, value: phone };
    }
    case 'length': {
      const length = [...value].length;
      const fits =
        (validation.min === undefined || length >= validation.min) &&
        (validation.max === undefined || length <= validation.max);
      return fits ? { ok: true, value } : { ok: false };
    }
    case 'regex': {
      let matches = false;
      try {
        matches = compileCaptureRegex(validation.pattern, validation.flags).test(value);
      } catch {
        matches = false; // an invalid pattern is a REGEX_INVALID finding; at runtime nothing matches
      }
      return matches ? { ok: true, value } : { ok: false };
    }
  }
}
