import type { TConversationDto, TMessageDto } from '@charla/protocol';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Db } from '../db/database';
import { conversationDtoFixture } from '../modules/notifications/conversation.fixture';
import { leadFixture } from '../modules/webhooks/lead.fixture';
import {
  createDomainEvents,
  domainEvent,
  type AnyDomainEvent,
  type DomainEventMap,
  type DomainEventPayload,
} from './domain-events';

/** Durable listeners only pass the executor on: an opaque token stands for the database here. */
const database = { name: 'database' } as unknown as Db;
const transaction = { name: 'transaction' } as unknown as Db;
const previous = { status: 'waiting', assigneeId: null } as const;

describe('domain events are a typed map', () => {
  it('gives each event its payload DTO, with no unknown to cast back', () => {
    expectTypeOf<DomainEventMap['conversation.assigned']>().branded.toEqualTypeOf<{
      conversation: TConversationDto;
      previous: { status: TConversationDto['status']; assigneeId: string | null };
      assigneeId: string;
      byUserId: string | null;
      reason?: 'user' | 'auto' | 'watchdog';
      watchdog?: { cause: 'no_reply' | 'assignee_offline'; fromUserId: string | null };
    }>();
    expectTypeOf<DomainEventPayload<'message.created'>>().toEqualTypeOf<{
      conversation: TConversationDto;
      message: TMessageDto;
      changesConversation?: boolean;
    }>();
    expectTypeOf<
      Extract<AnyDomainEvent, { name: 'lead.created' }>['payload']['lead']['title']
    >().toBeString();
    const events = createDomainEvents(database, () => undefined);
    // @ts-expect-error a payload that is not the event's DTO does not compile
    events.emit('conversation.closed', { conversation: { id: 'x' } });
    // @ts-expect-error nor does an event name that does not exist
    events.on('conversation.reopened', () => undefined);
  });
});

describe('createDomainEvents', () => {
  it('says whether recording would write: a listener without interest always would', async () => {
    const events = createDomainEvents(database, () => undefined);
    expect(await events.writesWhenRecording(['message.created'])).toBe(false);
    const off = events.onDurable(
      async () => undefined,
      async (name) => name === 'lead.created',
    );
    expect(await events.writesWhenRecording(['message.created'])).toBe(false);
    expect(await events.writesWhenRecording(['message.created', 'lead.created'])).toBe(true);
    events.onDurable(async () => undefined);
    off();
    expect(await events.writesWhenRecording(['message.created'])).toBe(true);
  });

  it('records in the given transaction, and publishes to in-process listeners only when told', async () => {
    const events = createDomainEvents(database, () => undefined);
    const written: [Db, string][] = [];
    const heard: string[] = [];
    events.onDurable(async (executor, event) => void written.push([executor, event.name]));
    events.on('conversation.closed', ({ conversation }) => void heard.push(conversation.id));
    const closed = domainEvent('conversation.closed', { conversation: conversationDtoFixture(), previous });
    await events.record(transaction, [closed]);
    expect(written).toEqual([[transaction, 'conversation.closed']]);
    expect(heard).toEqual([]);
    events.publish([closed]);
    expect(heard).toEqual([conversationDtoFixture().id]);
    expect(written).toHaveLength(1);
  });

  it('writes emitted events with the database, one at a time and in emit order', async () => {
    const events = createDomainEvents(database, () => undefined);
    const written: string[] = [];
    let release: () => void = () => undefined;
    const firstHeld = new Promise<void>((resolve) => (release = resolve));
    events.onDurable(async (executor, event) => {
      expect(executor).toBe(database);
      if (event.name !== 'lead.created') return;
      if (event.payload.lead.id === 'first') await firstHeld;
      written.push(event.payload.lead.id);
    });
    events.emit('lead.created', { lead: leadFixture('first') });
    events.emit('lead.created', { lead: leadFixture('second') });
    await new Promise((resolve) => setImmediate(resolve));
    expect(written).toEqual([]);
    release();
    await expect.poll(() => written).toEqual(['first', 'second']);
  });

  it('reports a failing in-process listener without stopping the others', async () => {
    const failures: string[] = [];
    const events = createDomainEvents(database, (_error, name) => void failures.push(name));
    const heard: string[] = [];
    events.on('lead.created', () => {
      throw new Error('boom');
    });
    events.on('lead.created', async () => Promise.reject(new Error('late boom')));
    events.onAny((event) => void heard.push(event.name));
    events.publish([domainEvent('lead.created', { lead: leadFixture('l1') })]);
    expect(heard).toEqual(['lead.created']);
    await expect.poll(() => failures).toEqual(['lead.created', 'lead.created']);
  });

  it('lets a durable listener fail the recording (the caller’s transaction rolls back)', async () => {
    const events = createDomainEvents(database, () => undefined);
    events.onDurable(async () => {
      throw new Error('outbox down');
    });
    await expect(
      events.record(transaction, [domainEvent('lead.created', { lead: leadFixture('l2') })]),
    ).rejects.toThrow('outbox down');
  });
});
