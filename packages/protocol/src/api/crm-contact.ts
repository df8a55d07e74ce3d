// How a CRM person's email addresses and phone numbers must look, without zod: the inbox checks
// what is typed with these before sending it (its first load must not bundle zod), and the
// schemas in crm-common.schema.ts check the same on the server.

/** The email shape the server accepts (zod's own `z.email()` pattern, named so both use it). */
export const CRM_EMAIL_PATTERN =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
export const CRM_EMAIL_MAX = 254;

/** Whether `text` (trimmed) is an email address the server takes. */
export function isCrmEmail(text: string): boolean {
  const value = text.trim();
  return value.length <= CRM_EMAIL_MAX && CRM_EMAIL_PATTERN.test(value);
}

const PHONE_CHARS = /^\+?[\d\s().-]+$/;
export const CRM_PHONE_MAX = 40;

/** `+` and 7–15 digits when `text` is a phone number (digits, spaces, `+().-`), else null. */
export function normalizeCrmPhone(text: string): string | null {
  const value = text.trim();
  if (!PHONE_CHARS.test(value)) return null;
  const digits = value.replace(/\D/g, '');
  return digits.length >= 7 && digits.length <= 15 ? `+${digits}` : null;
}

/** Whether `text` is a phone number the server takes. */
export function isCrmPhone(text: string): boolean {
  return text.length <= CRM_PHONE_MAX && normalizeCrmPhone(text) !== null;
}
