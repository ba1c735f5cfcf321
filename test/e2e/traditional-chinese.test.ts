/**
 * A customer who writes traditional characters (Hong Kong, Taiwan) or written Cantonese is understood
 * as a simplified-Mandarin writer is, and reads the replies in traditional characters, also after a
 * message that shows no script ("KF… 2014"). Their own words are stored as they wrote them.
 */
import { describe, expect, it } from 'vitest'
import { replyText, useDemoChatServer } from '../helpers/demo-chat-server.js'

const { conversation } = useDemoChatServer()

describe('traditional Chinese and written Cantonese', () => {
  it('understands a traditional-script return request and answers in traditional characters', async () => {
    const say = await conversation()
    const first = await say('我想退貨 手錶還沒拆封')
    expect(first.nlu.intent).toBe('return_refund')
    expect(replyText(first)).toContain('訂單號')
    expect(replyText(first)).not.toContain('订单号')
    expect(first.messages.find((m) => m.role === 'customer')?.text).toBe('我想退貨 手錶還沒拆封')
    // No Chinese characters: the conversation keeps the customer's script.
    const second = await say('KF202611230241 2014')
    expect(replyText(second)).toContain('KF202611230241')
    expect(replyText(second)).toMatch(/[訂還這個們請對於單]/u)
    expect(replyText(second)).not.toMatch(/[订还这个们请对于单]/u)
  })

  it('reads written Cantonese as an order question', async () => {
    const say = await conversation()
    const t = await say('唔該幫我睇下我張訂單幾時發貨')
    expect(['order_status', 'logistics']).toContain(t.nlu.intent)
    expect(replyText(t)).not.toContain('订单号')
  })

  it('answers a simplified-script customer in simplified characters', async () => {
    const say = await conversation()
    const t = await say('我想退货 手表还没拆封')
    expect(t.nlu.intent).toBe('return_refund')
    expect(replyText(t)).toContain('订单号')
  })
})
