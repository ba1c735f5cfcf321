import { type ParseArgsConfig, parseArgs } from 'node:util'

export type CliValues = Record<string, string | boolean | undefined>

/**
 * Parses a command's flags the same way for every command: `-h/--help` prints the usage (exit 0),
 * an unknown or malformed flag prints the error and the usage to stderr (exit 2). Returns the parsed
 * values, or the exit code when the command should stop.
 */
export function parseCliArgs(
  command: string,
  args: string[],
  options: NonNullable<ParseArgsConfig['options']>,
  usage: string,
): { values: CliValues; positionals: string[] } | number {
  let parsed: { values: CliValues; positionals: string[] }
  try {
    parsed = parseArgs({
      args,
      allowPositionals: false,
      options: { ...options, help: { type: 'boolean', short: 'h', default: false } },
    }) as { values: CliValues; positionals: string[] }
  } catch (e) {
    process.stderr.write(`kefu ${command}: ${(e as Error).message}\n\n${usage}`)
    return 2
  }
  if (parsed.values.help) {
    process.stdout.write(usage)
    return 0
  }
  return parsed
}
