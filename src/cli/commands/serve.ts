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
    `kefu is serving the demo shop on ${server.url}  (chat API: ${server.url}/api/v1/openapi.json)\n`,
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
