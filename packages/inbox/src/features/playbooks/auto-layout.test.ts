import { describe, expect, it } from 'vitest';
import { playbookTemplates, portsOf, validatePlaybook } from '@charla/protocol';
import { applyPositions, layoutFlow, needsLayout, overlaps } from './auto-layout';
import { wideFlow } from './wide-flow.test-helper';

const doc = wideFlow(playbookTemplates.blank.build('en'));
// Roughly the cards' rendered sizes: a head, a summary, one row per port.
const sizeOf = (id: string) => {
  const node = doc.flow.nodes.find((n) => n.id === id);
  return { width: 260, height: 80 + 30 * (node ? portsOf(node).length : 1) };
};

describe('layoutFlow (automatic layout, left to right)', () => {
  const { positions, routes } = layoutFlow(doc, sizeOf);
  const box = (id: string) => ({ ...positions.get(id)!, ...sizeOf(id) });

  it('is laid out on a 25-card playbook that validates', () => {
    expect(doc.flow.nodes).toHaveLength(25);
    expect(validatePlaybook(doc).findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(needsLayout(doc)).toBe(true);
  });

  it('places every card with no two overlapping', () => {
    const ids = doc.flow.nodes.map((n) => n.id);
    expect([...positions.keys()].sort()).toEqual([...ids].sort());
    for (const a of ids)
      for (const b of ids) if (a < b) expect(overlaps(box(a), box(b)), `${a} / ${b}`).toBe(false);
  });

  it('puts every link’s target in a column to the right of its source', () => {
    for (const edge of doc.flow.edges)
      expect(box(edge.to.nodeId).x, edge.id).toBeGreaterThan(box(edge.from.nodeId).x + 260);
  });

  it('routes a link that skips columns through bends that miss every card', () => {
    for (const [edgeId, bends] of routes) {
      for (const bend of bends)
        for (const node of doc.flow.nodes) {
          const b = box(node.id);
          const inside = bend.x > b.x && bend.x < b.x + b.width && bend.y > b.y && bend.y < b.y + b.height;
          expect(inside, `${edgeId} bends through ${node.id}`).toBe(false);
        }
    }
    expect(routes.size).toBe(doc.flow.edges.length);
  });

  it('stores the positions in the document, after which nothing needs a layout', () => {
    const placed = applyPositions(doc, positions);
    expect(needsLayout(placed)).toBe(false);
    expect(placed.flow.nodes.find((n) => n.id === 'welcome')?.ui).toEqual(positions.get('welcome'));
  });

  it('is the same layout for the same document and sizes', () => {
    expect(layoutFlow(doc, sizeOf).positions).toEqual(positions);
  });
});
