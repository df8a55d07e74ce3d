import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { createConnectionRegistry } from './connection-registry';

type Fake = { name: string; socket: WebSocket };
const connection = (name: string): Fake => ({ name, socket: {} as WebSocket });
const names = (list: readonly Fake[]) => list.map((c) => c.name).sort();

describe('connection registry', () => {
  it('lists every connection of every owner, and each owner’s own', () => {
    const registry = createConnectionRegistry<Fake>();
    const [a1, a2, b1] = [connection('a1'), connection('a2'), connection('b1')];
    registry.add('a', a1);
    registry.add('a', a2);
    registry.add('b', b1);
    expect(names(registry.all())).toEqual(['a1', 'a2', 'b1']);
    expect(names([...registry.of('a')])).toEqual(['a1', 'a2']);
    expect(registry.size).toBe(3);
    registry.remove('a', a1);
    expect(names(registry.all())).toEqual(['a2', 'b1']);
    expect(registry.size).toBe(2);
    registry.remove('a', a2);
    expect([...registry.owners()]).toEqual(['b']);
  });

  it('gives the same list until a connection comes or goes, and never changes a list it gave', () => {
    const registry = createConnectionRegistry<Fake>();
    const first = connection('first');
    registry.add('a', first);
    const before = registry.all();
    expect(registry.all()).toBe(before);
    registry.add('b', connection('second'));
    expect(names(before)).toEqual(['first']);
    expect(names(registry.all())).toEqual(['first', 'second']);
    const withBoth = registry.all();
    registry.remove('a', first);
    expect(names(withBoth)).toEqual(['first', 'second']);
    expect(names(registry.all())).toEqual(['second']);
  });

  it('ignores the removal of a connection it does not hold', () => {
    const registry = createConnectionRegistry<Fake>();
    registry.add('a', connection('a1'));
    const list = registry.all();
    registry.remove('a', connection('stranger'));
    registry.remove('nobody', connection('stranger'));
    expect(registry.all()).toBe(list);
    expect(registry.size).toBe(1);
  });
});
