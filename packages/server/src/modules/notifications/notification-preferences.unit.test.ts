import { describe, expect, it } from 'vitest';
import {
  defaultCompanyNotificationSettings,
  effectiveNotificationSettings,
  mergeNotificationOverrides,
} from './notification-preferences';
import { notificationText } from './notification-text';
import { conversationDtoFixture } from './conversation.fixture';

describe('effectiveNotificationSettings', () => {
  it('follows the company default when the user chose nothing', () => {
    const s = effectiveNotificationSettings(
      { ...defaultCompanyNotificationSettings, visitor_message: 'off' },
      {},
    );
    expect(s.conversation_unassigned).toEqual({
      inApp: true,
      push: true,
      sound: true,
      disabled: false,
      companyDefault: 'on',
    });
    expect(s.visitor_message).toEqual({
      inApp: false,
      push: false,
      sound: false,
      disabled: false,
      companyDefault: 'off',
    });
  });

  it('lets the user override each channel, except for events disabled for everyone', () => {
    const overrides = {
      conversation_unassigned: { push: false },
      visitor_message: { inApp: true },
      conversation_assigned: { inApp: true, push: true },
    };
    const s = effectiveNotificationSettings(
      { conversation_unassigned: 'on', visitor_message: 'off', conversation_assigned: 'disabled' },
      overrides,
    );
    expect(s.conversation_unassigned).toMatchObject({ inApp: true, push: false, sound: true });
    expect(s.visitor_message).toMatchObject({ inApp: true, push: false, sound: false });
    expect(s.conversation_assigned).toEqual({
      inApp: false,
      push: false,
      sound: false,
      disabled: true,
      companyDefault: 'disabled',
    });
  });
});

describe('mergeNotificationOverrides', () => {
  it('changes only the given switches', () => {
    const merged = mergeNotificationOverrides(
      { visitor_message: { push: false, sound: true } },
      { visitor_message: { sound: false }, conversation_assigned: { inApp: false } },
    );
    expect(merged).toEqual({
      visitor_message: { push: false, sound: false },
      conversation_assigned: { inApp: false },
    });
  });
});

describe('notificationText', () => {
  it('names the visitor and quotes the last message, in English and Spanish', () => {
    const c = conversationDtoFixture();
    expect(notificationText('visitor_message', c, 'en')).toEqual({
      title: 'New message from Ada Lovelace',
      body: 'Hello, I need help with pricing',
    });
    expect(notificationText('conversation_unassigned', c, 'es')).toEqual({
      title: 'Nueva conversación en espera',
      body: 'Ada Lovelace: Hello, I need help with pricing',
    });
  });

  it('shortens long previews to one line', () => {
    const c = conversationDtoFixture({ lastMessagePreview: `${'a'.repeat(100)}\n\n${'b'.repeat(100)}` });
    const { body } = notificationText('conversation_assigned', c, 'en');
    expect(body.length).toBe(160);
    expect(body).not.toContain('\n');
    expect(body.endsWith('…')).toBe(true);
  });
});
