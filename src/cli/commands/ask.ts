/**
 * `kefu ask TEXT`: one customer turn through the full pipeline against the local
 * data directory, printing what the chat API would return.
 */
import { parseArgs } from 'node:util'
import { AppError } from '../../core/errors.js'
import { createAppContext } from '../../server/app-context.js'
import { parseConfig } from '../../server/config/schema.js'

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      customer: { type: 'string' },
      session: { type: 'string' },
      shop: { type: 'string', default: 'demo' },
      json: { type: 'boolean', default: false },
      locale: { type: 'string' },
    },
  })
  const text = positionals.join(' ')
  if (!text.trim()) {
    process.stderr.write('usage: kefu ask TEXT [--customer ID] [--session ID] [--shop ID] [--json]\n')
    return 1
  }
  const config = parseConfig(process.env, { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' })
  const ctx = await createAppContext(config, { quiet: true })
  try {
    const shopId = values.shop ?? 'demo'
    let conversationId = values.session
    const existing = conversationId ? await ctx.store.conversations.get(shopId, conversationId) : null
    if (existing && values.customer && existing.customerId !== values.customer) {
      throw new AppError('conflict', `session '${conversationId}' belongs to another customer`)
    }
    if (!existing) {
      const conv = await ctx.conversations.startConversation({
        ...(conversationId ? { id: conversationId } : {}),
        shopId,
        customerId: values.customer ?? null,
        channel: 'cli',
        locale: values.locale === 'zh' || values.locale === 'en' ? values.locale : null,
      })
      conversationId = conv.id
    }
    const turn = await ctx.conversations.handleMessage({ shopId, conversationId: conversationId as string, text })
    if (values.json) {
      process.stdout.write(`${JSON.stringify(turn, null, 2)}\n`)
    } else {
      for (const r of turn.replies) {
        process.stdout.write(`${r.text}\n`)
        for (const b of r.buttons ?? []) process.stdout.write(`  [${b.label}]\n`)
      }
      process.stderr.write(
        `\n— intent ${turn.nlu.intent} (${turn.nlu.confidence.toFixed(2)}), emotion ${turn.nlu.emotion.score.toFixed(2)}, action ${turn.action}: ${turn.reason}${turn.handoff ? ', HANDOFF' : ''}\n— session ${turn.conversationId} (continue with --session ${turn.conversationId})\n`,
      )
    }
    return 0
  } finally {
    await ctx.close()
  }
}
