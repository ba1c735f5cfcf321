/**
 * `kefu eval <sub> …`: dispatches to `eval-<sub>.ts` (intents, retrieval, dialogues). A missing
 * evaluation fails loudly with `not_implemented` instead of pretending to have measured.
 */
const USAGE = `usage: kefu eval <intents|retrieval|dialogues> [options]

  intents    --train FILE --test FILE [--json]   train a fresh intent model and score it
  retrieval  --kb FILE --queries FILE [--json]   knowledge retrieval quality
  dialogues  FILE|DIR [--json]                   conversation stories

Run 'kefu eval <sub> --help' for the options of one evaluation.
`

type EvalModule = { run(args: string[]): Promise<number> }

/** Entry point of `kefu eval`. */
export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args
  if (!sub || sub === '-h' || sub === '--help') {
    process.stdout.write(USAGE)
    return sub ? 0 : 2
  }
  if (!/^[a-z][a-z-]*$/.test(sub)) {
    process.stderr.write(`kefu eval: unknown evaluation '${sub}'\n\n${USAGE}`)
    return 2
  }
  let mod: EvalModule
  try {
    mod = (await import(`./eval-${sub}.js`)) as EvalModule
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && String(e).includes(`eval-${sub}`)) {
      process.stderr.write(
        `kefu eval ${sub}: not implemented (no src/cli/commands/eval-${sub}.ts) [code: not_implemented]\n\n${USAGE}`,
      )
      return 2
    }
    throw e
  }
  return mod.run(rest)
}
