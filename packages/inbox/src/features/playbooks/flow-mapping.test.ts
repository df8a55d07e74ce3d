import { describe, expect, it } from 'vitest';
import { playbookTemplates, portsOf, validatePlaybook, type TPlaybookDocument } from '@charla/protocol';
import {
  addNode,
  connectPort,
  findingsByNode,
  moveNode,
  removeNode,
  replaceNode,
  toFlowEdges,
  toFlowNodes,
} from './flow-mapping';

function liveChatDoc(): TPlaybookDocument {
  return playbookTemplates.live_chat.build('en');
}

describe('toFlowNodes / toFlowEdges', () => {
  it('maps every card to a node with its ports as handles and keeps the layout', () => {
    const doc = liveChatDoc();
    const nodes = toFlowNodes(doc, []);
    expect(nodes.map((n) => n.id)).toEqual(doc.flow.nodes.map((n) => n.id));
    const choose = nodes.find((n) => n.id === 'choose');
    expect(choose?.data.ports.map((p) => p.name)).toEqual(['option:talk', 'option:browse']);
    expect(nodes.find((n) => n.id === 'greeting')?.data.isStart).toBe(true);
    const original = doc.flow.nodes.find((n) => n.id === 'live_chat');
    expect(nodes.find((n) => n.id === 'live_chat')?.position).toEqual({
      x: original?.ui?.x,
      y: original?.ui?.y,
    });
  });

  it('maps every connection to an edge from the port handle', () => {
    const doc = liveChatDoc();
    const edges = toFlowEdges(doc);
    expect(edges).toHaveLength(doc.flow.edges.length);
    expect(edges).toContainEqual(
      expect.objectContaining({ source: 'choose', sourceHandle: 'option:talk', target: 'live_chat' }),
    );
  });

  it('puts findings on the cards they are about, edge findings on the source card', () => {
    const doc = removeNode(liveChatDoc(), 'end_browsing');
    const findings = validatePlaybook(doc).findings;
    const byNode = findingsByNode(doc, findings);
    expect(byNode.get('choose')?.map((f) => f.code)).toContain('PORT_UNCONNECTED');
    expect(toFlowNodes(doc, findings).find((n) => n.id === 'choose')?.data.findings.length).toBeGreaterThan(
      0,
    );
  });
});

describe('graph edits', () => {
  it('round-trips: a connection made on the canvas is an edge of the document', () => {
    let doc = removeNode(liveChatDoc(), 'end_browsing');
    const { doc: withEnd, nodeId } = addNode(doc, 'end', { x: 400, y: 300 });
    doc = connectPort(withEnd, { source: 'choose', sourceHandle: 'option:browse', target: nodeId });
    expect(validatePlaybook(doc).ok).toBe(true);
    expect(toFlowEdges(doc)).toContainEqual(
      expect.objectContaining({ source: 'choose', sourceHandle: 'option:browse', target: nodeId }),
    );
  });

  it('replaces the connection of a port instead of adding a second one', () => {
    const doc = connectPort(liveChatDoc(), {
      source: 'choose',
      sourceHandle: 'option:talk',
      target: 'ask_name',
    });
    const fromTalk = doc.flow.edges.filter(
      (e) => e.from.nodeId === 'choose' && e.from.port === 'option:talk',
    );
    expect(fromTalk).toHaveLength(1);
    expect(fromTalk[0]?.to.nodeId).toBe('ask_name');
  });

  it('ignores self-connections and unknown ports', () => {
    const doc = liveChatDoc();
    expect(connectPort(doc, { source: 'choose', sourceHandle: 'option:talk', target: 'choose' })).toBe(doc);
    expect(connectPort(doc, { source: 'choose', sourceHandle: 'next', target: 'live_chat' })).toBe(doc);
    expect(connectPort(doc, { source: 'choose', sourceHandle: null, target: 'live_chat' })).toBe(doc);
  });

  it('removes a card with its connections', () => {
    const doc = removeNode(liveChatDoc(), 'live_chat');
    expect(doc.flow.nodes.some((n) => n.id === 'live_chat')).toBe(false);
    expect(doc.flow.edges.some((e) => e.from.nodeId === 'live_chat' || e.to.nodeId === 'live_chat')).toBe(
      false,
    );
  });

  it('drops connections of ports a card no longer has after editing', () => {
    const doc = liveChatDoc();
    const choose = doc.flow.nodes.find((n) => n.id === 'choose');
    if (choose?.type !== 'question' || choose.answer.kind !== 'buttons') throw new Error('fixture');
    const edited = { ...choose, answer: { ...choose.answer, options: choose.answer.options.slice(0, 1) } };
    const next = replaceNode(doc, edited);
    expect(portsOf(edited).map((p) => p.name)).toEqual(['option:talk']);
    expect(next.flow.edges.some((e) => e.from.port === 'option:browse')).toBe(false);
  });

  it('stores moved positions rounded, and adds cards with unique ids that validate', () => {
    const moved = moveNode(liveChatDoc(), 'greeting', 10.4, 20.6);
    expect(moved.flow.nodes.find((n) => n.id === 'greeting')?.ui).toMatchObject({ x: 10, y: 21 });
    const once = addNode(moved, 'live_chat', { x: 0, y: 0 });
    const twice = addNode(once.doc, 'live_chat', { x: 0, y: 0 });
    expect(once.nodeId).not.toBe(twice.nodeId);
    const schemaErrors = validatePlaybook(twice.doc).findings.filter((f) => f.code === 'SCHEMA_INVALID');
    expect(schemaErrors).toEqual([]);
  });
});
