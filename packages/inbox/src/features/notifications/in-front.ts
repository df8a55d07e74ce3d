/**
 * The conversation the user is looking at, from the address: `/inbox/<folder>/<id>` or
 * `/conversations/<id>`. Its notifications need no toast: the user sees the change arrive.
 */
export function conversationInFront(pathname: string): string | null {
  const parts = pathname.split('/').filter(Boolean);
  if (parts[0] === 'inbox' && parts.length === 3) return decodeURIComponent(parts[2] ?? '') || null;
  if (parts[0] === 'conversations' && parts.length === 2) return decodeURIComponent(parts[1] ?? '') || null;
  return null;
}
