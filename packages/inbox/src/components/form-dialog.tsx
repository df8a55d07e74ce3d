import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './dialog';

type FormDialogProps = {
  open: boolean;
  title: string;
  size?: 'sm' | 'md';
  /** The form's id; the footer's submit button points at it. */
  formId: string;
  submitLabel: string;
  /** False keeps the submit button disabled (empty required fields, a request in flight). */
  canSubmit?: boolean;
  /** Shown under the fields as an alert. */
  error: string | null;
  onClose: () => void;
  onSubmit: (event: FormEvent) => Promise<void> | void;
  children: ReactNode;
  /** Classes beside `form` on the form (its own layout). */
  formClassName?: string;
  /** The submit button's data-testid (e2e). */
  submitTestId?: string;
  /** The form checks its fields itself and shows each message next to its field, not the browser's bubble. */
  noValidate?: boolean;
};

/** A dialog around one form: the fields, the form's error, and Cancel + submit in the footer. */
export function FormDialog({
  open,
  title,
  size,
  formId,
  submitLabel,
  canSubmit = true,
  error,
  onClose,
  onSubmit,
  children,
  formClassName,
  submitTestId,
  noValidate,
}: FormDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={open}
      size={size}
      title={title}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            form={formId}
            className="btn btn--primary"
            disabled={!canSubmit}
            data-testid={submitTestId}
          >
            {submitLabel}
          </button>
        </>
      }
    >
      <form
        id={formId}
        className={formClassName ? `form ${formClassName}` : 'form'}
        onSubmit={(e) => void onSubmit(e)}
        noValidate={noValidate}
      >
        {children}
        {error && (
          <p className="form__error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
