import { describe, expect, it } from 'vitest';
import { newClientMsgId } from './client-ids';

describe('newClientMsgId', () => {
  it('makes distinct ids the protocol accepts (letters, digits, _ and -, at most 64)', () => {
    const id = newClientMsgId('w');
    expect(id).toMatch(/^w_[0-9a-f]{32}$/);
    expect(newClientMsgId('c')).toMatch(/^c_[0-9a-f]{32}$/);
    expect(newClientMsgId('w')).not.toBe(id);
  });
});
