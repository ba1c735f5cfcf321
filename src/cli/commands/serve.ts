import cluster from 'node:cluster'
import { availableParallelism } from 'node:os'
import { parseArgs } from 'node:util'
import { runClusterPrimary, WORKER_ID_ENV } from '../../server/cluster/cluster-primary.js'
import { parseConfig } from '../../server/config/schema.js'
import { startServer } from '../../server/start-server.js'

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      workers: { type: 'string', short: 'w' },
    },
  })
  if (cluster.isPrimary) {
    const configured = parseConfig(process.env, values.workers ? { KEFU_WORKERS: values.workers } : {}).KEFU_WORKERS
    const workers = configured === 0 ? availableParallelism() : configured
    if (workers > 1) {
      // The workers run this same command; the primary only supervises and relays (cluster-primary.ts).
      return runClusterPrimary({ workers, log: (line) => process.stderr.write(`${line}\n`) })
    }
  }
  const server = await startServer({
    ...(values.port ? { port: Number(values.port) } : {}),
    ...(values.host ? { host: values.host } : {}),
    ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
  })
  const workerId = Number(process.env[WORKER_ID_ENV] ?? 1)
  if (workerId === 1)
    process.stderr.write(
      `kefu is serving on ${server.url}\n` +
        `  demo shop + chat widget: ${server.url}/\n` +
        `  agent console:           ${server.url}/console/\n` +
        `  API (OpenAPI):           ${server.url}/api/v1/openapi.json\n` +
        (server.demoApiKey ? `  demo shop API key (console sign-in, admin API): ${server.demoApiKey}\n` : ''),
    )
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.stderr.write('kefu: shutting down…\n')
      server.close().then(resolve, resolve)
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  // A cluster worker's IPC channel to the primary would keep the process alive.
  if (cluster.isWorker) cluster.worker?.disconnect()
  return 0
}
