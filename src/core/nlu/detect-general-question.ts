/**
 * "请问退货寄到哪里呀", "下单以后 最晚什么时候还能改收货地址", "can i return sneakers if i wore them outside once",
 * "你们一般发什么快递": a question about the shop's rules in general, not about an order of the customer's own
 * (no order number, no "my order" / "我买的" / "我的快递到哪了"). Part of the understanding stage.
 */

const ASKS =
  /[?？]|吗|么|嘛|能不能|可不可以|可以.{0,6}(不|吗)|什么时候|多久|哪天|哪一天|几号|从.{0,4}算|哪里|哪儿|在哪|多少|几天|怎么|如何|是否|\b(can|could|do|does|is|are|will|would|how|what|where|when|which)\b/i
/** Words that point at an order, parcel or purchase of the customer's own. */
const OWN =
  /(我的|我买的|我下的|我那|我刚|我昨天|我前|我这|我家的|我之前|我上次|单号|订单号|运单|[A-Z]{2}\d{8,}|(快递|包裹|订单|单子|东西|货)(到哪|在哪|发了|发货了|到了)|到哪了|发货了吗|发了没|(我|俺).{0,6}(买|拍|下单|订)了|\bmy\b|\bmine\b|\bi (bought|ordered|got|received|purchased|paid)\b|\bi'?ve (bought|ordered|got|received)\b|\bwhere'?s\b|\bwhere (is|are)\b|\border (no|number|#)\b)/i

/** True when the message asks about the shop's rules without pointing at an order of the customer's own. */
export function asksGenerally(text: string): boolean {
  return ASKS.test(text) && !OWN.test(text)
}
