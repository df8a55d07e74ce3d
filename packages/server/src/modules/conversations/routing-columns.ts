import { ZLiveChatRouting, type TLiveChatRouting } from '@charla/protocol';

/** The card's routing a conversation was handed off with (issue 19); null: none (manual). */
export function readRouting(text: string | null): TLiveChatRouting | null {
  if (text === null) return null;
  try {
    const parsed = ZLiveChatRouting.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
