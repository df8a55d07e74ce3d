/** The server's limits on a person's name, email and first password (auth/accounts/settings schemas). */
export const NAME_MAX = 120;
export const EMAIL_MAX = 254;
export const PASSWORD_MIN = 10;

type Translate = (key: string, values?: Record<string, unknown>) => string;
type PersonForm = { name?: string; email?: string; password?: string };

// Looser than the server's check on purpose: it catches typos before the request, the server has the last word.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The messages for the fields of `form` that the server would refuse, keyed by field, checked
 * before sending so each bad field says why next to itself (a field left out of `form` is not checked).
 */
export function personFieldErrors(form: PersonForm, t: Translate): Record<string, string> {
  const errors: Record<string, string> = {};
  if (form.name !== undefined) {
    const name = form.name.trim();
    if (name === '') errors.name = t('errors.required');
    else if (name.length > NAME_MAX) errors.name = t('errors.tooLong', { max: NAME_MAX });
  }
  if (form.email !== undefined) {
    const email = form.email.trim();
    if (email === '') errors.email = t('errors.required');
    else if (email.length > EMAIL_MAX) errors.email = t('errors.tooLong', { max: EMAIL_MAX });
    else if (!EMAIL_SHAPE.test(email)) errors.email = t('errors.emailInvalid');
  }
  if (form.password !== undefined && form.password.length < PASSWORD_MIN)
    errors.password = t('errors.tooShort', { min: PASSWORD_MIN });
  return errors;
}

/** The first field of `order` that has an error, to move the focus to. */
export function firstInvalidField<K extends string>(
  order: readonly K[],
  errors: Record<string, string>,
): K | null {
  return order.find((key) => errors[key] !== undefined) ?? null;
}
