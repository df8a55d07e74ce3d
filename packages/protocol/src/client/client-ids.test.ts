import { describe, expect, it } from 'vitest';
import { newClientMsgId } from './client-ids';

describe('newClientMsgId', () => {
  it('makes distinct ids the protocol accepts (letters, digits, _ and -, at most 64)', () => {
    const id = newClientMsgId('w');
    expect(id).toMatch(/^w_[0-9a-f]{32}$/);
    expect(newClientMsgId('c')).toMatch(/^c_[0-9a-f]{32}$/);
    expect(newClientMsgId('w')).not.toBe(id);
  });

  it('sorts ids in the order they were made, so the server index grows at its end (issue 25)', () => {
    const times = [
      0,
      1,
      15,
      16,
      255,
      256,
      Date.UTC(2026, 11, 1),
      Date.UTC(2026, 11, 1) + 1,
      Date.UTC(2999, 0, 1),
    ];
    const ids = times.map((time) => newClientMsgId('w', time));
    expect([...ids].sort()).toEqual(ids);
    expect(newClientMsgId('c', Date.UTC(2026, 11, 1)).slice(0, 14)).toBe(
      `c_${Date.UTC(2026, 11, 1).toString(16).padStart(12, '0')}`,
    );
  });
});
