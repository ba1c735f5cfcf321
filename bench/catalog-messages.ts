/** What the simulated customers of bench/catalog-load.ts ask, in turn (also timed one by one by bench/catalog-updates.ts --turns). */
export const CATALOG_LOAD_MESSAGES = [
  '羽绒服多少钱',
  '我的订单到哪了',
  '包邮吗',
  'X2 Pro 支持无线充电吗',
  '耳机一边没声音',
  'how long does shipping take?',
  '可以开发票吗',
  '有没有推荐的耳机',
  '七天无理由退货怎么操作',
  'do you have the earbuds in white?',
]
