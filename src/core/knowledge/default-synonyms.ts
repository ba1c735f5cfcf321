import type { SynonymGroups } from '../text/synonym-matcher.js'

/**
 * E-commerce vocabulary every shop gets; a shop adds its own groups in
 * `shop.settings.knowledge.synonyms` (same shape). Each group lists phrases a
 * customer may use for one idea, in both languages.
 */
export const DEFAULT_SYNONYMS: SynonymGroups = [
  ['包邮', '免运费', '免邮', '不要运费', '运费全免', 'free shipping', 'free delivery', 'ship free', 'shipping free'],
  ['运费', '邮费', '快递费', '配送费', 'shipping fee', 'shipping cost', 'delivery fee', 'postage'],
  [
    '7天无理由',
    '七天无理由',
    '7日无理由',
    '七日无理由',
    '无理由退货',
    '7 day return',
    '7 days return',
    'no reason return',
  ],
  ['退货', '退回', '退掉', '退了', 'return', 'send back'],
  ['退款', '退钱', '钱退', 'refund', 'money back'],
  ['换货', '调换', '换一个', '换个', 'exchange', 'swap'],
  ['发货', '寄出', '发出', '出库', 'dispatch', 'send out'],
  ['快递', '物流', '配送', '送货', 'courier', 'delivery', 'logistics'],
  ['多久', '多长时间', '几天', '多少天', '什么时候', 'how long', 'how many days', 'when'],
  ['发票', '开票', '专票', '普票', 'invoice', 'receipt', 'fapiao'],
  ['优惠券', '券', '折扣码', '优惠码', 'coupon', 'voucher', 'promo code', 'discount code'],
  ['会员', 'vip', '积分', 'member', 'membership', 'loyalty'],
  ['保修', '质保', '保固', 'warranty', 'guarantee'],
  ['尺码', '码数', '尺寸', '大小', 'size', 'sizing'],
  ['价格', '价钱', '多少钱', '售价', '几块钱', 'price', 'cost', 'how much'],
  ['库存', '有货', '现货', '缺货', '断货', 'in stock', 'out of stock', 'available', 'availability'],
  ['地址', '收货地址', 'address', 'shipping address'],
  ['取消订单', '取消', '不要了', 'cancel', 'cancellation'],
  ['付款', '支付', '付钱', 'pay', 'payment'],
  ['花呗', '分期', '分期付款', 'installment', 'instalment', 'pay later'],
  ['人工', '真人', '人工客服', 'human', 'agent', 'real person'],
  ['海外', '国外', '国际', '境外', 'international', 'overseas', 'abroad'],
  ['价保', '保价', '降价补差', '差价', 'price protection', 'price match', 'price drop'],
  ['以旧换新', '旧机回收', 'trade in', 'trade-in'],
  ['正品', '真货', '假货', '正版', 'genuine', 'authentic', 'fake', 'original'],
  ['洗涤', '清洗', '洗', '水洗', '机洗', 'wash', 'washing', 'clean'],
  ['开机', '启动', 'turn on', 'power on', 'boot'],
  ['充不进电', '充不上电', '无法充电', '不能充电', 'not charging', "won't charge", 'cannot charge'],
  ['连不上', '连接不上', '无法连接', '配对失败', 'cannot connect', "can't connect", 'pairing fails', 'not connecting'],
]
