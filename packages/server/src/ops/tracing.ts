import { SpanStatusCode, trace, type Attributes, type Span, type Tracer } from '@opentelemetry/api';

// Optional OpenTelemetry traces (issue 22): switched on by the standard OTEL_* variables, off by
// default. Spans are made through @opentelemetry/api, which does nothing until a provider is
// registered, so an install without OTEL_* pays neither the SDK's load nor its work.

export type Tracing = { shutdown(): Promise<void> };

// Process-wide, like OpenTelemetry's own provider: set once by startTracing, read where spans are made.
let enabled = false;

/** Whether spans are being recorded (startTracing registered a provider in this process). */
export function isTracing(): boolean {
  return enabled;
}

/** True when the environment asks for traces: an OTLP endpoint is set and traces are not switched off. */
export function tracingRequested(env: NodeJS.ProcessEnv): boolean {
  if (env.OTEL_SDK_DISABLED === 'true') return false;
  if (env.OTEL_TRACES_EXPORTER !== undefined && env.OTEL_TRACES_EXPORTER !== 'otlp') return false;
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

/**
 * Registers a tracer provider that sends spans in batches over OTLP/HTTP to the endpoint the
 * OTEL_EXPORTER_OTLP_* variables name (the exporter reads them itself, with their headers and
 * timeouts); the service is named by OTEL_SERVICE_NAME (default "charla") and OTEL_RESOURCE_ATTRIBUTES.
 */
export async function startTracing(env: NodeJS.ProcessEnv): Promise<Tracing | null> {
  if (!tracingRequested(env)) return null;
  const [{ NodeTracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, resources] = await Promise.all([
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
  ]);
  const resource = resources
    .resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME ?? 'charla' })
    .merge(resources.detectResources({ detectors: [resources.envDetector] }));
  const provider = new NodeTracerProvider({
    resource,
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  // Registers the AsyncLocalStorage context manager too: database spans nest under their request.
  provider.register();
  enabled = true;
  return {
    shutdown: async () => {
      enabled = false;
      await provider.shutdown();
    },
  };
}

/**
 * Charla's tracer, looked up at each use: the bundled server carries its own copy of the API, and
 * only a lookup through the global registry finds the provider the SDK (from node_modules) registered.
 */
export function tracer(): Tracer {
  return trace.getTracer('charla');
}

/** Marks a span failed with the error's code (AppError) or message. */
export function recordFailure(span: Span, error: unknown): void {
  const code = (error as { code?: unknown } | null)?.code;
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: typeof code === 'string' ? code : error instanceof Error ? error.message : String(error),
  });
  if (error instanceof Error) span.recordException(error);
}

/** Runs `work` inside a span named `name` (the active span while it runs); ends it either way. */
export function traced<T>(name: string, attributes: Attributes, work: () => Promise<T>): Promise<T> {
  return tracer().startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work();
    } catch (error) {
      recordFailure(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Handles one WebSocket frame inside a span ("ws visitor send") when tracing is on. */
export function traceFrame<T>(
  socket: 'visitor' | 'agent',
  frame: string,
  work: () => Promise<T>,
): Promise<T> {
  if (!enabled) return work();
  return traced(`ws ${socket} ${frame}`, { 'charla.socket': socket, 'charla.frame': frame }, work);
}
