import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseFrame } from './frame-codec';

const sendFrame = z.object({ type: z.literal('send'), ref: z.string(), text: z.string().min(1).max(10) });

function refusalOf(frame: unknown) {
  const parsed = parseFrame(Buffer.from(JSON.stringify(frame)), sendFrame);
  if (parsed.ok) throw new Error('expected the frame to be refused');
  return parsed;
}

describe('parseFrame', () => {
  it('accepts a frame its schema accepts', () => {
    const parsed = parseFrame(Buffer.from('{"type":"send","ref":"r1","text":"hola"}'), sendFrame);
    expect(parsed).toEqual({ ok: true, frame: { type: 'send', ref: 'r1', text: 'hola' } });
  });

  it('names the field and the rule it broke, and keeps the frame’s ref', () => {
    const missing = refusalOf({ type: 'send', ref: 'r2' });
    expect(missing.ref).toBe('r2');
    expect(missing.error.code).toBe('VALIDATION_FAILED');
    expect(missing.error.details).toContainEqual(expect.objectContaining({ path: 'text', rule: 'required' }));
    const long = refusalOf({ type: 'send', ref: 'r3', text: 'x'.repeat(11) });
    expect(long.error.details).toContainEqual(
      expect.objectContaining({ path: 'text', rule: 'too_long', limit: 10 }),
    );
  });

  it('refuses text that is not JSON with INVALID_JSON', () => {
    const parsed = parseFrame(Buffer.from('{"type":'), sendFrame);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.code).toBe('INVALID_JSON');
  });
});
