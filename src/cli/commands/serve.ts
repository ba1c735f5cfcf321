import { parseArgs } from 'node:util'
import { startServer } from '../../server/start-server.js'

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { port: { type: 'string', short: 'p' }, host: { type: 'string' }, 'data-dir': { type: 'string' } },
  })
  const server = await startServer({
    ...(values.port ? { port: Number(values.port) } : {}),
    ...(values.host ? { host: values.host } : {}),
    ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
  })
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
  return 0
}
