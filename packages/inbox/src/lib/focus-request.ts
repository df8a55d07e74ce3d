/**
 * Focus the app moves on its own — to the reply box after Assign, or when the editor's chunk
 * arrives after it was asked for — never takes the keyboard from where the user has put it
 * since. Typing into the side panel right after Assign went into the reply box on a busy
 * machine (issue 13): the app's delayed focus landed between the user's click and keystrokes.
 */
export type FocusRequest = { readonly from: Element | null };

/** A request made now: the keyboard is wherever it is at this moment. */
export function focusRequestHere(): FocusRequest {
  return { from: typeof document === 'undefined' ? null : document.activeElement };
}

/**
 * Whether the app may still move the keyboard: it is where it was when the request was made, or
 * nowhere in particular (the page itself, as when the button that asked has since gone).
 */
export function keyboardUnmoved(
  request: FocusRequest,
  active: Element | null,
  page: Element | null,
): boolean {
  return active === null || active === page || active === request.from;
}

/** `keyboardUnmoved` for this document. */
export function mayTakeFocus(request: FocusRequest): boolean {
  return keyboardUnmoved(request, document.activeElement, document.body);
}
