import { describe, expect, it } from 'vitest';
import { calling, pausing } from '../http-request.fixtures';
import { findingsOf } from '../playbook.fixtures';
import { validatePlaybook } from '../validate-playbook';

describe('rule 23: HTTP request cards', () => {
  it('accepts a local http target only when the company allows private targets', () => {
    const doc = calling({ url: 'http://127.0.0.1:8080/plans' });
    expect(findingsOf(doc, 'HTTP_URL_PRIVATE')).toMatchObject([
      { nodeId: 'call', path: ['flow', 'nodes', '1', 'url'] },
    ]);
    expect(validatePlaybook(doc, { allowPrivateHttpTargets: true }).findings).toEqual([]);
  });

  it('reports an empty URL as invalid', () => {
    expect(findingsOf(calling({ url: '' }), 'HTTP_URL_INVALID')).toHaveLength(1);
  });

  it('checks the body of a POST only', () => {
    expect(findingsOf(calling({ method: 'GET', body: '{oops' }), 'HTTP_BODY_INVALID')).toEqual([]);
    expect(findingsOf(calling({ method: 'POST', body: '{oops' }), 'HTTP_BODY_INVALID')).toMatchObject([
      { path: ['flow', 'nodes', '1', 'body'] },
    ]);
  });

  it('points each mapping finding at its row', () => {
    const doc = calling({
      mapping: [
        { path: 'data.plan', variable: 'plan' },
        { path: '', variable: '' },
      ],
    });
    expect(findingsOf(doc, 'HTTP_MAPPING_PATH_INVALID')).toMatchObject([
      { path: ['flow', 'nodes', '1', 'mapping', '1', 'path'] },
    ]);
    expect(findingsOf(doc, 'HTTP_MAPPING_VARIABLE_INVALID')).toMatchObject([
      { path: ['flow', 'nodes', '1', 'mapping', '1', 'variable'] },
    ]);
  });

  it('needs the mapped variables and the templates declared (rule 13)', () => {
    const doc = calling({
      url: 'https://api.example.com/p?c={{company_code}}',
      mapping: [{ path: 'data.tier', variable: 'tier' }],
    });
    expect(findingsOf(doc, 'VARIABLE_UNDECLARED').map((f) => f.path)).toEqual([
      ['flow', 'nodes', '1', 'mapping', '0', 'variable'],
      ['flow', 'nodes', '1', 'url'],
    ]);
  });

  it('counts mapped variables as set after `next` but not after `failed` (rule 13)', () => {
    const doc = calling();
    const sorry = doc.flow.nodes.find((n) => n.id === 'sorry');
    if (sorry?.type === 'message')
      sorry.content.content = [{ type: 'paragraph', content: [{ type: 'text', text: 'No {{plan}}' }] }];
    expect(findingsOf(doc, 'VARIABLE_MAYBE_UNSET')).toMatchObject([{ nodeId: 'sorry' }]);
  });

  it('lets the failed exit stay unconnected (it falls through to next)', () => {
    expect(validatePlaybook(calling({}, { failed: false })).findings).toEqual([]);
  });
});

describe('rule 24: wait cards', () => {
  it.each([
    [0, 1],
    [1, 0],
    [60, 0],
    [61, 1],
  ])('a pause of %i s gives %i findings', (seconds, count) => {
    expect(findingsOf(pausing(seconds), 'WAIT_OUT_OF_RANGE')).toHaveLength(count);
  });
});
