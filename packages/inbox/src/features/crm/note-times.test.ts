import { describe, expect, it } from 'vitest';
import { localizeStampsInText, localizeTimestamps } from './note-times';

describe('transcript stamps in notes', () => {
  it('formats each stamp in the locale and time zone given', () => {
    const line = '[2026-11-28T09:07:23.736Z] Ana: hola';
    expect(localizeStampsInText(line, 'en-GB', 'Europe/Madrid')).toBe('[28 Nov 2026, 10:07] Ana: hola');
    expect(localizeStampsInText(line, 'es', 'America/Mexico_City')).toMatch(
      /^\[28 nov 2026, 3:07\] Ana: hola$/,
    );
  });

  it('leaves other brackets and invalid stamps alone', () => {
    expect(localizeStampsInText('[note] 2026-11-28', 'en', 'UTC')).toBe('[note] 2026-11-28');
  });

  it('walks every text node of a rich-text body', () => {
    const body = {
      type: 'doc' as const,
      content: [
        {
          type: 'paragraph' as const,
          content: [
            { type: 'text' as const, text: '[2026-01-02T03:04:05Z] Bot: hi\n[2026-01-02T03:05:05Z] Ana: yo' },
          ],
        },
      ],
    };
    const out = JSON.stringify(localizeTimestamps(body, 'en-GB', 'UTC'));
    expect(out).toContain('[2 Jan 2026, 03:04] Bot: hi');
    expect(out).toContain('[2 Jan 2026, 03:05] Ana: yo');
    expect(out).not.toContain('T03:04:05Z');
  });
});
