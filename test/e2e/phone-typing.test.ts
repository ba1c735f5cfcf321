/**
 * Phone-style typing (src/core/nlu/phone-typing.ts) reaches the whole understanding stage: an order number
 * and phone tail dictated as Chinese numerals verify an anonymous visitor, and pinyin abbreviations read as
 * the words. The customer's own words are stored as written.
 */
import { describe, expect, it } from 'vitest'
import { replyText, useDemoChatServer } from '../helpers/demo-chat-server.js'

const { conversation } = useDemoChatServer()

describe('phone-style typing', () => {
  it('verifies with an order number and phone tail dictated as Chinese numerals', async () => {
    const say = await conversation()
    await say('我的订单到哪了')
    const words = '订单号KF二零二六一一二三零二四一 手机尾号二零一四'
    const t = await say(words)
    expect(replyText(t)).toContain('KF202611230241')
    expect(replyText(t)).not.toContain('后 4 位')
    expect(t.messages.find((m) => m.role === 'customer')?.text).toBe(words)
  })

  it('reads "fp" as 发票', async () => {
    const say = await conversation()
    const t = await say('fp怎么开')
    expect(t.nlu.intent).toBe('invoice_payment')
  })
})
