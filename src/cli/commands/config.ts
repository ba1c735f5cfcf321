import { parseConfig, redactConfig } from '../../server/config/schema.js'

/** `kefu config check`: validates the environment and prints the resolved config, secrets redacted. */
export async function run(args: string[]): Promise<number> {
  const sub = args[0] ?? 'check'
  if (sub !== 'check') {
    process.stderr.write('usage: kefu config check\n')
    return 1
  }
  try {
    const c = parseConfig(process.env)
    process.stdout.write(`${JSON.stringify(redactConfig(c), null, 2)}\n`)
    return 0
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`)
    return 1
  }
}
