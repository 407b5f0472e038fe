import { env } from "@/lib/env";
import { logger } from "./logger";

/**
 * OpenTelemetry traces, opt-in: only when OTEL_EXPORTER_OTLP_ENDPOINT is set is the SDK loaded at all. Next.js
 * then emits spans for requests, rendering and fetches; they go to the collector over OTLP/HTTP.
 */
export async function startTracing(): Promise<void> {
  const endpoint = env().OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!endpoint) return;
  const [{ NodeSDK }, { OTLPTraceExporter }] = await Promise.all([
    import("@opentelemetry/sdk-node"),
    import("@opentelemetry/exporter-trace-otlp-http"),
  ]);
  const sdk = new NodeSDK({
    serviceName: env().OTEL_SERVICE_NAME,
    traceExporter: new OTLPTraceExporter({ url: new URL("/v1/traces", endpoint).toString() }),
  });
  sdk.start();
  logger().info({ endpoint: new URL(endpoint).host }, "OpenTelemetry tracing on");
}
