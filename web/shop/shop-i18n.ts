/** UI strings of the demo shop page. */
export type ShopLocale = 'zh' | 'en'

/**
 * Demo customers from data/demo/customers.jsonl the visitor can chat as (the demo shop accepts unsigned
 * customer ids). Each has orders in a state worth asking about.
 */
export const PERSONAS: Array<{
  id: string | null
  name: Record<ShopLocale, string>
  note: Record<ShopLocale, string>
}> = [
  {
    id: 'c001',
    name: { zh: '张伟', en: 'Zhang Wei' },
    note: { zh: '金卡会员 · 一笔订单运输中', en: 'gold member · an order in transit' },
  },
  {
    id: 'c004',
    name: { zh: '李娜', en: 'Li Na' },
    note: { zh: '银卡会员 · 包裹延误', en: 'silver member · a delayed parcel' },
  },
  {
    id: 'c005',
    name: { zh: '刘洋', en: 'Liu Yang' },
    note: { zh: '普通会员 · 物流异常', en: 'regular member · a parcel exception' },
  },
  {
    id: 'c002',
    name: { zh: '王芳', en: 'Wang Fang' },
    note: { zh: '白金会员 · 待付款、退款中', en: 'platinum member · unpaid order, refund in progress' },
  },
  {
    id: 'c003',
    name: { zh: 'Emily Carter', en: 'Emily Carter' },
    note: { zh: '英文顾客 · 一笔订单运输中', en: 'English-speaking · an order in transit' },
  },
  {
    id: 'c006',
    name: { zh: 'James Wilson', en: 'James Wilson' },
    note: { zh: '英文顾客 · 包裹延误', en: 'English-speaking · a delayed parcel' },
  },
  {
    id: null,
    name: { zh: '访客', en: 'Guest' },
    note: { zh: '未登录，查订单需验证订单号和手机号', en: 'not signed in, verifies order number + phone' },
  },
]

export const shopStrings = {
  zh: {
    shopName: 'kefu 演示商城',
    tagline: '服饰 · 美妆 · 数码 · 家居，正品保障，极速发货',
    heroTitle: '今日好物，放心买',
    heroText: '7 天无理由退货 · 满 99 元包邮 · 智能客服 24 小时在线',
    demoTitle: '这是一个演示商城',
    demoText:
      '右下角的聊天气泡就是 kefu 客服组件，只用一个 <script> 标签嵌入。选一位演示顾客的身份聊天（他们名下有各种状态的订单），试试问：',
    demoTries: ['我的订单到哪了', '怎么申请退货', '蓝牙耳机连不上手机', '羽绒服 170cm 穿什么码', '转人工'],
    categories: {
      all: '全部',
      apparel: '服饰',
      shoes: '鞋靴',
      beauty: '美妆',
      electronics: '数码',
      home: '家居',
    } as Record<string, string>,
    chatAs: '聊天身份',
    inStock: '有货',
    lowStock: (n: number) => `仅剩 ${n} 件`,
    outOfStock: '缺货',
    loading: '正在加载商品…',
    empty: '这个分类暂时没有商品',
    loadFailed: '商品加载失败，请确认 kefu 服务已启动后刷新页面',
    askAbout: '问客服',
    askTemplate: (title: string) => `${title} 有货吗？`,
    embedTitle: '在您的网站嵌入',
    embedText: '把下面这一行放到任意页面，即可获得同样的客服组件：',
    footer: 'kefu · 开源、可自托管的电商智能客服',
    language: '语言',
  },
  en: {
    shopName: 'kefu Demo Shop',
    tagline: 'Apparel · Beauty · Electronics · Home, genuine goods, fast delivery',
    heroTitle: 'Good finds, shipped fast',
    heroText: '7-day no-questions returns · free shipping over ¥99 · AI customer service 24/7',
    demoTitle: 'This is a demo shop',
    demoText:
      'The chat bubble at the bottom right is the kefu widget, embedded with a single <script> tag. Pick a demo customer to chat as (their orders are in every state), then try asking:',
    demoTries: [
      'Where is my order?',
      'How do I return an item?',
      'My earbuds won’t pair',
      'What size down jacket for 170cm?',
      'Talk to a human',
    ],
    categories: {
      all: 'All',
      apparel: 'Apparel',
      shoes: 'Shoes',
      beauty: 'Beauty',
      electronics: 'Electronics',
      home: 'Home',
    },
    chatAs: 'Chat as',
    inStock: 'In stock',
    lowStock: (n: number) => `Only ${n} left`,
    outOfStock: 'Out of stock',
    loading: 'Loading products…',
    empty: 'No products in this category yet',
    loadFailed: 'Could not load products. Make sure the kefu server is running, then reload',
    askAbout: 'Ask',
    askTemplate: (title: string) => `Is ${title} in stock?`,
    embedTitle: 'Embed it on your site',
    embedText: 'Put this one line on any page to get the same chat widget:',
    footer: 'kefu · open-source, self-hostable AI customer service for e-commerce',
    language: 'Language',
  },
} satisfies Record<ShopLocale, unknown>

export type ShopStrings = (typeof shopStrings)['zh']
