import type { ReactNode } from 'react';

/** A checkbox with its label beside it (the one look of every on/off setting). */
export function CheckField(props: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
  testId?: string;
  disabled?: boolean;
}) {
  return (
    <label className="pb-check">
      <input
        type="checkbox"
        className="check"
        checked={props.checked}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.checked)}
        data-testid={props.testId}
      />
      {props.children}
    </label>
  );
}
