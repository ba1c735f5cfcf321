/**
 * What customers ask about products, mapped to catalog attribute keys. A
 * concept matches when the question contains one of its phrases; its value is
 * read from every product attribute whose key matches `keys` (catalogs name the
 * same thing `battery`, `batteryHours`, `batteryLifeH` …).
 */
export type AttributeConcept = {
  id: string
  keys: RegExp
  zh: string[]
  en: string[]
  label: { zh: string; en: string }
  /** For comparisons without an explicit direction: is more better? */
  better?: 'higher' | 'lower'
  /** How a comparison names the winner: `续航更长` / `has the longer battery life`. */
  wins?: { zh: string; en: string }
}

export const ATTRIBUTE_CONCEPTS: AttributeConcept[] = [
  {
    id: 'downContent',
    keys: /down(content|percent|ratio)?$|含绒/i,
    zh: ['含绒量', '绒含量', '含绒', '鸭绒', '鹅绒', '绒子'],
    en: ['down content', 'down percentage', 'down ratio', 'duck down', 'goose down'],
    label: { zh: '含绒量', en: 'down content' },
    wins: { zh: '含绒量更高', en: 'has the higher down content' },
    better: 'higher',
  },
  {
    id: 'fill',
    keys: /fill(power|weight|grams?)?|充绒/i,
    zh: ['充绒量', '蓬松度', '充绒'],
    en: ['fill power', 'fill weight', 'fill'],
    label: { zh: '充绒量/蓬松度', en: 'fill' },
    wins: { zh: '充绒量更足', en: 'has more fill' },
    better: 'higher',
  },
  {
    id: 'material',
    keys: /material|fabric|lining|shell|composition/i,
    zh: ['材质', '面料', '材料', '布料', '什么料', '里料', '成分'],
    en: ['material', 'fabric', 'made of', 'lining'],
    label: { zh: '材质', en: 'material' },
  },
  {
    id: 'colours',
    keys: /colou?rs?$/i,
    zh: ['颜色', '配色', '色号', '什么色', '几种色', '哪些色'],
    en: ['colour', 'color', 'colours', 'colors'],
    label: { zh: '颜色', en: 'colours' },
  },
  {
    id: 'sizes',
    keys: /^sizes?$/i,
    zh: ['尺码', '码数', '哪些码', '几个码', '有什么码'],
    en: ['size', 'sizes'],
    label: { zh: '尺码', en: 'sizes' },
  },
  {
    id: 'battery',
    keys: /batter|endurance|playtime|runtime/i,
    zh: ['续航', '电池', '待机', '电量', '用多久', '能用多久', '充一次'],
    en: [
      'battery',
      'battery life',
      'last on a charge',
      'last longer',
      'lasts longer',
      'on one charge',
      'playtime',
      'runtime',
    ],
    label: { zh: '续航', en: 'battery life' },
    wins: { zh: '续航更长', en: 'has the longer battery life' },
    better: 'higher',
  },
  {
    id: 'wirelessCharging',
    keys: /wireless ?charg|qi$/i,
    zh: ['无线充电', '无线充'],
    en: ['wireless charging', 'wireless charge', 'qi charging'],
    label: { zh: '无线充电', en: 'wireless charging' },
  },
  {
    id: 'fastCharging',
    keys: /fast ?charg|charg(ing)?(power|watts?|w)$/i,
    zh: ['快充', '充电功率', '充电速度', '多少瓦'],
    en: ['fast charging', 'charging speed', 'charging power', 'watt'],
    label: { zh: '快充', en: 'fast charging' },
    wins: { zh: '充电更快', en: 'charges faster' },
    better: 'higher',
  },
  {
    id: 'waterproof',
    keys: /water|^ip\d|ipRating/i,
    zh: ['防水', '防泼水', '进水', '防尘'],
    en: ['waterproof', 'water resistant', 'water resistance', 'ip rating', 'ip68', 'ip67'],
    label: { zh: '防水', en: 'water resistance' },
  },
  {
    id: 'noiseCancelling',
    keys: /noise|^anc/i,
    zh: ['降噪', '主动降噪', '分贝'],
    en: ['noise cancelling', 'noise canceling', 'anc', 'noise cancellation', 'decibels'],
    label: { zh: '降噪', en: 'noise cancelling' },
  },
  {
    id: 'warranty',
    keys: /warrant|guarantee/i,
    zh: ['保修', '质保', '保修期', '保多久'],
    en: ['warranty', 'guarantee'],
    label: { zh: '保修', en: 'warranty' },
    wins: { zh: '保修更长', en: 'has the longer warranty' },
    better: 'higher',
  },
  {
    id: 'compatibility',
    keys: /compat|works ?with|fits?$|supportedDevices/i,
    zh: ['兼容', '适配', '适用于', '适用', '能配', '支持哪些手机', '能用在'],
    en: ['compatible', 'compatibility', 'work with', 'works with', 'fit'],
    label: { zh: '兼容性', en: 'compatibility' },
  },
  {
    id: 'weight',
    keys: /weight|^mass$/i,
    zh: ['重量', '多重', '重不重', '几斤', '多少克', '轻一点', '更轻', '哪个轻', '轻不轻', '多轻', '重一点', '哪个重'],
    en: ['weight', 'how heavy', 'weigh', 'lighter', 'heavier', 'how light'],
    label: { zh: '重量', en: 'weight' },
    wins: { zh: '更轻', en: 'is lighter' },
    better: 'lower',
  },
  {
    id: 'screen',
    keys: /screen|display/i,
    zh: ['屏幕', '屏', '显示屏'],
    en: ['screen', 'display'],
    label: { zh: '屏幕', en: 'screen' },
    wins: { zh: '屏幕更大', en: 'has the bigger screen' },
    better: 'higher',
  },
  {
    id: 'storage',
    keys: /storage|memory|ram|rom/i,
    zh: ['内存', '存储', '多大内存'],
    en: ['storage', 'memory', 'ram'],
    label: { zh: '存储', en: 'storage' },
    wins: { zh: '容量更大', en: 'has more storage' },
    better: 'higher',
  },
  {
    id: 'capacity',
    keys: /^capacity|^volume$|litres?$|liters?$/i,
    zh: ['容量', '几升', '多少升', '多少毫升', '多少ml', '净含量', '多大容量', '装多少'],
    en: ['capacity', 'how many litres', 'how many liters', 'how many ml'],
    label: { zh: '容量', en: 'capacity' },
    wins: { zh: '容量更大', en: 'holds more' },
    better: 'higher',
  },
  {
    id: 'power',
    keys: /^(power|output|rated)W$|wattage|^power$/i,
    zh: ['功率', '多少瓦', '几瓦', '瓦数', '多少w', '几w'],
    en: ['watts', 'wattage', 'how many watts', 'power rating', 'how powerful'],
    label: { zh: '功率', en: 'power' },
    wins: { zh: '功率更大', en: 'is more powerful' },
    better: 'higher',
  },
  {
    id: 'pressure',
    keys: /pressure/i,
    zh: ['压力', '泵压', '多少bar', '几bar', '气压'],
    en: ['pressure', 'bar', 'bars'],
    label: { zh: '压力', en: 'pressure' },
    better: 'higher',
  },
  {
    id: 'voltage',
    keys: /voltage|^volts?$/i,
    zh: ['电压', '多少伏', '220v', '110v'],
    en: ['voltage', 'volts', '110v', '220v'],
    label: { zh: '电压', en: 'voltage' },
  },
  {
    id: 'suction',
    keys: /suction/i,
    zh: ['吸力'],
    en: ['suction'],
    label: { zh: '吸力', en: 'suction' },
    wins: { zh: '吸力更大', en: 'has the stronger suction' },
    better: 'higher',
  },
  {
    id: 'coverage',
    keys: /^cadr$|roomM2|coverage|area/i,
    zh: ['适用面积', '多大面积', '几平', '多少平', 'cadr', '净化效率'],
    en: ['cadr', 'room size', 'square meters', 'square metres', 'how big a room', 'coverage'],
    label: { zh: '适用面积/CADR', en: 'room size / CADR' },
  },
  {
    id: 'chip',
    keys: /chip|processor|cpu|soc/i,
    zh: ['芯片', '处理器', 'cpu'],
    en: ['chip', 'processor', 'cpu'],
    label: { zh: '芯片', en: 'chip' },
  },
  {
    id: 'camera',
    keys: /camera|megapixel|mp$/i,
    zh: ['摄像头', '像素', '拍照', '相机'],
    en: ['camera', 'megapixel'],
    label: { zh: '摄像头', en: 'camera' },
    wins: { zh: '像素更高', en: 'has the higher-resolution camera' },
    better: 'higher',
  },
  {
    id: 'network',
    keys: /^network$|^cellular$/i,
    zh: ['5g', '4g', '网络制式', '几g', '全网通'],
    en: ['5g', '4g', 'network', 'cellular'],
    label: { zh: '网络', en: 'network' },
  },
  {
    id: 'bluetooth',
    keys: /bluetooth|^bt$/i,
    zh: ['蓝牙'],
    en: ['bluetooth'],
    label: { zh: '蓝牙', en: 'Bluetooth' },
  },
  {
    id: 'origin',
    keys: /origin|madeIn/i,
    zh: ['产地', '哪里产', '哪里生产'],
    en: ['made in', 'origin'],
    label: { zh: '产地', en: 'origin' },
  },
  {
    id: 'washing',
    keys: /wash|care/i,
    zh: ['洗涤', '清洗', '机洗', '水洗', '干洗', '怎么洗'],
    en: ['wash', 'washing', 'machine wash', 'dry clean', 'care'],
    label: { zh: '洗涤方式', en: 'care' },
  },
  {
    id: 'thickness',
    keys: /thick|warmth|temperature|comfortRange/i,
    zh: ['厚度', '厚不厚', '保暖', '多少度', '温度', '零下', '穿够', '够不够暖', '冷不冷', '扛冻', '抗寒'],
    en: ['thick', 'warm', 'warmth', 'temperature', 'warm enough', 'below zero', 'below freezing', 'cold enough'],
    label: { zh: '保暖/厚度', en: 'warmth' },
  },
  {
    id: 'length',
    keys: /length|^fit$|style$/i,
    zh: ['长款', '短款', '长度', '版型'],
    en: ['length', 'cropped', 'long coat', 'short coat'],
    label: { zh: '版型/长度', en: 'length/fit' },
  },
]

