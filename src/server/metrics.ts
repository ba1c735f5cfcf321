import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client'

/** Prometheus metrics of one server instance; exposed at /metrics. */
export function createMetrics() {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'kefu_' })
  return {
    registry,
    httpDuration: new Histogram({
      name: 'kefu_http_request_duration_seconds',
      help: 'HTTP request duration',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    turns: new Counter({
      name: 'kefu_turns_total',
      help: 'Customer turns handled, by intent and action',
      labelNames: ['intent', 'action'] as const,
      registers: [registry],
    }),
    handoffs: new Counter({
      name: 'kefu_handoffs_total',
      help: 'Conversations handed to a human',
      registers: [registry],
    }),
  }
}
export type Metrics = ReturnType<typeof createMetrics>
