import type { TVisitorIdentity } from '@charla/protocol';
import { describe, expect, it } from 'vitest';
import { mergeIdentity } from './visitors.service';

const fromBrowser = { verified: true, userId: 'u-1' };
const fromServer = { verified: true, userId: 'u-1', fromServer: true };

/** The userHash signs the userId only (issue 24): which email and attributes the company's server vouched for. */
describe('mergeIdentity', () => {
  it('keeps an email the browser passed unverified', () => {
    const identity = mergeIdentity(undefined, { ...fromBrowser, email: 'ceo@shop.example' });
    expect(identity).toMatchObject({ email: 'ceo@shop.example', verified: true });
    expect(identity.emailVerified).toBeUndefined();
  });

  it('marks the email the company server set as verified, and keeps it so while the browser repeats it', () => {
    const browser = mergeIdentity(undefined, { ...fromBrowser, email: 'ceo@shop.example' });
    const server = mergeIdentity(browser, { ...fromServer, email: 'ceo@shop.example' });
    expect(server.emailVerified).toBe(true);
    expect(mergeIdentity(server, { ...fromBrowser, email: 'ceo@shop.example' }).emailVerified).toBe(true);
    expect(mergeIdentity(server, { ...fromServer, attributes: { plan: 'pro' } }).emailVerified).toBe(true);
  });

  it('forgets the verification when the email changes from the browser or is cleared', () => {
    const server: TVisitorIdentity = mergeIdentity(undefined, { ...fromServer, email: 'ceo@shop.example' });
    expect(
      mergeIdentity(server, { ...fromBrowser, email: 'other@shop.example' }).emailVerified,
    ).toBeUndefined();
    expect(mergeIdentity(server, { ...fromServer, email: null }).emailVerified).toBeUndefined();
  });

  it('never lets the browser replace an attribute the server set', () => {
    const server = mergeIdentity(undefined, { ...fromServer, attributes: { plan: 'pro' } });
    const after = mergeIdentity(server, { ...fromBrowser, attributes: { plan: 'free', seats: 3 } });
    expect(after.attributes).toEqual({ plan: 'pro', seats: 3 });
    expect(after.verifiedAttributes).toEqual(['plan']);
  });
});
