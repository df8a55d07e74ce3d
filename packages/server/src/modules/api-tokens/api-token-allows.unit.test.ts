import { describe, expect, it } from 'vitest';
import { apiTokenAllows } from './api-token-allows.util';

describe('apiTokenAllows', () => {
  it('lets read tokens only read user routes', () => {
    expect(apiTokenAllows(['read'], 'user', 'GET')).toBe(true);
    expect(apiTokenAllows(['read'], 'user', 'HEAD')).toBe(true);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'])
      expect(apiTokenAllows(['read'], 'user', method)).toBe(false);
    expect(apiTokenAllows(['read'], 'admin', 'GET')).toBe(false);
  });

  it('lets write tokens read and change user routes, not admin routes', () => {
    expect(apiTokenAllows(['write'], 'user', 'GET')).toBe(true);
    expect(apiTokenAllows(['write'], 'user', 'POST')).toBe(true);
    expect(apiTokenAllows(['write'], 'user', 'delete')).toBe(true);
    expect(apiTokenAllows(['read', 'write'], 'admin', 'GET')).toBe(false);
  });

  it('requires the admin scope for admin routes, and nothing more', () => {
    expect(apiTokenAllows(['admin'], 'admin', 'GET')).toBe(true);
    expect(apiTokenAllows(['admin'], 'admin', 'POST')).toBe(true);
    expect(apiTokenAllows(['admin'], 'user', 'GET')).toBe(false);
  });

  it('never opens public or visitor routes', () => {
    expect(apiTokenAllows(['read', 'write', 'admin'], 'visitor', 'GET')).toBe(false);
    expect(apiTokenAllows(['read', 'write', 'admin'], 'public', 'GET')).toBe(false);
  });
});
