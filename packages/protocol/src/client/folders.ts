import type { TConversationStatus, TFolder } from '../api/conversation.schema';

/**
 * Which conversations each inbox folder holds: one status, and for "mine" the viewer as assignee.
 * The server's folder queries and counts (conversations.store listFolder/counts) select exactly
 * this; the inbox places live updates with `folderOf`, so both agree by construction.
 */
export const FOLDER_RULES: Record<TFolder, { status: TConversationStatus; assignedToViewer: boolean }> = {
  unassigned: { status: 'waiting', assignedToViewer: false },
  mine: { status: 'assigned', assignedToViewer: true },
  closed: { status: 'closed', assignedToViewer: false },
};

/** The folder a conversation shows in for this viewer, or null (bot phase, or someone else's). */
export function folderOf(
  conversation: { status: TConversationStatus; assignee: { id: string } | null },
  viewerId: string,
): TFolder | null {
  for (const [folder, rule] of Object.entries(FOLDER_RULES) as [TFolder, (typeof FOLDER_RULES)[TFolder]][]) {
    if (conversation.status !== rule.status) continue;
    if (rule.assignedToViewer && conversation.assignee?.id !== viewerId) continue;
    return folder;
  }
  return null;
}

/** True for the name of an inbox folder (an address's `:folder`, checked without zod). */
export function isFolder(value: string): value is TFolder {
  return Object.hasOwn(FOLDER_RULES, value);
}
