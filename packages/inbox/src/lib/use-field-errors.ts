import { useCallback, useState } from 'react';
import { ApiError, fieldErrorsOf } from './api-client';
import { firstInvalidField } from './person-fields';

/**
 * A form's messages by field (its inputs have the ids `${idPrefix}-${field}`): `show` puts them
 * next to their fields and moves the focus to the first bad one; `showRefusal` does so for the
 * server's answer, an email in use (`emailTaken`) included. Both return whether a field shows something.
 */
export function useFieldErrors<K extends string>(idPrefix: string, order: readonly K[]) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const show = useCallback(
    (fields: Record<string, string>): boolean => {
      setErrors(fields);
      const first = firstInvalidField(order, fields);
      if (first) document.getElementById(`${idPrefix}-${first}`)?.focus();
      return first !== null;
    },
    [idPrefix, order],
  );
  const showRefusal = useCallback(
    (cause: unknown, emailTaken?: string): boolean =>
      show(
        emailTaken !== undefined && cause instanceof ApiError && cause.code === 'EMAIL_TAKEN'
          ? { email: emailTaken }
          : fieldErrorsOf(cause),
      ),
    [show],
  );
  return { errors, show, showRefusal };
}
