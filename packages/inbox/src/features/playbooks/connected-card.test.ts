import { describe, expect, it } from 'vitest';
import { playbookTemplates, validatePlaybook, type TPlaybookDocument } from '@charla/protocol';
import { addConnectedNode, freePort, pickableTypes } from './connected-card';
import { removeEdges } from './flow-mapping';

function liveChatDoc(): TPlaybookDocument {
  return playbookTemplates.live_chat.build('en');
}

function blankDoc(): TPlaybookDocument {
  return playbookTemplates.blank.build('en');
}

describe('addConnectedNode (a link dropped on empty canvas)', () => {
  it('creates the card where the link was dropped and connects the exit to it', () => {
    const doc = liveChatDoc();
    const start = { nodeId: 'choose', handleId: 'option:browse', handleType: 'source' as const };
    const result = addConnectedNode(doc, 'message', { x: 812.4, y: 90.6 }, start);
    expect(result.nodeId).toBe('message_1');
    const card = result.doc.flow.nodes.find((n) => n.id === 'message_1');
    expect(card).toMatchObject({ type: 'message', ui: { x: 812, y: 91 } });
    const fromPort = result.doc.flow.edges.filter(
      (e) => e.from.nodeId === 'choose' && e.from.port === 'option:browse',
    );
    // A port holds one link: the new card replaces where the answer led before.
    expect(fromPort.map((e) => e.to.nodeId)).toEqual(['message_1']);
    expect(result.doc.flow.nodes).toHaveLength(doc.flow.nodes.length + 1);
  });

  it('from a card’s entry, connects the new card’s first exit to that card', () => {
    const doc = liveChatDoc();
    const result = addConnectedNode(
      doc,
      'question',
      { x: 0, y: 0 },
      {
        nodeId: 'live_chat',
        handleId: 'in',
        handleType: 'target',
      },
    );
    expect(result.doc.flow.edges).toContainEqual(
      expect.objectContaining({
        from: { nodeId: 'question_1', port: 'option:yes' },
        to: { nodeId: 'live_chat' },
      }),
    );
  });

  it('leaves the document as it was for an unknown card or exit, or an End card leading in', () => {
    const doc = liveChatDoc();
    const unknownCard = { nodeId: 'nope', handleId: 'next', handleType: 'source' as const };
    expect(addConnectedNode(doc, 'message', { x: 0, y: 0 }, unknownCard)).toEqual({ doc, nodeId: null });
    const unknownPort = { nodeId: 'greeting', handleId: 'option:nope', handleType: 'source' as const };
    expect(addConnectedNode(doc, 'message', { x: 0, y: 0 }, unknownPort)).toEqual({ doc, nodeId: null });
    const entry = { nodeId: 'greeting', handleId: 'in', handleType: 'target' as const };
    expect(addConnectedNode(doc, 'end', { x: 0, y: 0 }, entry)).toEqual({ doc, nodeId: null });
    expect(pickableTypes(entry)).not.toContain('end');
    expect(pickableTypes({ ...entry, handleType: 'source' })).toContain('end');
  });

  it('builds a valid flow from Blank: the start card’s exit to a new End card', () => {
    let doc = blankDoc();
    const startId = doc.flow.startNodeId;
    doc = removeEdges(
      doc,
      doc.flow.edges.map((e) => e.id),
    );
    const port = freePort(doc, startId);
    expect(port).not.toBeNull();
    const result = addConnectedNode(
      doc,
      'end',
      { x: 400, y: 0 },
      { nodeId: startId, handleId: port, handleType: 'source' },
    );
    const errors = validatePlaybook(result.doc).findings.filter((f) => f.severity === 'error');
    expect(errors.filter((f) => f.nodeId === startId && f.code === 'PORT_UNCONNECTED')).toEqual([]);
  });
});

describe('freePort', () => {
  it('is the first exit that leads nowhere, else the first exit, and null without exits', () => {
    const doc = liveChatDoc();
    const choose = doc.flow.edges.find((e) => e.from.nodeId === 'choose' && e.from.port === 'option:talk');
    expect(freePort(doc, 'choose')).toBe('option:talk');
    expect(freePort(removeEdges(doc, [choose?.id ?? '']), 'choose')).toBe('option:talk');
    const browse = doc.flow.edges.find((e) => e.from.nodeId === 'choose' && e.from.port === 'option:browse');
    expect(freePort(removeEdges(doc, [browse?.id ?? '']), 'choose')).toBe('option:browse');
    expect(freePort(doc, 'end_browsing')).toBeNull();
    expect(freePort(doc, 'nope')).toBeNull();
  });
});
