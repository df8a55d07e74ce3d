import { describe, expect, it } from 'vitest';
import {
  cannedMatchScore,
  rankCannedResponses,
  withoutShadowed,
  type TCannedCandidate,
} from './canned-match';

const item = (
  shortcut: string,
  title: string,
  usageCount = 0,
  scope: TCannedCandidate['scope'] = 'team',
) => ({
  id: `${scope}-${shortcut}`,
  scope,
  shortcut,
  title,
  usageCount,
});

describe('cannedMatchScore', () => {
  it.each([
    ['pricing', 'Our plans', 'pricing', 100],
    ['pricing', 'Our plans', 'pri', 80],
    ['plans', 'Pricing and plans', 'pri', 60],
    ['eu-pricing', 'Plans', 'pricing', 50],
    ['x', 'Company prices', 'mpany', 40],
    ['pricing', 'Plans', 'prcg', 20],
    ['x', 'Refund policy', 'rfnd', 10],
    ['x', 'Refund policy', 'zzz', 0],
    ['precio', 'Précios', 'PRE', 80],
    ['x', 'Précios', 'preci', 60],
  ])('%s / %s for %j scores %i', (shortcut, title, query, score) => {
    expect(cannedMatchScore({ shortcut, title }, query)).toBe(score);
  });
});

describe('rankCannedResponses', () => {
  it('puts better kinds of match first, then the most used', () => {
    const list = [
      item('hello', 'Prices for companies', 50),
      item('pricing', 'Our plans', 1),
      item('pro', 'Pro plan', 9),
      item('refund', 'Refund policy', 99),
    ];
    expect(rankCannedResponses(list, 'pr').map((c) => c.shortcut)).toEqual(['pro', 'pricing', 'hello']);
  });

  it('lists everything by usage when the query is empty', () => {
    const list = [item('a', 'A', 1), item('b', 'B', 5), item('c', 'C', 5)];
    expect(rankCannedResponses(list, '').map((c) => c.shortcut)).toEqual(['b', 'c', 'a']);
  });

  it('lets a personal response shadow the team one with the same shortcut', () => {
    const list = [
      item('pricing', 'Team pricing', 10),
      item('pricing', 'My pricing', 0, 'personal'),
      item('hi', 'Hi'),
    ];
    expect(withoutShadowed(list).map((c) => c.id)).toEqual(['personal-pricing', 'team-hi']);
    expect(rankCannedResponses(list, 'pricing').map((c) => c.title)).toEqual(['My pricing']);
  });
});
