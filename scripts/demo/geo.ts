/** Cities, districts and streets for demo addresses and tracking events (Chinese and English names). */

export type District = { zh: string; en: string; street: string; streetEn: string }
export type City = { zh: string; en: string; province: string; provinceEn: string; far: boolean; districts: District[] }

const d = (zh: string, en: string, street: string, streetEn: string): District => ({ zh, en, street, streetEn })

export const CITY_DATA: Record<string, City> = {
  上海: {
    zh: '上海',
    en: 'Shanghai',
    province: '上海市',
    provinceEn: 'Shanghai',
    far: false,
    districts: [
      d('浦东新区', 'Pudong New Area', '张杨路', 'Zhangyang Road'),
      d('徐汇区', 'Xuhui District', '漕溪北路', 'North Caoxi Road'),
      d('静安区', "Jing'an District", '南京西路', 'West Nanjing Road'),
      d('闵行区', 'Minhang District', '七莘路', 'Qixin Road'),
    ],
  },
  北京: {
    zh: '北京',
    en: 'Beijing',
    province: '北京市',
    provinceEn: 'Beijing',
    far: true,
    districts: [
      d('朝阳区', 'Chaoyang District', '建国路', 'Jianguo Road'),
      d('海淀区', 'Haidian District', '中关村大街', 'Zhongguancun Street'),
      d('东城区', 'Dongcheng District', '东直门内大街', 'Dongzhimen Inner Street'),
    ],
  },
  广州: {
    zh: '广州',
    en: 'Guangzhou',
    province: '广东省',
    provinceEn: 'Guangdong',
    far: false,
    districts: [
      d('天河区', 'Tianhe District', '天河路', 'Tianhe Road'),
      d('越秀区', 'Yuexiu District', '中山五路', 'Zhongshan 5th Road'),
      d('番禺区', 'Panyu District', '市桥街', 'Shiqiao Street'),
    ],
  },
  深圳: {
    zh: '深圳',
    en: 'Shenzhen',
    province: '广东省',
    provinceEn: 'Guangdong',
    far: false,
    districts: [
      d('南山区', 'Nanshan District', '科技南路', 'South Keji Road'),
      d('福田区', 'Futian District', '深南大道', 'Shennan Avenue'),
      d('宝安区', "Bao'an District", '新安六路', "Xin'an 6th Road"),
    ],
  },
  成都: {
    zh: '成都',
    en: 'Chengdu',
    province: '四川省',
    provinceEn: 'Sichuan',
    far: true,
    districts: [
      d('武侯区', 'Wuhou District', '天府大道', 'Tianfu Avenue'),
      d('锦江区', 'Jinjiang District', '春熙路', 'Chunxi Road'),
      d('高新区', 'Hi-Tech Zone', '益州大道', 'Yizhou Avenue'),
    ],
  },
  杭州: {
    zh: '杭州',
    en: 'Hangzhou',
    province: '浙江省',
    provinceEn: 'Zhejiang',
    far: false,
    districts: [
      d('西湖区', 'Xihu District', '文三路', 'Wensan Road'),
      d('余杭区', 'Yuhang District', '文一西路', 'West Wenyi Road'),
      d('滨江区', 'Binjiang District', '江南大道', 'Jiangnan Avenue'),
    ],
  },
  武汉: {
    zh: '武汉',
    en: 'Wuhan',
    province: '湖北省',
    provinceEn: 'Hubei',
    far: false,
    districts: [
      d('洪山区', 'Hongshan District', '珞喻路', 'Luoyu Road'),
      d('江汉区', 'Jianghan District', '解放大道', 'Jiefang Avenue'),
    ],
  },
  南京: {
    zh: '南京',
    en: 'Nanjing',
    province: '江苏省',
    provinceEn: 'Jiangsu',
    far: false,
    districts: [
      d('鼓楼区', 'Gulou District', '中山路', 'Zhongshan Road'),
      d('建邺区', 'Jianye District', '江东中路', 'Middle Jiangdong Road'),
    ],
  },
  西安: {
    zh: '西安',
    en: "Xi'an",
    province: '陕西省',
    provinceEn: 'Shaanxi',
    far: true,
    districts: [
      d('雁塔区', 'Yanta District', '小寨东路', 'East Xiaozhai Road'),
      d('碑林区', 'Beilin District', '南大街', 'South Street'),
    ],
  },
  重庆: {
    zh: '重庆',
    en: 'Chongqing',
    province: '重庆市',
    provinceEn: 'Chongqing',
    far: true,
    districts: [
      d('渝中区', 'Yuzhong District', '民族路', 'Minzu Road'),
      d('江北区', 'Jiangbei District', '建新北路', 'North Jianxin Road'),
    ],
  },
  天津: {
    zh: '天津',
    en: 'Tianjin',
    province: '天津市',
    provinceEn: 'Tianjin',
    far: true,
    districts: [
      d('和平区', 'Heping District', '南京路', 'Nanjing Road'),
      d('南开区', 'Nankai District', '鞍山西道', 'West Anshan Road'),
    ],
  },
  苏州: {
    zh: '苏州',
    en: 'Suzhou',
    province: '江苏省',
    provinceEn: 'Jiangsu',
    far: false,
    districts: [
      d('姑苏区', 'Gusu District', '人民路', 'Renmin Road'),
      d('工业园区', 'Suzhou Industrial Park', '星湖街', 'Xinghu Street'),
    ],
  },
  长沙: {
    zh: '长沙',
    en: 'Changsha',
    province: '湖南省',
    provinceEn: 'Hunan',
    far: false,
    districts: [
      d('岳麓区', 'Yuelu District', '麓山南路', 'South Lushan Road'),
      d('芙蓉区', 'Furong District', '五一大道', 'Wuyi Avenue'),
    ],
  },
  郑州: {
    zh: '郑州',
    en: 'Zhengzhou',
    province: '河南省',
    provinceEn: 'Henan',
    far: false,
    districts: [
      d('金水区', 'Jinshui District', '花园路', 'Huayuan Road'),
      d('二七区', 'Erqi District', '大学路', 'Daxue Road'),
    ],
  },
  青岛: {
    zh: '青岛',
    en: 'Qingdao',
    province: '山东省',
    provinceEn: 'Shandong',
    far: false,
    districts: [
      d('市南区', 'Shinan District', '香港中路', 'Middle Hong Kong Road'),
      d('崂山区', 'Laoshan District', '松岭路', 'Songling Road'),
    ],
  },
  沈阳: {
    zh: '沈阳',
    en: 'Shenyang',
    province: '辽宁省',
    provinceEn: 'Liaoning',
    far: true,
    districts: [
      d('和平区', 'Heping District', '青年大街', 'Qingnian Street'),
      d('浑南区', 'Hunnan District', '创新路', 'Chuangxin Road'),
    ],
  },
  哈尔滨: {
    zh: '哈尔滨',
    en: 'Harbin',
    province: '黑龙江省',
    provinceEn: 'Heilongjiang',
    far: true,
    districts: [
      d('南岗区', 'Nangang District', '西大直街', 'West Dazhi Street'),
      d('道里区', 'Daoli District', '中央大街', 'Central Street'),
    ],
  },
  昆明: {
    zh: '昆明',
    en: 'Kunming',
    province: '云南省',
    provinceEn: 'Yunnan',
    far: true,
    districts: [
      d('五华区', 'Wuhua District', '东风西路', 'West Dongfeng Road'),
      d('盘龙区', 'Panlong District', '北京路', 'Beijing Road'),
    ],
  },
  厦门: {
    zh: '厦门',
    en: 'Xiamen',
    province: '福建省',
    provinceEn: 'Fujian',
    far: false,
    districts: [
      d('思明区', 'Siming District', '湖滨南路', 'South Hubin Road'),
      d('湖里区', 'Huli District', '吕岭路', 'Lvling Road'),
    ],
  },
  合肥: {
    zh: '合肥',
    en: 'Hefei',
    province: '安徽省',
    provinceEn: 'Anhui',
    far: false,
    districts: [
      d('蜀山区', 'Shushan District', '长江西路', 'West Changjiang Road'),
      d('包河区', 'Baohe District', '徽州大道', 'Huizhou Avenue'),
    ],
  },
  东莞: {
    zh: '东莞',
    en: 'Dongguan',
    province: '广东省',
    provinceEn: 'Guangdong',
    far: false,
    districts: [d('松山湖', 'Songshan Lake', '工业北路', 'North Gongye Road')],
  },
}

/** Regional relay hubs used on long routes, by origin warehouse city. */
export const RELAY: Record<string, Record<string, string>> = {
  杭州: { 成都: '武汉', 重庆: '武汉', 西安: '郑州', 昆明: '长沙', 哈尔滨: '沈阳', 沈阳: '天津' },
  东莞: { 成都: '长沙', 重庆: '长沙', 西安: '武汉', 北京: '郑州', 天津: '郑州', 沈阳: '郑州', 哈尔滨: '沈阳' },
}
