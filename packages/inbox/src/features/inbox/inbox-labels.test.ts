import type { TConversationDto } from '@charla/protocol';
import { describe, expect, it } from 'vitest';
import { inboxReducer, initialInboxState, type InboxState } from './inbox-state';

// A folder filtered by label (issue 16) follows live updates: a chat that gains the label joins
// the list, one that loses it leaves, and others never show up.

const VIP = { id: 'l-vip', name: 'VIP', color: 'amber' as const };

function waiting(id: string, labels: TConversationDto['labels'], at: number): TConversationDto {
  return {
    id,
    status: 'waiting',
    closeReason: null,
    visitor: {
      id: `v-${id}`,
      number: 1,
      displayName: 'Visitor #1',
      email: null,
      context: {
        pageUrl: null,
        pageTitle: null,
        referrer: null,
        userAgent: null,
        language: null,
        timeZone: null,
        firstSeenAt: 0,
        pagesSeen: [],
      },
    },
    playbook: null,
    assignee: null,
    language: 'en',
    createdAt: at,
    waitingSince: at,
    waitingDeadline: null,
    assignedAt: null,
    closedAt: null,
    lastMessageAt: at,
    lastMessagePreview: 'hi',
    lastSeq: 1,
    userReadSeq: 0,
    visitorReadSeq: 0,
    allowedActions: ['assign'],
    labels,
  };
}

function filteredByVip(items: TConversationDto[]): InboxState {
  return inboxReducer(initialInboxState('me'), {
    type: 'folder_loaded',
    folder: 'unassigned',
    query: '',
    label: VIP.id,
    items,
    nextCursor: null,
    append: false,
  });
}

describe('a folder filtered by label', () => {
  it('keeps the label it was loaded with', () => {
    expect(filteredByVip([]).folders.unassigned.label).toBe(VIP.id);
  });

  it('takes in a chat that gains the label and drops one that loses it', () => {
    let state = filteredByVip([waiting('a', [VIP], 1)]);
    state = inboxReducer(state, { type: 'conversation', conversation: waiting('b', [], 2) });
    expect(state.folders.unassigned.ids).toEqual(['a']);
    state = inboxReducer(state, { type: 'conversation', conversation: waiting('b', [VIP], 3) });
    // Unassigned lists the longest waiting first.
    expect(state.folders.unassigned.ids).toEqual(['a', 'b']);
    state = inboxReducer(state, { type: 'conversation', conversation: waiting('a', [], 1) });
    expect(state.folders.unassigned.ids).toEqual(['b']);
  });

  it('starts over when the label changes, and keeps the rows when it does not', () => {
    const loaded = filteredByVip([waiting('a', [VIP], 1)]);
    const same = inboxReducer(loaded, {
      type: 'folder_loading',
      folder: 'unassigned',
      query: '',
      label: VIP.id,
    });
    expect(same.folders.unassigned.ids).toEqual(['a']);
    const other = inboxReducer(loaded, {
      type: 'folder_loading',
      folder: 'unassigned',
      query: '',
      label: '',
    });
    expect(other.folders.unassigned.ids).toEqual([]);
  });
});
