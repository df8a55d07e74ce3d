import { BaseEdge, type Edge, type EdgeProps } from '@xyflow/react';
import type { Point } from './auto-layout';

export type RoutedEdgeData = { route?: Point[] };
export type RoutedEdge = Edge<RoutedEdgeData, 'routed'>;

/**
 * A left-to-right path from `from` through `bends` to `to`: one horizontal S-curve per leg, so the
 * link leaves its port sideways, follows the lanes the layout kept free, and enters the card's side.
 */
export function routedPath(from: Point, bends: readonly Point[], to: Point): string {
  const points = [from, ...bends, to];
  let d = `M ${from.x},${from.y}`;
  for (let i = 1; i < points.length; i += 1) {
    const p = points[i - 1] as Point;
    const q = points[i] as Point;
    const dx = Math.max(Math.abs(q.x - p.x) / 2, 24);
    d += ` C ${p.x + dx},${p.y} ${q.x - dx},${q.y} ${q.x},${q.y}`;
  }
  return d;
}

/** A link drawn along the route the automatic layout gave it (or straight from port to card). */
export function RoutedEdgeView(props: EdgeProps<RoutedEdge>) {
  const path = routedPath({ x: props.sourceX, y: props.sourceY }, props.data?.route ?? [], {
    x: props.targetX,
    y: props.targetY,
  });
  return <BaseEdge id={props.id} path={path} markerEnd={props.markerEnd} style={props.style} />;
}
