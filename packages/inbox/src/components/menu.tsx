import {
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';

export type MenuItem = {
  id: string;
  label: ReactNode;
  onSelect: () => void;
  disabled?: boolean;
  checked?: boolean;
  /** With `checked`: one of several that may be on at once (a checkbox item, not a radio). */
  multiple?: boolean;
  hint?: ReactNode;
};

type MenuProps = {
  label: ReactNode;
  ariaLabel?: string;
  /** Names the popup when the button shows its own text (so the button keeps its visible name). */
  menuLabel?: string;
  items: MenuItem[];
  buttonClassName?: string;
  align?: 'start' | 'end';
  placement?: 'below' | 'above';
  heading?: ReactNode;
  testId?: string;
};

/** A button that opens a list of actions (WAI-ARIA menu button: arrows, Home/End, Escape). */
export function Menu({
  label,
  ariaLabel,
  items,
  buttonClassName = 'btn',
  align = 'end',
  placement = 'below',
  heading,
  testId,
}: MenuProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const { rootRef, itemRefs, onMenuKey } = useMenuKeyboard(items, open, setOpen, buttonRef);

  return (
    // The keys are handled on the whole menu, the button included: an Escape pressed before the
    // first item took the focus (a fast hand, a busy machine) still closes the menu, and goes no
    // further (the inbox's own Escape would close the conversation).
    <div className="menu" ref={rootRef} onKeyDown={open ? onMenuKey : undefined}>
      <button
        ref={buttonRef}
        type="button"
        className={buttonClassName}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label={ariaLabel}
        data-testid={testId}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {label}
      </button>
      {open && (
        <div
          className={`menu__popover menu__popover--${align} menu__popover--${placement}`}
          role="menu"
          id={id}
          aria-label={ariaLabel}
        >
          {heading && <div className="menu__heading">{heading}</div>}
          {items.map((item, index) => (
            <button
              key={item.id}
              ref={(el) => {
                itemRefs.current[index] = el;
              }}
              type="button"
              role={
                item.checked === undefined ? 'menuitem' : item.multiple ? 'menuitemcheckbox' : 'menuitemradio'
              }
              aria-checked={item.checked}
              className="menu__item"
              disabled={item.disabled}
              tabIndex={-1}
              onClick={() => {
                setOpen(false);
                buttonRef.current?.focus();
                item.onSelect();
              }}
            >
              <span className="menu__label">{item.label}</span>
              {item.hint && <span className="menu__hint">{item.hint}</span>}
              {item.checked && (
                <span className="menu__check" aria-hidden="true">
                  ✓
                </span>
              )}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

/**
 * The open menu's keyboard and pointer behaviour: focus the first enabled item, arrows/Home/End
 * move, Escape and Tab close, a click outside closes.
 */
function useMenuKeyboard(
  items: MenuItem[],
  open: boolean,
  setOpen: (open: boolean) => void,
  buttonRef: RefObject<HTMLButtonElement | null>,
) {
  const rootRef = useRef<HTMLDivElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const itemsNow = useRef(items);
  itemsNow.current = items;

  // On opening only: the first enabled item takes the focus (a re-render while open, e.g. a live
  // update of the items, leaves the focus where the user moved it).
  useEffect(() => {
    if (!open) return;
    const onDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    const first = itemsNow.current.findIndex((i) => !i.disabled);
    itemRefs.current[first]?.focus();
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open, setOpen]);

  const focusAt = (index: number) => {
    const enabled = items.map((item, i) => (item.disabled ? -1 : i)).filter((i) => i >= 0);
    if (enabled.length === 0) return;
    const current = enabled.indexOf(itemRefs.current.findIndex((el) => el === document.activeElement));
    const next =
      index === Infinity
        ? enabled.length - 1
        : index === -Infinity
          ? 0
          : (current + index + enabled.length) % enabled.length;
    itemRefs.current[enabled[next] ?? 0]?.focus();
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, Home: -Infinity, End: Infinity };
    if (event.key in moves) {
      event.preventDefault();
      focusAt(moves[event.key] ?? 0);
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.stopPropagation();
      setOpen(false);
      if (event.key === 'Escape') buttonRef.current?.focus();
    }
  };

  return { rootRef, itemRefs, onMenuKey };
}
