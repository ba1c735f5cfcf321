import { describe, expect, it } from 'vitest'
import { paymentQuestion } from './detect-payment-question.js'

describe('paying later is a question about the payment deadline', () => {
  it('reads "I will pay later, is that in time" as a deadline question', () => {
    expect(paymentQuestion('行 我晚上11点以后再付 来得及吧').deadline).toBe(true)
    expect(paymentQuestion('那牛仔裤我晚上再付 来得及吗').deadline).toBe(true)
    expect(paymentQuestion('if I pay it tomorrow at 10 is that ok?').deadline).toBe(true)
    expect(paymentQuestion('我已经付了').deadline).toBe(false)
  })
})
