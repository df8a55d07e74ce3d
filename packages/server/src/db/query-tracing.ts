import { SpanKind } from '@opentelemetry/api';
import type { LogEvent } from 'kysely';
import { recordFailure, tracer } from '../ops/tracing';

/**
 * A Kysely `log` hook: one client span per query, under whatever span is active (the HTTP request
 * or WebSocket frame that ran it), timed by Kysely's own measurement.
 */
export function traceQuery(system: 'sqlite' | 'postgresql'): (event: LogEvent) => void {
  return (event) => {
    const end = Date.now();
    const statement = event.query.sql;
    const span = tracer().startSpan(`db ${statement.split(' ', 1)[0]?.toLowerCase() ?? 'query'}`, {
      kind: SpanKind.CLIENT,
      startTime: end - event.queryDurationMillis,
      attributes: { 'db.system.name': system, 'db.query.text': statement },
    });
    if (event.level === 'error') recordFailure(span, event.error);
    span.end(end);
  };
}
