import type { ReactNode } from 'react';

/** A number that opens the conversations behind it (every figure on the screen is one). */
export function FigureButton({
  children,
  label,
  onClick,
  testId,
}: {
  children: ReactNode;
  label: string;
  onClick: () => void;
  testId?: string;
}) {
  return (
    <button type="button" className="rep-figure" aria-label={label} onClick={onClick} data-testid={testId}>
      {children}
    </button>
  );
}
