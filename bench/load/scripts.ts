/**
 * Multi-turn customer scripts over the demo shop for the load benchmark: each simulated customer
 * picks one and plays it turn by turn, like a person would (order status then a follow-up, a return
 * started and confirmed, product questions with references to the previous turn).
 */
export type LoadScript = { customerId: string | null; turns: string[] }

export const LOAD_SCRIPTS: LoadScript[] = [
  { customerId: 'c001', turns: ['我的订单到哪了', '快递员电话多少', '好的谢谢'] },
  { customerId: 'c001', turns: ['羽绒服我穿什么码', '我176 70公斤', '那黑色的有货吗'] },
  { customerId: 'c002', turns: ['我要退货', '尺码不合适', '对的'] },
  { customerId: 'c002', turns: ['取消连衣裙那个订单', '算了不取消了'] },
  { customerId: 'c003', turns: ['where is my order?', 'when will it arrive?', 'thanks'] },
  { customerId: 'c003', turns: ['I want to return the serum', 'it does not suit my skin', 'yes'] },
  { customerId: 'c004', turns: ['我的快递怎么还没到', '还要等多久'] },
  { customerId: null, turns: ['你好', '包邮吗', '可以开发票吗'] },
  { customerId: null, turns: ['X2 Pro 支持无线充电吗', '多少钱', '那X2呢'] },
  { customerId: null, turns: ['do you have the earbuds in white?', 'how much are they?', 'is shipping free?'] },
  { customerId: null, turns: ['七天无理由退货怎么操作', '运费谁出'] },
  { customerId: 'c001', turns: ['耳机一边没声音', '重新配对过了还是不行', '好的'] },
]
