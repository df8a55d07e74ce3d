import { playbookTemplates } from '@charla/protocol';
import { describe, expect, it } from 'vitest';
import { EMBED_FRESH_MS, isEmbedded } from './is-embedded';
import { hasLiveChatCard, isLiveChatOfflineOnly } from './live-chat-offline-only';

describe('isEmbedded', () => {
  const now = 1_000_000_000_000;

  it('is false without installs', () => {
    expect(isEmbedded([], now)).toBe(false);
  });

  it('is true when any install was seen within 7 days, false from exactly 7 days on', () => {
    expect(
      isEmbedded([{ lastSeenAt: now - EMBED_FRESH_MS - 5 }, { lastSeenAt: now - EMBED_FRESH_MS + 1 }], now),
    ).toBe(true);
    expect(isEmbedded([{ lastSeenAt: now - EMBED_FRESH_MS }], now)).toBe(false);
  });
});

describe('isLiveChatOfflineOnly', () => {
  const liveChat = playbookTemplates.live_chat.build('en');
  const blank = playbookTemplates.blank.build('en');

  it('is true for a live chat card that is not embedded', () => {
    expect(hasLiveChatCard(liveChat)).toBe(true);
    expect(isLiveChatOfflineOnly(liveChat, false)).toBe(true);
    expect(isLiveChatOfflineOnly(liveChat, true)).toBe(false);
  });

  it('is false without a live chat card', () => {
    expect(hasLiveChatCard(blank)).toBe(false);
    expect(isLiveChatOfflineOnly(blank, false)).toBe(false);
  });
});
