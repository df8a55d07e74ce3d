import { describe, expect, it } from 'vitest';
import {
  buttonsNode,
  captureNode,
  endNode,
  freeTextNode,
  liveChatNode,
  messageNode,
} from './playbook.fixtures';
import { httpNode, waitNode } from './http-request.fixtures';
import { findPort, optionPort, portsOf } from './ports';

const names = (ports: ReturnType<typeof portsOf>) => ports.map((p) => `${p.name}${p.required ? '' : '?'}`);

describe('portsOf', () => {
  it.each([
    ['a message', messageNode('m'), ['next']],
    ['a buttons question', buttonsNode('q', ['yes', 'no']), ['option:yes', 'option:no']],
    ['a free-text question', freeTextNode('q', 'x'), ['next']],
    ['a required capture without validation', captureNode('c', 'name', 'visitor_name'), ['next']],
    ['a required validating capture', captureNode('c', 'email', 'visitor_email'), ['next', 'invalid?']],
    [
      'an optional validating capture',
      captureNode('c', 'phone', 'visitor_phone', { required: false }),
      ['next', 'skipped?', 'invalid?'],
    ],
    ['a live chat', liveChatNode('lc'), ['offline']],
    ['an end', endNode('e'), []],
    ['an HTTP request', httpNode('h'), ['next', 'failed?']],
    ['a wait', waitNode('w', 3), ['next']],
  ])('lists the ports of %s', (_name, node, expected) => {
    expect(names(portsOf(node))).toEqual(expected);
  });

  it('labels option ports with the option label and id', () => {
    expect(portsOf(buttonsNode('q', ['yes']))).toEqual([
      { name: 'option:yes', required: true, label: 'Option yes', kind: 'option', optionId: 'yes' },
    ]);
  });
});

describe('findPort', () => {
  it('finds a port by name and returns null for an unknown one', () => {
    expect(findPort(liveChatNode('lc'), 'offline')?.kind).toBe('offline');
    expect(findPort(liveChatNode('lc'), 'next')).toBeNull();
    expect(optionPort('a')).toBe('option:a');
  });
});
