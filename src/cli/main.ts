/**
 * `kefu <command>`: the command-line entry. Each command lives in
 * src/cli/commands/<name>.ts and exports `run(args: string[]): Promise<number>`.
 */
type CommandModule = { run(args: string[]): Promise<number> }

const COMMANDS: Record<string, { summary: string; load: () => Promise<CommandModule> }> = {
  serve: { summary: 'start the HTTP server (default data dir ./.kefu)', load: () => load('serve') },
  import: {
    summary: 'import <products|faq|customers|orders|faults> FILE [--shop ID] [--map F=COL,…] [--dry-run]',
    load: () => load('import'),
  },
  ask: {
    summary: 'ask TEXT [--customer ID] [--session ID] [--shop ID] [--json]: one turn through the pipeline',
    load: () => load('ask'),
  },
  classify: { summary: 'classify [--json]: one message per stdin line → NLU JSON', load: () => load('classify') },
  train: { summary: 'train: retrain the intent model from data/nlu + shop examples', load: () => load('train') },
  eval: {
    summary: 'eval <intents|retrieval|dialogues> …: measure NLU, retrieval or conversation stories',
    load: () => load('eval'),
  },
  search: { summary: 'search TEXT [--shop ID] [--json]: ranked knowledge hits', load: () => load('search') },
  demo: {
    summary: 'demo reset | demo status: reload the demo shop and move it to today (other shops untouched)',
    load: () => load('demo'),
  },
  shop: {
    summary: 'shop create ID --name … | shop list | shop show | shop settings FILE.json [--shop ID]',
    load: () => load('shop'),
  },
  channel: {
    summary:
      'channel add <wecom-kf|wechat-mp|chatwoot> --shop ID … | list | remove | link | unlink: messaging channels',
    load: () => load('channel'),
  },
  connector: {
    summary:
      'connector add <shopify|woocommerce> --shop ID --store-url URL … | list | sync | status | remove: commerce connectors',
    load: () => load('connector'),
  },
  staff: {
    summary:
      'staff add|list|reset-password|remove --shop ID …: the shop’s accounts (password at a prompt or --password-stdin)',
    load: () => load('staff'),
  },
  config: { summary: 'config check: print the resolved configuration, secrets redacted', load: () => load('config') },
  report: {
    summary: 'report [--shop ID] [--from DATE] [--to DATE] [--json]: CSAT, containment, handoff, conversion…',
    load: () => load('report'),
  },
}

/** Commands built in other modules are loaded by name so a missing one fails loudly, not at type-check. */
async function load(name: string): Promise<CommandModule> {
  const path = `./commands/${name}.js`
  try {
    return (await import(path)) as CommandModule
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && String(e).includes(`commands/${name}`)) {
      return {
        async run() {
          process.stderr.write(`kefu ${name}: not implemented yet\n`)
          return 2
        },
      }
    }
    throw e
  }
}

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(9)} ${c.summary}`)
  return `usage: kefu <command> [options]\n\ncommands:\n${lines.join('\n')}\n`
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(usage())
    return name ? 0 : 1
  }
  const cmd = COMMANDS[name]
  if (!cmd) {
    process.stderr.write(`kefu: unknown command '${name}'\n\n${usage()}`)
    return 1
  }
  const mod = await cmd.load()
  return mod.run(rest)
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    const msg = e instanceof Error ? e.message : String(e)
    process.stderr.write(`kefu: ${msg}\n`)
    if (process.env.KEFU_DEBUG) console.error(e)
    process.exitCode = 1
  },
)