/**
 * Concepts that answer for one another when a product lists only one of them: "充电器多少瓦" asks the charger's
 * output (power), "手机充电多少瓦" its charging speed; "容量" is litres for a cooker, gigabytes for a phone.
 */
export const SIBLING_CONCEPTS: Array<[string, string]> = [
  ['power', 'fastCharging'],
  ['capacity', 'storage'],
]

/** Concepts answered from the product record itself rather than `attributes`. */
export const BUILTIN_CONCEPTS = {
  price: {
    zh: ['价格', '多少钱', '价钱', '售价', '几块', '贵不贵', '便宜', '贵', '优惠', '打折', '折扣'],
    en: ['price', 'cost', 'how much', 'cheap', 'cheaper', 'expensive', 'discount'],
  },
  stock: {
    zh: ['库存', '有货', '有没有货', '现货', '缺货', '断货', '还有吗', '还有没有', '卖完'],
    en: ['in stock', 'stock', 'available', 'availability', 'sold out'],
  },
  sizeChart: {
    zh: ['尺码表', '尺码对照', '尺寸表', '选码', '穿什么码', '选多大'],
    en: ['size chart', 'size guide', 'what size', 'which size'],
  },
  related: {
    zh: ['类似', '相似', '同款', '替代', '推荐', '别的款', '其他款', '配套', '搭配'],
    en: ['similar', 'alternative', 'alternatives', 'related', 'recommend', 'something like'],
  },
} as const

/** Comparison cues: "哪个续航更长", "X2 和 X2 Pro 的区别", "which is better", "X2 vs X2 Pro". */
export const COMPARE_CUES = {
  zh: ['哪个', '哪款', '哪一个', '哪一款', '还是', '区别', '对比', '比较', '相比', '差别', '不同'],
  en: ['which', 'compare', 'comparison', ' vs', 'versus', 'difference', 'better', ' than'],
}

/** Direction words: "更长/更久/更大" → higher wins; "更轻/更便宜" → lower wins. */
export const DIRECTION_CUES = {
  higher: [
    '更长',
    '更久',
    '更大',
    '更多',
    '更高',
    '更强',
    '更好',
    '更暖',
    '耐用',
    'longer',
    'more',
    'bigger',
    'larger',
    'higher',
    'stronger',
    'warmer',
    'better',
  ],
  lower: ['更轻', '更便宜', '更小', '更少', '便宜', '更低', 'lighter', 'cheaper', 'smaller', 'less', 'lower'],
}
