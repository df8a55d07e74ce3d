import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPlaybookNodeType } from '@charla/protocol';
import { AdminIcon } from './admin-icons';
import { CARD_ICONS } from './card-summary';

const WIDTH = 220;
const ITEM_HEIGHT = 38;

/**
 * The small menu of card types that opens where a link was dropped on empty canvas (or beside a
 * card, from the keyboard): arrows, Home and End move, Enter picks, Escape, Tab or a click
 * elsewhere cancel. `at` is relative to the canvas; the menu stays inside `bounds`.
 */
export function CardTypePicker(props: {
  at: { x: number; y: number };
  bounds: { width: number; height: number };
  types: readonly TPlaybookNodeType[];
  onPick: (type: TPlaybookNodeType) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { types, onCancel } = props;
  const rootRef = useRef<HTMLDivElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    items.current[0]?.focus();
    const onDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) onCancel();
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [onCancel]);

  const onKeyDown = (event: KeyboardEvent) => {
    const current = items.current.findIndex((el) => el === document.activeElement);
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      Home: 0,
      End: types.length - 1,
    };
    const to = moves[event.key];
    if (to !== undefined) {
      event.preventDefault();
      items.current[(to + types.length) % types.length]?.focus();
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      onCancel();
    }
    // Nothing typed here reaches the canvas (its Delete, arrows and shortcuts).
    event.stopPropagation();
  };

  const height = 40 + types.length * ITEM_HEIGHT;
  const left = Math.max(8, Math.min(props.at.x, props.bounds.width - WIDTH - 8));
  const top = Math.max(8, Math.min(props.at.y, props.bounds.height - height - 8));
  return (
    <div
      ref={rootRef}
      className="pb-picker nodrag nopan nowheel"
      style={{ left, top, width: WIDTH }}
      onKeyDown={onKeyDown}
      data-testid="card-type-picker"
    >
      <p className="pb-picker__title" id="pb-picker-title">
        {t('playbooks.keys.pickerTitle')}
      </p>
      <div role="menu" aria-labelledby="pb-picker-title">
        {types.map((type, index) => (
          <button
            key={type}
            ref={(el) => {
              items.current[index] = el;
            }}
            type="button"
            role="menuitem"
            tabIndex={-1}
            className="menu__item"
            onClick={() => props.onPick(type)}
          >
            <span className={`pb-card__icon pb-card__icon--${type}`}>
              <AdminIcon name={CARD_ICONS[type]} size={13} />
            </span>
            {t(`playbooks.cardTypes.${type}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
