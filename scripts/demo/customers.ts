/** Demo customers: ten hand-written personas (c001–c010) plus generated regulars. */
import type { Customer } from '../../src/core/domain/schemas.js'
import { makeRandom } from './lib.js'

type Person = {
  id: string
  name: string
  pinyin: string
  locale: 'zh' | 'en'
  gender: 'female' | 'male'
  phone?: string
  tier?: Customer['tier']
  heightCm?: number
  weightKg?: number
  interests?: string[]
  city?: string
  noProfile?: boolean
}

/** Personas the demo script refers to by id; see docs/demo-shop.md. */
export const PERSONAS: Person[] = [
  {
    id: 'c001',
    name: '张伟',
    pinyin: 'zhangwei',
    locale: 'zh',
    gender: 'male',
    phone: '13812345678',
    tier: 'gold',
    heightCm: 176,
    weightKg: 70,
    interests: ['户外', '数码'],
    city: '上海',
  },
  {
    id: 'c002',
    name: '王芳',
    pinyin: 'wangfang',
    locale: 'zh',
    gender: 'female',
    phone: '13987654321',
    tier: 'platinum',
    heightCm: 163,
    weightKg: 52,
    interests: ['护肤', '连衣裙', '家居'],
    city: '北京',
  },
  {
    id: 'c003',
    name: 'Emily Carter',
    pinyin: 'emily.carter',
    locale: 'en',
    gender: 'female',
    phone: '+44 7700 900123',
    tier: 'silver',
    heightCm: 168,
    weightKg: 58,
    interests: ['running', 'skincare'],
    city: '上海',
  },
  {
    id: 'c004',
    name: '李娜',
    pinyin: 'lina',
    locale: 'zh',
    gender: 'female',
    phone: '15011112222',
    tier: 'silver',
    heightCm: 158,
    weightKg: 47,
    interests: ['护肤', '彩妆'],
    city: '成都',
  },
  {
    id: 'c005',
    name: '刘洋',
    pinyin: 'liuyang',
    locale: 'zh',
    gender: 'male',
    phone: '18600001234',
    tier: 'regular',
    heightCm: 182,
    weightKg: 80,
    interests: ['数码', '跑步'],
    city: '广州',
  },
  {
    id: 'c006',
    name: 'James Wilson',
    pinyin: 'james.wilson',
    locale: 'en',
    gender: 'male',
    phone: '+1 415 555 0134',
    tier: 'gold',
    heightCm: 185,
    weightKg: 84,
    interests: ['outdoor', 'gadgets'],
    city: '北京',
  },
  {
    id: 'c007',
    name: '陈静',
    pinyin: 'chenjing',
    locale: 'zh',
    gender: 'female',
    phone: '13566778899',
    tier: 'gold',
    heightCm: 165,
    weightKg: 55,
    interests: ['数码', '咖啡'],
    city: '杭州',
  },
  {
    id: 'c008',
    name: 'Oliver Brown',
    pinyin: 'oliver.brown',
    locale: 'en',
    gender: 'male',
    phone: '+44 7700 900456',
    tier: 'regular',
    heightCm: 178,
    weightKg: 75,
    interests: ['home', 'coffee'],
    city: '深圳',
  },
  {
    id: 'c009',
    name: '杨帆',
    pinyin: 'yangfan',
    locale: 'zh',
    gender: 'male',
    phone: '17722334455',
    tier: 'vip',
    heightCm: 172,
    weightKg: 66,
    interests: ['数码', '运动'],
    city: '南京',
  },
  {
    id: 'c010',
    name: 'Sophie Turner',
    pinyin: 'sophie.turner',
    locale: 'en',
    gender: 'female',
    phone: '13661234567',
    tier: 'platinum',
    heightCm: 170,
    weightKg: 60,
    interests: ['gadgets', 'fashion'],
    city: '上海',
  },
]

export const ZH_NAMES: [string, string, 'female' | 'male'][] = [
  ['黄磊', 'huanglei', 'male'],
  ['周婷', 'zhouting', 'female'],
  ['吴昊', 'wuhao', 'male'],
  ['徐丽', 'xuli', 'female'],
  ['孙浩', 'sunhao', 'male'],
  ['胡雪', 'huxue', 'female'],
  ['朱琳', 'zhulin', 'female'],
  ['高翔', 'gaoxiang', 'male'],
  ['林晓', 'linxiao', 'female'],
  ['何佳', 'hejia', 'female'],
  ['郭强', 'guoqiang', 'male'],
  ['马丽', 'mali', 'female'],
  ['罗杰', 'luojie', 'male'],
  ['梁晨', 'liangchen', 'male'],
  ['宋雨', 'songyu', 'female'],
  ['郑凯', 'zhengkai', 'male'],
  ['谢婷婷', 'xietingting', 'female'],
  ['韩梅', 'hanmei', 'female'],
  ['唐宇', 'tangyu', 'male'],
  ['冯瑶', 'fengyao', 'female'],
  ['于洋', 'yuyang', 'male'],
  ['董欣', 'dongxin', 'female'],
  ['萧然', 'xiaoran', 'male'],
  ['程诚', 'chengcheng', 'male'],
  ['曹阳', 'caoyang', 'male'],
  ['袁媛', 'yuanyuan', 'female'],
  ['邓超然', 'dengchaoran', 'male'],
  ['许诺', 'xunuo', 'female'],
  ['傅琪', 'fuqi', 'female'],
  ['沈佳怡', 'shenjiayi', 'female'],
  ['曾凡', 'zengfan', 'male'],
  ['彭博', 'pengbo', 'male'],
  ['吕思远', 'lvsiyuan', 'male'],
  ['苏晴', 'suqing', 'female'],
  ['卢明', 'luming', 'male'],
  ['蒋欣然', 'jiangxinran', 'female'],
  ['蔡文', 'caiwen', 'male'],
  ['贾鹏', 'jiapeng', 'male'],
  ['丁一', 'dingyi', 'female'],
  ['魏来', 'weilai', 'male'],
  ['薛凯', 'xuekai', 'male'],
  ['叶子', 'yezi', 'female'],
]

