/** UI strings of the widget, in the customer's language. */
export type Locale = 'zh' | 'en'

const zh = {
  title: '在线客服',
  subtitle: '智能助手 · 7×24 小时在线',
  open: '打开在线客服',
  close: '关闭聊天窗口',
  minimize: '收起',
  messages: '聊天记录',
  quickReplies: '快捷回复',
  input: '输入您的问题',
  placeholder: '请输入您的问题，Enter 发送，Shift+Enter 换行',
  placeholderShort: '请输入您的问题…',
  send: '发送',
  typing: '客服正在输入…',
  welcome: '您好！我是智能客服，可以帮您查订单、查物流、办理退换货、解答商品问题。有什么可以帮您？',
  suggestions: ['我的订单到哪了', '怎么申请退货', '转人工'],
  handoffWaiting: '已为您转接人工客服，请稍候',
  handoffJoined: '人工客服已接入',
  agent: '人工客服',
  bot: '智能客服',
  you: '我',
  connectionLost: '连接已断开，正在重新连接…',
  offline: '网络已断开，请检查网络连接',
  sendFailed: '发送失败',
  retry: '重试',
  tooLong: '消息过长，最多 4000 个字',
  errorGeneric: '服务暂时不可用，请稍后再试',
  rateLimited: '发送太频繁了，请稍后再试',
  closed: '本次会话已结束，发送新消息将开始新的会话',
  unread: (n: number) => `${n} 条未读消息`,
  chars: (n: number, max: number) => `${n}/${max}`,
  order: '订单',
  orderStatus: {
    pending_payment: '待付款',
    paid: '已付款',
    shipped: '已发货',
    delivered: '已签收',
    completed: '已完成',
    cancelled: '已取消',
    refunding: '退款中',
    refunded: '已退款',
  } as Record<string, string>,
  total: '合计',
  tracking: '物流',
  eta: '预计送达',
  inStock: '有货',
  outOfStock: '缺货',
  ticket: '工单',
  returnRequest: '退货申请',
  poweredBy: '由 kefu 提供支持',
}

export type Strings = typeof zh

const en: Strings = {
  title: 'Customer service',
  subtitle: 'AI assistant · online 24/7',
  open: 'Open customer service chat',
  close: 'Close chat',
  minimize: 'Minimize',
  messages: 'Conversation',
  quickReplies: 'Quick replies',
  input: 'Type your question',
  placeholder: 'Type your question. Enter to send, Shift+Enter for a new line',
  placeholderShort: 'Type your question…',
  send: 'Send',
  typing: 'Assistant is typing…',
  welcome:
    'Hi! I am the shop assistant. I can track orders and parcels, start returns and answer product questions. How can I help?',
  suggestions: ['Where is my order?', 'How do I return an item?', 'Talk to a human'],
  handoffWaiting: 'Connecting you to a human agent',
  handoffJoined: 'A human agent has joined',
  agent: 'Human agent',
  bot: 'Assistant',
  you: 'You',
  connectionLost: 'Connection lost. Reconnecting…',
  offline: 'You are offline. Check your connection',
  sendFailed: 'Not sent',
  retry: 'Retry',
  tooLong: 'Message too long (4,000 characters max)',
  errorGeneric: 'The service is unavailable right now. Please try again later',
  rateLimited: 'Too many messages. Please wait a moment',
  closed: 'This conversation has ended. Sending a message starts a new one',
  unread: (n: number) => `${n} unread message${n === 1 ? '' : 's'}`,
  chars: (n: number, max: number) => `${n.toLocaleString('en')}/${max.toLocaleString('en')}`,
  order: 'Order',
  orderStatus: {
    pending_payment: 'Awaiting payment',
    paid: 'Paid',
    shipped: 'Shipped',
    delivered: 'Delivered',
    completed: 'Completed',
    cancelled: 'Cancelled',
    refunding: 'Refund in progress',
    refunded: 'Refunded',
  },
  total: 'Total',
  tracking: 'Tracking',
  eta: 'ETA',
  inStock: 'In stock',
  outOfStock: 'Out of stock',
  ticket: 'Ticket',
  returnRequest: 'Return request',
  poweredBy: 'Powered by kefu',
}

/** Strings for a locale. */
export function stringsFor(locale: Locale): Strings {
  return locale === 'zh' ? zh : en
}

/**
 * Normalises a locale hint (`zh-CN`, `en_US`, `ZH`) to a supported locale, or null when it names neither.
 */
export function parseLocale(value: string | null | undefined): Locale | null {
  if (!value) return null
  const lang = value.trim().toLowerCase().slice(0, 2)
  if (lang === 'zh') return 'zh'
  if (lang === 'en') return 'en'
  return null
}
