import { labelPalette, type TLabelChip } from '@charla/protocol';
import './labels.css';

/** A conversation's labels as coloured chips (palette colours: contrast checked in protocol). */
export function LabelChips({ labels, compact = false }: { labels: TLabelChip[]; compact?: boolean }) {
  if (labels.length === 0) return null;
  return (
    <ul className={`label-chips ${compact ? 'label-chips--compact' : ''}`} data-testid="label-chips">
      {labels.map((label) => (
        <li key={label.id}>
          <LabelChip label={label} />
        </li>
      ))}
    </ul>
  );
}

export function LabelChip({ label }: { label: Pick<TLabelChip, 'name' | 'color'> }) {
  const colors = labelPalette[label.color];
  return (
    <span
      className="label-chip"
      style={{ background: colors.background, color: colors.text }}
      title={label.name}
      data-testid="label-chip"
    >
      {label.name}
    </span>
  );
}
