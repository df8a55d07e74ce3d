import { describe, expect, it } from 'vitest';
import { parseMessageText } from '../rich-text/message-text';
import { toPlainText } from '../rich-text/to-plain-text';
import {
  fillCannedText,
  findInvalidCannedVariables,
  listCannedVariables,
  renderCannedResponse,
} from './canned-variables';

const values = {
  'visitor.name': 'Ana',
  'visitor.email': 'ana@example.com',
  'user.name': 'Sam',
  company_name: 'Acme',
};

describe('fillCannedText', () => {
  it.each([
    ['Hi {{visitor.name}}', 'Hi Ana'],
    ['Hi {{ visitor.name }}, I am {{user.name}}', 'Hi Ana, I am Sam'],
    ['Write to {{visitor.email}} for {{company_name}}', 'Write to ana@example.com for Acme'],
    ['{{visitor.name | there}}', 'Ana'],
  ])('fills %j', (template, expected) => {
    expect(fillCannedText(template, values)).toBe(expected);
  });

  it.each([
    ['Hi {{visitor.name}}, welcome', 'Hi, welcome'],
    ['Hi {{visitor.name}}!', 'Hi!'],
    ['Hi {{visitor.name}}', 'Hi'],
    ['{{visitor.name}} hello', 'hello'],
    ['Thanks {{visitor.name}} and {{company_name}} team', 'Thanks and team'],
    ['Hi {{visitor.name | there}}, welcome', 'Hi there, welcome'],
    ['Hi {{visitor.name|}}!', 'Hi!'],
  ])('leaves a missing variable out without a stray space: %j', (template, expected) => {
    expect(fillCannedText(template, { 'user.name': 'Sam' })).toBe(expected);
  });

  it('treats a blank value as missing and ignores inherited object keys', () => {
    expect(fillCannedText('Hi {{visitor.name | you}} {{constructor}}', { 'visitor.name': '  ' })).toBe(
      'Hi you',
    );
  });

  it('inserts values once: a value that looks like a variable is not expanded again', () => {
    expect(
      fillCannedText('Hi {{visitor.name}}', { 'visitor.name': '{{user.name}}', 'user.name': 'Sam' }),
    ).toBe('Hi {{user.name}}');
  });

  it('leaves unknown or malformed braces as written', () => {
    expect(fillCannedText('{{visitor.phone}} {{Name}} {single}', values)).toBe(
      '{{visitor.phone}} {{Name}} {single}',
    );
  });
});

describe('renderCannedResponse', () => {
  it('keeps the Markdown of the body and fills the variables inside it', () => {
    const out = renderCannedResponse(
      'Hello **{{visitor.name}}**, see [our prices](https://example.com/p)',
      values,
    );
    expect(out).toBe('Hello **Ana**, see [our prices](https://example.com/p)');
  });

  it('fills variables in list items and drops items left empty', () => {
    expect(renderCannedResponse('- {{company_name}}\n- {{plan_name}}\n- plan', values)).toBe(
      '- Acme\n- plan',
    );
  });

  it('escapes a value with Markdown so it cannot add formatting or hidden links', () => {
    const name = '**Boss** _x_ [click](https://evil.example) \\';
    const out = renderCannedResponse('Hi {{visitor.name}}', { 'visitor.name': name });
    const doc = parseMessageText(out);
    expect(toPlainText(doc)).toBe(`Hi ${name}`);
    // The composer links bare web addresses as it does for anything typed (R7), to themselves only.
    const nodes = doc.content.flatMap((block) => (block.type === 'paragraph' ? (block.content ?? []) : []));
    for (const node of nodes)
      for (const mark of node.marks ?? []) expect(mark).toEqual({ type: 'link', href: node.text });
  });

  it('does not put values in link targets', () => {
    const out = renderCannedResponse('[pay](https://example.com/{{visitor.name}})', values);
    expect(out).toBe('[pay](https://example.com/{{visitor.name}})');
  });

  it('does not recurse into a value shaped like a variable', () => {
    const out = renderCannedResponse('Hi {{visitor.name}}', {
      'visitor.name': '{{user.name}}',
      'user.name': 'Sam',
    });
    expect(out).toBe('Hi {{user.name}}');
  });
});

describe('findInvalidCannedVariables', () => {
  it('accepts the built-in variables, playbook keys and fallbacks', () => {
    expect(
      findInvalidCannedVariables(
        '{{visitor.name}} {{ visitor.email }} {{user.name}} {{company_name}} {{visitor.name | you}}',
      ),
    ).toEqual([]);
  });

  it.each([
    ['{{visitor.phone}}'],
    ['{{Name}}'],
    ['{{user.email}}'],
    ['{{}}'],
    ['Hi {{visitor.name'],
    ['{{{visitor.name}}}'],
    ['{{a|b|c}}'],
  ])('refuses %j', (body) => {
    expect(findInvalidCannedVariables(body)).toHaveLength(1);
  });

  it('lists the variables a body uses once each', () => {
    expect(listCannedVariables('{{user.name}} {{visitor.name|x}} {{user.name}}')).toEqual([
      'user.name',
      'visitor.name',
    ]);
  });
});