export const EN_NAMES: [string, 'female' | 'male'][] = [
  ['Grace Miller', 'female'],
  ['Lucas Martin', 'male'],
  ['Chloe Davis', 'female'],
  ['Ethan Clark', 'male'],
  ['Mia Thompson', 'female'],
  ["Ryan O'Connor", 'male'],
  ['Ava Johnson', 'female'],
  ['Noah Walker', 'male'],
  ['Hannah Lee', 'female'],
  ['Daniel Smith', 'male'],
  ['Isabella Garcia', 'female'],
  ['Liam Murphy', 'male'],
]

export const ZH_INTERESTS = [
  '户外',
  '数码',
  '护肤',
  '彩妆',
  '跑步',
  '家居',
  '咖啡',
  '连衣裙',
  '运动',
  '香水',
  '厨房',
  '母婴',
]
export const EN_INTERESTS = [
  'outdoor',
  'gadgets',
  'skincare',
  'running',
  'home',
  'coffee',
  'fashion',
  'fragrance',
  'cooking',
]
export const CITIES = [
  '上海',
  '北京',
  '广州',
  '深圳',
  '成都',
  '杭州',
  '武汉',
  '南京',
  '西安',
  '重庆',
  '天津',
  '苏州',
  '长沙',
  '郑州',
  '青岛',
  '沈阳',
  '哈尔滨',
  '昆明',
  '厦门',
  '合肥',
]
export const ZH_PREFIXES = [
  '138',
  '139',
  '136',
  '135',
  '150',
  '151',
  '158',
  '159',
  '186',
  '187',
  '188',
  '131',
  '155',
  '177',
  '180',
  '189',
  '199',
]
export const TIERS: Customer['tier'][] = [
  'regular',
  'regular',
  'regular',
  'regular',
  'silver',
  'silver',
  'silver',
  'gold',
  'gold',
  'platinum',
  'vip',
]

/** A customer plus the city the order generator ships to. */
export type DemoCustomer = Customer & { city: string }

/** Builds all demo customers deterministically. */
export function buildCustomers(): DemoCustomer[] {
  const rnd = makeRandom(20261126)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!
  const people: Person[] = [...PERSONAS]
  let n = PERSONAS.length
  const next = () => `c${String(++n).padStart(3, '0')}`
  // Interleave languages so both appear throughout the id range.
  const zh = [...ZH_NAMES]
  const en = [...EN_NAMES]
  while (zh.length || en.length) {
    for (let k = 0; k < 3 && zh.length; k++) {
      const [name, pinyin, gender] = zh.shift()!
      people.push({ id: next(), name, pinyin, locale: 'zh', gender, noProfile: rnd() < 0.12 })
    }
    if (en.length) {
      const [name, gender] = en.shift()!
      people.push({
        id: next(),
        name,
        pinyin: name
          .toLowerCase()
          .replace(/[^a-z ]/g, '')
          .replace(' ', '.'),
        locale: 'en',
        gender,
        noProfile: rnd() < 0.12,
      })
    }
  }
  return people.map((p) => {
    const male = p.gender === 'male'
    const heightCm = p.heightCm ?? Math.round(male ? 166 + rnd() * 22 : 152 + rnd() * 20)
    const bmi = 18.5 + rnd() * 6.5
    const weightKg = p.weightKg ?? Math.round(bmi * (heightCm / 100) ** 2)
    const pool = p.locale === 'zh' ? ZH_INTERESTS : EN_INTERESTS
    const interests = p.interests ?? [...new Set([pick(pool), pick(pool)])]
    const phone = p.phone ?? makePhone(p.locale, rnd, pick)
    const c: DemoCustomer = {
      id: p.id,
      name: p.name,
      phone,
      tier: p.tier ?? pick(TIERS),
      locale: p.locale,
      city: p.city ?? pick(CITIES),
    }
    if (rnd() < 0.6 || p.id <= 'c010')
      c.email = `${p.pinyin}${p.locale === 'zh' ? Math.floor(rnd() * 90 + 10) : ''}@example.com`
    if (!p.noProfile) c.profile = { heightCm, weightKg, gender: p.gender, interests }
    return c
  })
}

function makePhone(locale: 'zh' | 'en', rnd: () => number, pick: <T>(xs: readonly T[]) => T): string {
  const digits = (k: number) => Array.from({ length: k }, () => Math.floor(rnd() * 10)).join('')
  if (locale === 'en') {
    const r = rnd()
    // Ofcom and NANP reserve these ranges for fiction, so no real subscriber is listed.
    if (r < 0.35) return `+44 7700 900${digits(3)}`
    if (r < 0.65) return `+1 ${pick(['212', '415', '646', '206'])} 555 01${digits(2)}`
  }
  return `${pick(ZH_PREFIXES)}${digits(8)}`
}
