import { describe, expect, it } from 'vitest';
import { createTranslator } from '../i18n';
import { conversationOf, messageOf } from '../state/chat-state.fixtures';
import { initialChatState, type TChatState } from '../state/chat-state';
import { fileMeta, thumbSize } from './attachment-view';
import { rowsOf } from './message-list';
import { uploadErrorKey } from './tray-view';

const t = createTranslator('en');
const config = { appearance: { botName: 'Bot', avatarUrl: null } } as Parameters<typeof rowsOf>[3];
const pdf = {
  id: 'a1',
  name: 'bill.pdf',
  contentType: 'application/pdf' as const,
  size: 2_400_000,
  kind: 'file' as const,
  width: null,
  height: null,
};

describe('sent files in the widget', () => {
  it('shows a message of files alone, and still hides an empty message without files', () => {
    const empty = { type: 'doc' as const, content: [] };
    const state: TChatState = {
      ...initialChatState(),
      conversation: conversationOf({ status: 'assigned' }),
      messages: [messageOf(1, { body: empty, attachments: [pdf] }), messageOf(2, { body: empty })],
      revealedSeq: 2,
    };
    expect(rowsOf(state, t, false, config).map((row) => row.key)).toEqual(['m1']);
  });

  it('draws an image at its own size scaled into 220 × 260, so the list does not jump when it loads', () => {
    expect(thumbSize({ width: 100, height: 50 })).toEqual({ width: 100, height: 50 });
    expect(thumbSize({ width: 1280, height: 800 })).toEqual({ width: 220, height: 138 });
    expect(thumbSize({ width: 600, height: 2000 })).toEqual({ width: 78, height: 260 });
    expect(thumbSize({ width: null, height: null })).toEqual({ width: 220, height: 165 });
  });

  it('labels a file chip with its type and size', () => {
    expect(fileMeta(pdf)).toBe('PDF · 2.4 MB');
  });

  it('says why an upload failed, from the server’s code', () => {
    expect(t(uploadErrorKey('ATTACHMENT_TOO_LARGE'))).toBe('Too large to send.');
    expect(t(uploadErrorKey('ATTACHMENT_POLYGLOT'))).toBe('Only images and PDF files can be sent.');
    expect(t(uploadErrorKey('NETWORK'))).toMatch(/^Connection lost/);
    expect(t(uploadErrorKey('HTTP_500'))).toBe('Could not upload this file.');
    expect(createTranslator('es')(uploadErrorKey('ATTACHMENT_QUOTA_EXCEEDED'))).toBe(
      'Esta conversación no admite más archivos.',
    );
  });
});
