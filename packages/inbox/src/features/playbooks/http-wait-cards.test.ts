import { describe, expect, it } from 'vitest';
import { playbookTemplates, portsOf, validatePlaybook, type TPlaybookDocument } from '@charla/protocol';
import { cardSummary } from './card-summary';
import { findingField } from './finding-field';
import { addNode, connectPort, replaceNode } from './flow-mapping';
import { startPreview, absorbStep, type PreviewTexts } from './preview-run';
import { advance } from '@charla/protocol';

function blank(): TPlaybookDocument {
  return playbookTemplates.blank.build('en');
}

/** greeting → a new card of `type` → end, with `patch` applied to the card. */
function withCard(type: 'http_request' | 'wait', patch: Record<string, unknown> = {}) {
  const added = addNode(blank(), type, { x: 0, y: 400 });
  const node = added.doc.flow.nodes.find((n) => n.id === added.nodeId);
  if (!node) throw new Error('no card');
  let doc = replaceNode(added.doc, { ...node, ...patch });
  doc = connectPort(doc, { source: 'greeting', sourceHandle: 'next', target: added.nodeId });
  doc = connectPort(doc, { source: added.nodeId, sourceHandle: 'next', target: 'end' });
  return { doc, nodeId: added.nodeId };
}

const texts: PreviewTexts = {
  handoff: () => 'handoff',
  nobodyOnline: () => 'nobody',
  ended: () => 'ended',
  waits: (seconds) => `waits ${seconds}`,
  wouldCall: (method, url) => `would call ${method} ${url}`,
};

describe('HTTP request and wait cards in the editor', () => {
  it('adds an HTTP request card that asks for its address, with next and an optional failed exit', () => {
    const { doc, nodeId } = withCard('http_request');
    const node = doc.flow.nodes.find((n) => n.id === nodeId);
    expect(node && portsOf(node).map((p) => `${p.name}${p.required ? '' : '?'}`)).toEqual([
      'next',
      'failed?',
    ]);
    const findings = validatePlaybook(doc).findings;
    expect(findings.map((f) => f.code)).toEqual(['HTTP_URL_INVALID']);
    expect(findings[0] && findingField(doc, findings[0])).toBe('http-url');
    const filled = withCard('http_request', { url: 'https://api.example.com/plan' }).doc;
    expect(validatePlaybook(filled)).toMatchObject({ ok: true, findings: [] });
  });

  it('adds a wait card of 3 seconds that validates as it is', () => {
    const { doc } = withCard('wait');
    expect(validatePlaybook(doc)).toMatchObject({ ok: true, findings: [] });
    const tooLong = withCard('wait', { seconds: 90 }).doc;
    const [finding] = validatePlaybook(tooLong).findings;
    expect(finding?.code).toBe('WAIT_OUT_OF_RANGE');
    expect(finding && findingField(tooLong, finding)).toBe('wait-seconds');
  });

  it('points mapping findings at their row and shows method and address on the canvas', () => {
    const { doc, nodeId } = withCard('http_request', {
      url: 'https://api.example.com/plan',
      mapping: [{ path: 'data..plan', variable: '' }],
    });
    const fields = validatePlaybook(doc).findings.map((f) => findingField(doc, f));
    expect(fields).toEqual(['http-map-0-path', 'http-map-0-variable']);
    const node = doc.flow.nodes.find((n) => n.id === nodeId);
    expect(node && cardSummary(node)).toBe('GET https://api.example.com/plan');
  });

  it('previews a wait at once and never calls the URL: the admin picks the exit', () => {
    const { doc: waiting } = withCard('wait', { seconds: 4 });
    const context = { doc: waiting, online: true, texts };
    const paused = startPreview(context, '');
    expect(paused.lines.filter((l) => l.kind === 'system').map((l) => l.kind === 'system' && l.text)).toEqual(
      ['waits 4', 'ended'],
    );

    const { doc } = withCard('http_request', { url: 'https://api.example.com/plan?lang={{locale}}' });
    const calling = { doc, online: true, texts };
    const run = startPreview(calling, '');
    expect(run.call).toEqual({ method: 'GET', url: 'https://api.example.com/plan?lang=en' });
    expect(run.ended).toBe(false);
    const failed = advance(doc, run.state, { kind: 'http_failed', reason: 'status' });
    if ('error' in failed) throw new Error(failed.error);
    expect(absorbStep(calling, run, failed, [])).toMatchObject({ call: null, ended: true });
  });
});
