import { describe, expect, it } from 'vitest';
import { createMemoryBus } from '../realtime/bus';
import { createSharedCaches, type CacheBus } from './shared-caches';

/** Two processes' caches of one table on one bus (the in-process bus stands for Redis here). */
function twoProcesses(bus: CacheBus) {
  const rows = new Map<string, string>([
    ['u1', 'Ada'],
    ['u2', 'Grace'],
  ]);
  const loads: string[] = [];
  const load = async (key: string) => {
    loads.push(key);
    return rows.get(key) ?? null;
  };
  const loadMany = async (keys: string[]) => {
    loads.push(...keys);
    return new Map(keys.flatMap((k) => (rows.has(k) ? [[k, rows.get(k)!] as const] : [])));
  };
  // Both named as containers often are (NODE_NAME defaults to node-<pid>): they still hear each other.
  const [one, two] = ['node-1', 'node-1'].map((node) => {
    const caches = createSharedCaches(node);
    caches.connect(bus);
    return {
      byId: caches.cached('users', load, { max: 10 }),
      many: caches.cachedMany('names', loadMany, { max: 10 }),
    };
  });
  return { rows, loads, one: one!, two: two! };
}

/** The bus delivers on a later tick: lets what was published arrive. */
const delivered = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('shared caches', () => {
  it('answer from memory until the row changes on any process, then load it again everywhere', async () => {
    const { rows, loads, one, two } = twoProcesses(createMemoryBus());
    expect([await one.byId('u1'), await two.byId('u1'), await one.byId('u1'), await two.byId('u1')]).toEqual([
      'Ada',
      'Ada',
      'Ada',
      'Ada',
    ]);
    expect(loads).toEqual(['u1', 'u1']); // once per process

    rows.set('u1', 'Ada Lovelace');
    one.byId.forget('u1'); // the store that wrote it, on process one
    expect(await one.byId('u1')).toBe('Ada Lovelace');
    await delivered();
    expect(await two.byId('u1')).toBe('Ada Lovelace');
    expect(loads).toEqual(['u1', 'u1', 'u1', 'u1']);
  });

  it('forget one key or all of them on the other process, for batched lookups too', async () => {
    const { rows, loads, one, two } = twoProcesses(createMemoryBus());
    expect(await two.many(['u1', 'u2', 'u3'])).toEqual(
      new Map([
        ['u1', 'Ada'],
        ['u2', 'Grace'],
      ]),
    );
    rows.set('u2', 'Grace Hopper');
    one.many.forget('u2');
    await delivered();
    loads.length = 0;
    expect((await two.many(['u1', 'u2', 'u3'])).get('u2')).toBe('Grace Hopper');
    expect(loads).toEqual(['u2']); // u1 and the absent u3 still from memory

    rows.set('u3', 'Barbara');
    one.many.forgetAll();
    await delivered();
    loads.length = 0;
    expect((await two.many(['u1', 'u3'])).get('u3')).toBe('Barbara');
    expect(loads).toEqual(['u1', 'u3']);
  });

  it('do not forget on the process that said it (it forgot when it wrote)', async () => {
    const { loads, one } = twoProcesses(createMemoryBus());
    await one.byId('u1');
    one.byId.forget('u1');
    await one.byId('u1'); // loaded again right after the write
    await delivered(); // its own word comes back over the bus
    await one.byId('u1');
    expect(loads).toEqual(['u1', 'u1']);
  });

  it('read through while the bus is down, and start empty when it is back', async () => {
    const memory = createMemoryBus();
    const reconnects = new Set<() => void>();
    let connected = true;
    const bus: CacheBus = {
      publish: (event) => memory.publish(event),
      subscribe: (handler) => memory.subscribe(handler),
      onReconnect(handler) {
        reconnects.add(handler);
        return () => reconnects.delete(handler);
      },
      isConnected: () => connected,
    };
    const { rows, loads, one, two } = twoProcesses(bus);
    await two.byId('u1');
    await two.many(['u2']);

    // Redis goes down: a change on one process cannot be heard on the other, so memory is not used.
    connected = false;
    rows.set('u1', 'Ada Lovelace');
    rows.set('u2', 'Grace Hopper');
    loads.length = 0;
    expect(await two.byId('u1')).toBe('Ada Lovelace');
    expect((await two.many(['u2'])).get('u2')).toBe('Grace Hopper');
    expect(await two.byId('u1')).toBe('Ada Lovelace');
    expect(loads).toEqual(['u1', 'u2', 'u1']);

    // Back: whatever memory held from before the outage is gone.
    rows.set('u1', 'Ada King');
    connected = true;
    for (const handler of reconnects) handler();
    expect(await two.byId('u1')).toBe('Ada King');
    expect(await one.byId('u1')).toBe('Ada King');
  });

  it('remember what the caller loads itself, unless a forget came while it was loading', async () => {
    const bus = createMemoryBus();
    const [one, two] = ['one', 'two'].map((node) => {
      const caches = createSharedCaches(node);
      caches.connect(bus);
      return caches.remembered<string[]>('endpoints', { max: 1 });
    });
    let stored = ['https://a.example'];
    let loads = 0;
    const load = async () => {
      loads += 1;
      return stored;
    };
    expect(await two!.get('all', load)).toEqual(['https://a.example']);
    expect(await two!.get('all', load)).toEqual(['https://a.example']);
    expect(loads).toBe(1);

    stored = ['https://a.example', 'https://b.example'];
    one!.forget('all');
    await delivered();
    expect(await two!.get('all', load)).toEqual(stored);
    expect(loads).toBe(2);

    // A load that began before a change on the other process answers its caller, not memory.
    two!.forget('all');
    let release: () => void = () => undefined;
    const slow = two!.get('all', async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return ['stale'];
    });
    one!.forget('all');
    await delivered();
    release();
    expect(await slow).toEqual(['stale']);
    expect(await two!.get('all', load)).toEqual(stored);
  });

  it('refuses two caches under one name (their words would cross)', () => {
    const caches = createSharedCaches('one');
    caches.cached('users', async () => null, { max: 1 });
    expect(() => caches.cachedMany('users', async () => new Map(), { max: 1 })).toThrow(/registered twice/);
  });
});
