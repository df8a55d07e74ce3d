// Test factories for HTTP request and wait cards (test helper; not exported from the package).
import type { THttpRequestNode } from './http-request.schema';
import { endNode, makeDoc, messageNode, richText, type TLink } from './playbook.fixtures';
import type { TPlaybookDocument } from './playbook.schema';
import type { TWaitNode } from './wait.schema';

/** A GET of a public JSON API that maps `data.plan` into `plan`. */
export function httpNode(id: string, overrides: Partial<THttpRequestNode> = {}): THttpRequestNode {
  return {
    id,
    type: 'http_request',
    method: 'GET',
    url: 'https://api.example.com/plans?lang={{locale}}',
    timeoutSeconds: 5,
    mapping: [{ path: 'data.plan', variable: 'plan' }],
    ...overrides,
  };
}

export function waitNode(id: string, seconds: number): TWaitNode {
  return { id, type: 'wait', seconds };
}

/**
 * hi → HTTP request `call` → `ok` ("Your plan: {{plan}}") → end, and `failed` → `sorry` → end
 * (unless `failed` is false: then only `next` is connected).
 */
export function calling(
  overrides: Partial<THttpRequestNode> = {},
  options: { failed?: boolean } = {},
): TPlaybookDocument {
  const failed = options.failed !== false;
  const links: TLink[] = [
    ['hi', 'next', 'call'],
    ['call', 'next', 'ok'],
    ['ok', 'next', 'end'],
  ];
  if (failed) links.push(['call', 'failed', 'sorry'], ['sorry', 'next', 'end']);
  return makeDoc({
    nodes: [
      messageNode('hi'),
      httpNode('call', overrides),
      messageNode('ok', { content: richText('Your plan: {{plan}}') }),
      ...(failed ? [messageNode('sorry', { content: richText('We could not check.') })] : []),
      endNode('end'),
    ],
    links,
    variables: [{ key: 'plan', label: 'Plan', type: 'text' }],
  });
}

/** hi → wait `seconds` → after → end. */
export function pausing(seconds: number): TPlaybookDocument {
  return makeDoc({
    nodes: [messageNode('hi'), waitNode('pause', seconds), messageNode('after'), endNode('end')],
    links: [
      ['hi', 'next', 'pause'],
      ['pause', 'next', 'after'],
      ['after', 'next', 'end'],
    ],
  });
}
