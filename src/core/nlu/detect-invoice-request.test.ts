import { describe, expect, it } from 'vitest'
import { detectInvoiceRequest } from './detect-invoice-request.js'

describe('detectInvoiceRequest', () => {
  it('reads the title kind, the company name and the tax ID', () => {
    const a = detectInvoiceRequest('耳机那单开张公司发票 抬头上海禾木贸易有限公司')
    expect([a.asks, a.title, a.company]).toEqual([true, 'company', '上海禾木贸易有限公司'])
    expect(detectInvoiceRequest('开个人的电子发票就行').title).toBe('personal')
    expect(detectInvoiceRequest('开一张个人抬头的电子发票').asks).toBe(true)
    expect(detectInvoiceRequest('税号 91310000MA1FL4XY2K').taxId).toBe('91310000MA1FL4XY2K')
    expect(detectInvoiceRequest('our tax id is 91440300MA5G0ABC1D').taxId).toBe('91440300MA5G0ABC1D')
    const en = detectInvoiceRequest('can you redo the invoice under my company, Bluebay Trading Ltd')
    expect([en.asks, en.reissue, en.title, en.company]).toEqual([true, true, 'company', 'Bluebay Trading Ltd'])
  })

  it('does not read an order number, a phone number or a policy question as an invoice request', () => {
    expect(detectInvoiceRequest('KF202611190216').taxId).toBeNull()
    expect(detectInvoiceRequest('13812345678').taxId).toBeNull()
    expect(detectInvoiceRequest('发票什么时候开').asks).toBe(false)
    expect(detectInvoiceRequest('能开专票吗').special).toBe(true)
  })

  it('reads a question about what an invoice needs apart from a request', () => {
    expect(detectInvoiceRequest('公司发票需要提供哪些信息？').asksWhatNeeded).toBe(true)
    expect(detectInvoiceRequest('what details do you need for a company invoice?').asksWhatNeeded).toBe(true)
    expect(detectInvoiceRequest('耳机那单开张公司发票').asksWhatNeeded).toBe(false)
  })

  it('reads when the invoice is asked for', () => {
    expect(detectInvoiceRequest('电脑那单的发票什么时候能开出来').asksWhen).toBe(true)
    expect(detectInvoiceRequest('I need the invoice for my expenses, when will I get it?').asksWhen).toBe(true)
    expect(detectInvoiceRequest('开个人发票').asksWhen).toBe(false)
  })
})
