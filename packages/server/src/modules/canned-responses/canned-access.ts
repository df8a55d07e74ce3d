import type { AuthUser } from '../auth/index';

type Owned = { scope: 'personal' | 'team'; owner_id: string | null };

// Who may do what with a canned response: everyone uses the team's and their own; admins
// manage the team's; nobody sees, uses or changes another user's personal ones (not even an
// admin: they are that user's own words, like their drafts).

/** Listed and insertable for `user`. */
export function canUseCannedResponse(row: Owned, user: Pick<AuthUser, 'id'>): boolean {
  return row.scope === 'team' || row.owner_id === user.id;
}

/** Changeable and deletable by `user`. */
export function canEditCannedResponse(row: Owned, user: Pick<AuthUser, 'id' | 'role'>): boolean {
  return row.scope === 'team' ? user.role === 'admin' : row.owner_id === user.id;
}
