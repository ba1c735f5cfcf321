/**
 * The demo shop's FAQ, hand-written in Chinese and English. Entry N in each language covers the
 * same topic (faq-zh-N ↔ faq-en-N) and states the same policy (docs/demo-shop.md). The `similar`
 * lists are deliberately varied: colloquial, terse, sometimes misspelt, as customers type.
 */

type Side = [question: string, answer: string, similar: string[]]
type Topic = { category: string; zh: Side; en: Side }

const t = (category: string, zh: Side, en: Side): Topic => ({ category, zh, en })

const TOPICS: Topic[] = [
  // ---------------------------------------------------------------- shipping
  t(
    'shipping',
    [
      '买多少钱包邮？',
      '订单实付满99元包邮（港澳及新疆、西藏、青海除外）；不满99元收取8元运费。实付金额以使用优惠券后的金额为准。',
      ['满多少包邮', '运费怎么算', '包邮吗', '不满99要运费吗', '邮费多少钱'],
    ],
    [
      'Is shipping free?',
      'Shipping is free when the amount you pay is ¥99 or more (after coupons); below ¥99 it costs ¥8. Hong Kong, Macau, Xinjiang, Tibet and Qinghai have their own rates.',
      [
        'free shipping threshold',
        'how much is delivery',
        'do I pay for shipping',
        'whats the shipping fee',
        'minimum order for free delivery',
      ],
    ],
  ),
  t(
    'shipping',
    [
      '付款后多久发货？',
      '16:00前付款的订单当天发货，16:00后付款的次日发货，最迟48小时内发出（预售商品以商品页写明的时间为准；大促期间最迟72小时）。',
      ['什么时候发货', '下单后几天发货', '多久能发出', '怎么还不发货啊', '今天能发吗'],
    ],
    [
      'How soon do you ship after I pay?',
      'Orders paid before 16:00 ship the same day; later orders ship the next day, and every order leaves within 48 hours (72 hours during big sales; pre-sale items ship on the date shown on the product page).',
      [
        'when will my order be dispatched',
        'dispatch time',
        'how long until you send it out',
        'why hasnt it shipped yet',
        'can it ship today',
      ],
    ],
  ),
  t(
    'shipping',
    [
      '发货后几天能到？',
      '江浙沪1-2天，其他大部分城市2-4天，偏远地区5-7天。服饰美妆家居从杭州仓发出，数码产品从东莞仓发出，具体以物流信息为准。',
      ['快递几天到', '配送要多久', '到北京要几天', '多久能收到货', '物流时效'],
    ],
    [
      'How long does delivery take?',
      'Once shipped: 1-2 days within Jiangsu, Zhejiang and Shanghai, 2-4 days to most other cities and 5-7 days to remote areas. Clothing, beauty and home items ship from Hangzhou; electronics ship from Dongguan.',
      [
        'delivery time',
        'how many days to arrive',
        'when will i receive it',
        'how long to beijing',
        'shipping takes how long',
      ],
    ],
  ),
  t(
    'shipping',
    [
      '用的是什么快递？可以指定顺丰吗？',
      '数码产品和实付满500元的订单默认顺丰速运，大家电走京东物流，其他订单由中通或圆通配送。其他订单如需顺丰，可在结算页加购“顺丰升级”（10元）；铂金及黑钻会员免费升级顺丰。',
      ['发什么快递', '能发顺丰吗', '指定快递', '可以换快递吗', '走哪家快递'],
    ],
    [
      'Which courier do you use? Can I choose SF Express?',
      'Electronics and orders of ¥500 or more go by SF Express, large appliances by JD Logistics, and everything else by ZTO or YTO. You can add an SF upgrade at checkout for ¥10; Platinum and VIP members get it free.',
      [
        'what courier',
        'can you send it by SF',
        'choose delivery company',
        'which express company',
        'can i pick the carrier',
      ],
    ],
  ),
  t(
    'shipping',
    [
      '新疆西藏能发货吗？运费多少？',
      '可以发货。新疆、西藏、青海地区每单加收15元偏远运费（满99元包邮后仍需支付这15元），时效约5-7天。',
      ['偏远地区包邮吗', '新疆运费', '西藏能寄吗', '青海发货吗'],
    ],
    [
      'Do you deliver to Xinjiang and Tibet?',
      'Yes. Xinjiang, Tibet and Qinghai carry a ¥15 remote-area surcharge per order, even when the order otherwise ships free; delivery takes about 5-7 days.',
      ['remote area shipping', 'shipping to xinjiang', 'can you send to tibet', 'extra fee for qinghai'],
    ],
  ),
  t(
    'shipping',
    [
      '能寄到香港、澳门或者国外吗？',
      '香港、澳门可以寄，统一顺丰速运，运费30元，时效3-5个工作日，可能产生的进口关税由收件人承担。台湾地区和海外暂不支持配送。',
      ['发香港吗', '海外能寄吗', '国外包邮吗', '寄澳门运费', '能发美国吗'],
    ],
    [
      'Do you ship to Hong Kong, Macau or abroad?',
      'We ship to Hong Kong and Macau by SF Express for a flat ¥30, arriving in 3-5 business days; any import duties are paid by the recipient. We do not ship to Taiwan or overseas yet.',
      [
        'international shipping',
        'ship to hong kong',
        'do you deliver overseas',
        'can you send to the UK',
        'shipping outside china',
      ],
    ],
  ),
  t(
    'shipping',
    [
      '下单后可以改收货地址吗？',
      '发货前可以：在订单详情点“修改地址”，或告诉客服新地址，确认后立即生效。已发货的订单地址不能直接修改，我们可以帮您联系快递尝试转寄，但不保证成功，转寄费用以快递公司为准。',
      ['地址填错了', '怎么改地址', '换个收货地址', '改电话号码', '收件人写错了'],
    ],
    [
      'Can I change my delivery address?',
      'Yes, before the order ships: use "Change address" in the order details or send the new address to support. Once shipped, the address cannot be changed here; we can ask the courier to redirect it, but that is not guaranteed and the courier may charge for it.',
      [
        'wrong address',
        'update shipping address',
        'i typed the wrong adress',
        'change the phone number on my order',
        'edit recipient',
      ],
    ],
  ),
  t(
    'shipping',
    [
      '物流信息好几天没更新怎么办？',
      '物流超过48小时没有更新，请把订单号发给客服，我们会在24小时内向快递公司核实并回复您。若快递确认丢失，我们会为您补发或全额退款。',
      ['物流不动了', '快递卡住了', '一直显示运输中', '物流停了三天', '快递怎么不走了'],
    ],
    [
      'My tracking has not updated for days. What should I do?',
      'If tracking has not moved for more than 48 hours, send us your order number. We will check with the courier and reply within 24 hours; if the parcel is confirmed lost we reship it or refund you in full.',
      [
        'tracking stuck',
        'parcel not moving',
        'no tracking update',
        'package stuck in transit for 3 days',
        'tracking hasnt changed',
      ],
    ],
  ),
  t(
    'shipping',
    [
      '快递丢了或者外包装破损怎么办？',
      '签收时请当面检查外包装，破损严重可以直接拒收。快件丢失或商品在运输中损坏，请在签收后48小时内联系客服并提供照片，我们核实后为您补发或全额退款，运费由我们承担。',
      ['包裹丢了', '快递摔坏了', '收到的东西压坏了', '外箱破了', '快递丢件'],
    ],
    [
      'My parcel was lost or arrived damaged.',
      'Please check the box when it is delivered and refuse it if it is badly damaged. For a lost parcel or goods damaged in transit, contact us within 48 hours of delivery with photos; after checking we reship or refund you in full, and we pay the shipping.',
      ['package lost', 'box arrived crushed', 'item broken in delivery', 'damaged parcel', 'courier lost my order'],
    ],
  ),
  t(
    'shipping',
    [
      '为什么只收到一部分商品？',
      '同一订单里的商品可能从不同仓库发出（服饰美妆家居在杭州仓，数码在东莞仓），会分成多个包裹，请在订单详情查看每个包裹的物流。若所有包裹都已签收仍缺件，请联系客服。',
      ['少收了一件', '分开发货了吗', '只到了一个包裹', '东西没到齐', '拆单了吗'],
    ],
    [
      'Why did I only receive part of my order?',
      'Items in one order can ship from different warehouses (clothing, beauty and home from Hangzhou, electronics from Dongguan), so they may arrive in separate parcels. Each parcel has its own tracking in the order details. If everything shows delivered and something is still missing, contact us.',
      [
        'only got one package',
        'split shipment',
        'rest of my order missing',
        'received half the items',
        'items arrived separately',
      ],
    ],
  ),
  t(
    'shipping',
    [
      '显示已签收但我没收到货？',
      '请先看看快递柜、驿站、门卫或前台，物流信息里通常写了放在哪里。仍然找不到的话，请在签收后48小时内联系客服，我们会联系快递员核实；确认未妥投的，为您补发或退款。',
      ['没收到却显示签收', '快递说送到了但是没有', '被别人签收了', '显示已签收 找不到包裹'],
    ],
    [
      'Tracking says delivered but I never got it.',
      'First check the parcel locker, pickup point, doorman or reception; the tracking usually says where it was left. If you still cannot find it, contact us within 48 hours and we will check with the courier; if it was not delivered to you we reship or refund.',
      [
        'marked as delivered but not received',
        'package says delivered, where is it',
        'didnt get my parcel but status delivered',
        'someone else signed for it',
      ],
    ],
  ),
  t(
    'shipping',
    [
      '预售商品什么时候发货？',
      '预售商品按商品页标注的发货时间发出，通常是付尾款后3-15天。预售订单付定金后不能取消定金（商家原因缺货除外），同一订单的现货商品会与预售商品一起发出。',
      ['预售多久发', '定金能退吗', '预售的啥时候到', '付了尾款什么时候发货'],
    ],
    [
      'When do pre-sale items ship?',
      'Pre-sale items ship on the date shown on the product page, usually 3-15 days after the final payment. Deposits are not refundable unless we cannot supply the item, and in-stock items in the same order ship together with the pre-sale item.',
      [
        'presale shipping date',
        'is the deposit refundable',
        'pre order when will it ship',
        'final payment paid, when do you send',
      ],
    ],
  ),
  // ---------------------------------------------------------------- returns
  t(
    'returns',
    [
      '支持7天无理由退货吗？',
      '支持。签收次日起7天内，商品未使用、吊牌和包装完好、配件赠品齐全，即可申请无理由退货。拆封的化妆品护肤品香水、贴身衣物、定制商品和已激活的数码产品除外。',
      ['七天无理由', '不想要了能退吗', '可以退货吗', '7天能退吗', '退货期限多久'],
    ],
    [
      'Do you offer 7-day no-reason returns?',
      'Yes. Within 7 days from the day after delivery you can return an item for any reason if it is unused, with tags and packaging intact and all accessories and gifts included. Exceptions: opened cosmetics, skincare and perfume, underwear, customised items and activated electronics.',
      [
        'return policy',
        'can i return it if i dont want it',
        '7 day return',
        'how long do i have to return',
        'no questions asked return',
      ],
    ],
  ),
  t(
    'returns',
    [
      '哪些商品不支持无理由退货？',
      '以下商品无质量问题时不支持无理由退货：已拆封或试用的化妆品、护肤品、香水；内衣、袜子、泳衣等贴身衣物；刻字等定制商品；已激活的手机、电脑、手表等数码产品。有质量问题的仍可退换。',
      ['什么不能退', '不能退货的商品', '哪些不支持七天无理由', '定制的能退吗'],
    ],
    [
      'Which items cannot be returned without a reason?',
      'Unless faulty, these cannot be returned without a reason: opened or tried cosmetics, skincare and perfume; underwear, socks and swimwear; customised items such as engraved products; and activated phones, laptops and watches. Faulty items can always be returned or exchanged.',
      [
        'non returnable items',
        'what cant be returned',
        'can i return engraved items',
        'exceptions to the return policy',
      ],
    ],
  ),
  t(
    'returns',
    [
      '化妆品拆封了还能退吗？',
      '护肤品、彩妆和香水一旦拆封（包括撕开塑封、按压过泵头）就不支持无理由退货；未拆封、塑封完好的可以7天无理由退。如使用后出现过敏等问题，请保留商品并联系客服处理。',
      ['口红拆开了能退吗', '面霜用了一次可以退吗', '香水拆了塑封还能退吗', '护肤品开封退货'],
    ],
    [
      'Can I return cosmetics after opening them?',
      'Skincare, makeup and perfume cannot be returned without a reason once opened (including removing the seal or pressing the pump). Sealed, unopened items can be returned within 7 days. If a product caused a reaction, keep it and contact us.',
      [
        'opened lipstick return',
        'used the cream once can i return',
        'return perfume after unsealing',
        'return opened skincare',
      ],
    ],
  ),
  t(
    'returns',
    [
      '怎么申请退货？',
      '在“我的订单”找到该订单，点“申请售后”，选择“退货退款”和原因并提交；审核通过后（一般24小时内）按页面提供的退货地址在7天内寄回，并填写退货单号。仓库签收后48小时内完成验货并退款。',
      ['退货流程', '怎么退', '退货怎么操作', '在哪里申请退货', '退贷怎么弄'],
    ],
    [
      'How do I return an item?',
      'Open the order in "My orders", tap "After-sales", choose "Return and refund" with a reason and submit. Once approved (usually within 24 hours), send the item to the return address shown within 7 days and enter the return tracking number. We inspect it within 48 hours of arrival and then refund you.',
      ['how to return', 'return process', 'start a return', 'where do i request a return', 'how do i send it back'],
    ],
  ),
  t(
    'returns',
    [
      '退货运费谁出？',
      '质量问题、错发漏发的退货运费由我们承担（先行垫付，最高补偿20元）。无理由退货的运费由您承担；金卡及以上会员享受免费上门取件。请不要使用到付，到付件仓库会拒收。',
      ['退货邮费谁付', '退回去要自己付运费吗', '有运费险吗', '退货可以到付吗'],
    ],
    [
      'Who pays for return shipping?',
      'We pay for returns of faulty or wrongly sent items (pay first, we reimburse up to ¥20). For no-reason returns you pay the shipping, except Gold members and above, who get a free pickup. Please do not send returns cash-on-delivery: the warehouse refuses them.',
      ['return postage', 'do i pay to send it back', 'free returns?', 'can i send the return collect'],
    ],
  ),
  t(
    'returns',
    [
      '衣服鞋子尺码不合适可以换吗？',
      '可以。签收后7天内，商品未穿着、吊牌完好，每件可免费换一次尺码或颜色，新商品的寄出运费由我们承担，寄回运费由您承担（金卡及以上免费上门取件）。想换的尺码缺货时可以改为退货退款。',
      ['换尺码', '大了能换小一码吗', '换个颜色', '鞋子小了可以换吗', '尺码不对怎么换'],
    ],
    [
      'Can I exchange clothes or shoes for another size?',
      'Yes. Within 7 days of delivery, unworn with tags on, each item can be exchanged once for another size or colour. We pay to send the new one; you pay to send yours back (free pickup for Gold and above). If the size you want is sold out, you can return it for a refund instead.',
      [
        'exchange size',
        'swap for a smaller size',
        'change colour',
        'shoes too small can i exchange',
        'wrong size exchange',
      ],
    ],
  ),
  t(
    'returns',
    [
      '收到的商品有质量问题怎么办？',
      '签收后15天内发现质量问题，可申请退货或换货，请在申请时上传问题照片或视频；来回运费由我们承担。数码产品15天内出现性能故障，经检测确认后可直接换新。',
      ['质量有问题', '收到坏的', '衣服开线了', '有瑕疵能退吗', '东西是坏的'],
    ],
    [
      'The item I received is faulty.',
      'For quality problems found within 15 days of delivery you can return or exchange the item; upload photos or a video when you apply, and we pay shipping both ways. Electronics with a confirmed performance fault within 15 days are replaced with a new unit.',
      ['defective item', 'arrived broken', 'seam came apart', 'product has a flaw', 'received a faulty one'],
    ],
  ),
  t(
    'returns',
    [
      '手机激活了还能退吗？',
      '手机、电脑、手表等数码产品一经激活，就不支持7天无理由退货；未激活且包装完好的可以退。激活后出现质量问题的，15天内可换新，1年内免费保修。',
      ['激活后能退吗', '开机了还能退货吗', '电脑开过机可以退吗', '手机拆封了能退么'],
    ],
    [
      'Can I return a phone after activating it?',
      'Activated phones, laptops and watches cannot be returned without a reason; unactivated ones in intact packaging can. If an activated device has a fault, it can be replaced within 15 days and is repaired free within 1 year.',
      [
        'return after activation',
        'i turned on the laptop can i still return it',
        'phone opened and set up, returnable?',
        'return activated watch',
      ],
    ],
  ),
  t(
    'returns',
    [
      '退货时赠品也要退回吗？',
      '需要。赠品和主商品一起寄回，赠品缺失或已使用的，会按赠品标价从退款中扣除。',
      ['赠品要退吗', '送的东西也要寄回去吗', '赠品用了怎么办'],
    ],
    [
      'Do I have to return the free gift too?',
      'Yes, send the gift back with the item. If the gift is missing or used, its listed value is deducted from the refund.',
      ['return the freebie', 'gift with purchase return', 'i used the free gift, what now'],
    ],
  ),
  // ---------------------------------------------------------------- refunds
  t(
    'refunds',
    [
      '退款多久到账？',
      '仓库验货通过后立即退款，原路退回：支付宝、微信一般当天到账，银行卡1-3个工作日，信用卡以银行入账时间为准（最长7个工作日）。',
      ['退款几天到', '钱什么时候退回来', '多久能收到退款', '退款要多久', '退的钱啥时候到'],
    ],
    [
      'How long does a refund take?',
      'We refund as soon as the return passes inspection, to the original payment method: Alipay and WeChat Pay usually the same day, bank cards in 1-3 business days, credit cards when the bank posts it (up to 7 business days).',
      [
        'when will i get my money back',
        'refund time',
        'how many days for refund',
        'refund processing time',
        'how long till i see the refund',
      ],
    ],
  ),
  t(
    'refunds',
    [
      '退款退到哪里？',
      '原路退回到付款账户：支付宝付款退回支付宝，微信退回微信，银行卡退回原卡，花呗分期退回花呗额度。无法退到其他账户。',
      ['钱退到哪', '能退到微信吗', '退款可以退到别的卡吗', '花呗付的怎么退'],
    ],
    [
      'Where does my refund go?',
      'Back to the original payment method: Alipay to Alipay, WeChat Pay to WeChat, bank cards to the same card and Huabei instalments back to your Huabei limit. We cannot refund to a different account.',
      [
        'refund to which account',
        'can you refund to another card',
        'refund method',
        'paid with huabei how is it refunded',
      ],
    ],
  ),
  t(
    'refunds',
    [
      '还没发货的订单怎么取消？',
      '未付款订单可直接取消。已付款未发货的订单，在订单详情点“取消订单”即可，系统立即发起退款，1-3个工作日原路到账。若订单已在打包，会提示无法取消，可收货后申请退货。',
      ['取消订单', '不想要了没发货', '付了款想取消', '怎么撤销订单'],
    ],
    [
      'How do I cancel an order that has not shipped?',
      'Unpaid orders can be cancelled straight away. For paid orders that have not shipped, tap "Cancel order" in the order details; the refund starts immediately and arrives in 1-3 business days. If the parcel is already being packed you will be told it cannot be cancelled, and you can return it after delivery.',
      ['cancel my order', 'i want to cancel before it ships', 'paid but want to cancel', 'how to cancel an order'],
    ],
  ),
  t(
    'refunds',
    [
      '已经发货了还能取消吗？',
      '已发货的订单无法取消。您可以在快递派送时拒收，包裹退回仓库后为您退款；也可以签收后7天内申请无理由退货。',
      ['发货了不想要', '已发出能取消吗', '拒收可以退款吗', '在路上了能退吗'],
    ],
    [
      'Can I cancel after it has shipped?',
      'Shipped orders cannot be cancelled. You can refuse the parcel on delivery and we refund you when it returns to the warehouse, or apply for a no-reason return within 7 days of delivery.',
      [
        'cancel shipped order',
        'already dispatched, can i cancel',
        'refuse delivery for refund',
        'its on the way but i dont want it',
      ],
    ],
  ),
  t(
    'refunds',
    [
      '用了优惠券的订单部分退货，退多少钱？',
      '优惠券和满减按商品金额比例分摊到每件商品，部分退货时退还该商品的实付金额。退货后剩余商品不满足优惠门槛的，不会另外扣款。',
      ['部分退款怎么算', '退一件退多少', '优惠分摊', '用券了退款金额不对'],
    ],
    [
      'How much do I get back if I return part of a discounted order?',
      'Coupons and spend-and-save discounts are spread across the items in proportion to their prices, so you get back what you actually paid for the returned item. We do not charge you again if the rest of the order no longer meets the discount threshold.',
      [
        'partial refund amount',
        'refund for one item with coupon',
        'how is the discount split on a return',
        'refund less than price paid',
      ],
    ],
  ),
  t(
    'refunds',
    [
      '退款后优惠券和积分还给我吗？',
      '整单退款时，优惠券在有效期内会退回账户（已过期的不补发）；该订单获得的积分会扣回，使用的积分会退回。',
      ['优惠券会退回吗', '积分退不退', '退款后券还能用吗'],
    ],
    [
      'Do I get my coupon and points back after a refund?',
      'When the whole order is refunded, the coupon returns to your account if it has not expired (expired coupons are not reissued). Points earned on the order are taken back and points you spent are returned.',
      ['coupon back after refund', 'what happens to my points when i return', 'is the voucher refunded'],
    ],
  ),
  t(
    'refunds',
    [
      '说好退款了怎么还没到账？',
      '请先在订单详情查看退款进度和退款流水号。已显示“退款成功”超过3个工作日（信用卡7个工作日）仍未到账的，请把订单号发给客服，我们提供退款凭证并协助您向支付机构查询。',
      ['退款还没到', '显示退款成功但没收到钱', '退款进度', '钱还没退回来'],
    ],
    [
      'My refund still has not arrived.',
      'Check the refund status and reference number in the order details. If it says "Refunded" and nothing has arrived after 3 business days (7 for credit cards), send us the order number and we will give you the refund receipt and help you trace it with the payment provider.',
      ['refund not received', 'says refunded but no money', 'where is my refund', 'refund status'],
    ],
  ),
  // ---------------------------------------------------------------- payment
  t(
    'payment',
    [
      '支持哪些付款方式？',
      '支持支付宝、微信支付、银联借记卡/信用卡和花呗分期；境外发行的Visa、Mastercard信用卡也可以使用。每个订单只能选一种方式付款，暂不支持货到付款。',
      ['怎么付款', '能用微信付吗', '可以刷信用卡吗', '支付方式有哪些'],
    ],
    [
      'What payment methods do you accept?',
      'Alipay, WeChat Pay, UnionPay debit and credit cards and Huabei instalments; Visa and Mastercard cards issued abroad also work. Each order is paid with one method, and we do not offer cash on delivery.',
      ['how can i pay', 'do you take credit cards', 'payment options', 'can i pay with wechat'],
    ],
  ),
  t(
    'payment',
    [
      '可以分期付款吗？有免息吗？',
      '可以用花呗分期，支持3、6、12期。数码产品单笔满1000元可享3期和6期免息，12期按花呗费率收取手续费。分期额度以支付宝显示为准。',
      ['花呗分期', '分期免息吗', '能分几期', '手机可以分期吗'],
    ],
    [
      'Can I pay in instalments? Is it interest-free?',
      'Yes, with Huabei in 3, 6 or 12 instalments. Electronics orders of ¥1,000 or more get 3 and 6 instalments interest-free; 12 instalments carry Huabei’s standard fee. Your limit is shown in Alipay.',
      ['installment plan', 'interest free payments', 'pay monthly for a phone', 'how many installments'],
    ],
  ),
  t(
    'payment',
    [
      '付款失败怎么办？',
      '请确认余额或额度充足、银行卡已开通网上支付，再换一种支付方式重试。如果扣了款但订单仍显示待付款，不要重复支付，款项会在1-3个工作日内自动退回，或联系客服帮您核实。',
      ['支付不成功', '付不了款', '付款一直失败', '扣钱了但是订单没付款'],
    ],
    [
      'My payment failed.',
      'Check that you have enough balance or credit and that online payments are enabled on your card, then try another method. If you were charged but the order still says awaiting payment, do not pay again: the charge is returned automatically within 1-3 business days, or contact us and we will check.',
      ['payment not going through', 'cant pay', 'charged but order unpaid', 'card declined'],
    ],
  ),
  t(
    'payment',
    [
      '可以货到付款吗？',
      '暂不支持货到付款，下单后需要在线支付。担心不合适的话可以放心购买，符合条件的商品支持7天无理由退货。',
      ['货到付款', '能到了再付钱吗', '支持COD吗'],
    ],
    [
      'Can I pay cash on delivery?',
      'No, we do not offer cash on delivery; orders are paid online. Eligible items can be returned within 7 days if they do not suit you.',
      ['cash on delivery', 'pay when it arrives', 'COD available?'],
    ],
  ),
  t(
    'payment',
    [
      '下单后多久不付款会自动取消？',
      '未付款订单保留24小时，超时自动取消，库存会释放。需要的话可以重新下单；使用的优惠券在有效期内会退回。',
      ['待付款能保留多久', '订单会自动取消吗', '多久内要付款', '没付款的订单还在吗'],
    ],
    [
      'How long do I have to pay for my order?',
      'Unpaid orders are held for 24 hours, then cancelled automatically and the stock is released. You can order again, and any coupon you used comes back if it is still valid.',
      ['payment deadline', 'will my unpaid order be cancelled', 'how long is an order held', 'time limit to pay'],
    ],
  ),
  t(
    'payment',
    [
      '被重复扣款了怎么办？',
      '同一订单被扣了两次，多扣的款项会在1-3个工作日内自动原路退回。请把订单号和两笔支付记录截图发给客服，我们会帮您跟进确认。',
      ['扣了两次钱', '重复支付', '付了两遍', '多扣款了'],
    ],
    [
      'I was charged twice.',
      'If one order was charged twice, the duplicate is returned automatically to the original method within 1-3 business days. Send us the order number and screenshots of both payments and we will follow it up.',
      ['double charged', 'paid twice for one order', 'duplicate payment', 'extra charge on my card'],
    ],
  ),
  // ---------------------------------------------------------------- invoices
  t(
    'invoices',
    [
      '怎么开发票？',
      '下单时在结算页选择“电子普通发票”，填写个人或单位抬头即可。发票会在订单签收后24小时内开具，可在订单详情下载，也会发送到您的邮箱。下单时忘了选也可以在签收后90天内补开。',
      ['开发票', '能开票吗', '发票怎么申请', '要发漂', '可以开个发票吗'],
    ],
    [
      'How do I get an invoice?',
      'Choose "Electronic invoice" at checkout and enter a personal or company title. The invoice is issued within 24 hours after delivery; download it from the order details or from the email we send. If you forgot, you can request it up to 90 days after delivery.',
      [
        'i need an invoice',
        'can you issue a fapiao',
        'how to request invoice',
        'receipt for my order',
        'invoice please',
      ],
    ],
  ),
  t(
    'invoices',
    [
      '发票什么时候开出来？',
      '电子发票在订单签收后24小时内自动开具，开好后可在“订单详情-查看发票”下载PDF。签收前暂不开票，因为订单可能发生退货。',
      ['发票多久能开好', '怎么还没收到发票', '发票在哪里下载', '发票什么时候发'],
    ],
    [
      'When will my invoice be issued?',
      'Electronic invoices are issued automatically within 24 hours after delivery; download the PDF from "Order details > View invoice". We do not issue them before delivery because the order could still be returned.',
      ['invoice not received yet', 'where do i download the invoice', 'how long for the invoice', 'invoice timing'],
    ],
  ),
  t(
    'invoices',
    [
      '发票可以开公司抬头吗？',
      '可以。开公司抬头需要填写单位名称和纳税人识别号（税号），请核对准确，开具后抬头修改有次数限制。',
      ['单位抬头', '公司发票', '税号填哪里', '开给公司'],
    ],
    [
      'Can the invoice be in my company’s name?',
      'Yes. Enter the company name and its taxpayer identification number, and please double-check them: changes after issue are limited.',
      ['company invoice', 'business invoice title', 'where do i enter the tax id', 'invoice for my employer'],
    ],
  ),
  t(
    'invoices',
    [
      '可以开增值税专用发票吗？',
      '可以。企业用户在签收后30天内联系客服申请，需提供单位名称、税号、注册地址、电话、开户行及账号，我们在5个工作日内开具电子专票。',
      ['专票', '增票', '能开专用发票吗', '开专票需要什么'],
    ],
    [
      'Can you issue a special VAT invoice?',
      'Yes, for businesses. Contact support within 30 days of delivery with the company name, tax ID, registered address, phone, bank and account number; we issue an electronic special VAT invoice within 5 business days.',
      ['VAT special invoice', 'zhuanpiao', 'special invoice for company', 'what do you need for a VAT invoice'],
    ],
  ),
  t(
    'invoices',
    [
      '发票抬头开错了能改吗？',
      '可以。在订单详情点“换开发票”，填写正确信息即可，原发票自动作废。每个订单在签收后30天内可换开1次。',
      ['发票开错了', '重开发票', '改发票抬头', '税号写错了'],
    ],
    [
      'The invoice has the wrong details. Can you reissue it?',
      'Yes. Tap "Reissue invoice" in the order details and enter the correct details; the old invoice is voided. Each order can be reissued once within 30 days of delivery.',
      ['wrong invoice title', 'reissue invoice', 'change tax id on invoice', 'fix my invoice'],
    ],
  ),
  t(
    'invoices',
    [
      '发票金额为什么比商品价格低？',
      '发票按您实际支付的金额开具（含运费），优惠券、满减和积分抵扣的部分不计入发票金额。部分退货后，发票会按剩余实付金额重新开具。',
      ['发票金额不对', '发票少开了', '优惠券的钱开发票吗', '发票包含运费吗'],
    ],
    [
      'Why is the invoice amount lower than the price?',
      'Invoices show what you actually paid, including shipping; coupons, discounts and points are not included. After a partial return the invoice is reissued for the remaining amount.',
      [
        'invoice amount wrong',
        'does the invoice include shipping',
        'coupon on invoice',
        'invoice total less than price',
      ],
    ],
  ),
  // ---------------------------------------------------------------- coupons / promotions
  t(
    'coupons',
    [
      '新用户有优惠吗？',
      '新注册用户可领取“满99减20”新人券，注册后30天内有效，每个账号限领1张，全场通用（特价秒杀商品除外）。',
      ['新人券', '第一次买有优惠吗', '新人福利', '注册送券吗'],
    ],
    [
      'Is there a discount for new customers?',
      'New accounts can claim a "¥20 off ¥99" welcome coupon, valid for 30 days after registering, one per account, on everything except flash-sale items.',
      ['welcome coupon', 'first order discount', 'new user offer', 'sign up voucher'],
    ],
  ),
  t(
    'coupons',
    [
      '优惠券可以叠加使用吗？',
      '每个订单只能用1张店铺优惠券，但可以和全场满减活动、积分抵扣同时使用。多张优惠券不能叠加。',
      ['两张券能一起用吗', '优惠券和满减能叠加吗', '券可以叠加吗', '可以用几张券'],
    ],
    [
      'Can I combine coupons?',
      'One shop coupon per order, but it can be used together with store-wide spend-and-save offers and points. Coupons cannot be stacked with each other.',
      ['stack vouchers', 'use two coupons', 'coupon plus sale discount', 'how many coupons per order'],
    ],
  ),
  t(
    'coupons',
    [
      '优惠券过期了能补吗？',
      '优惠券过期后自动失效，无法延期或补发，请留意“我的-优惠券”里的有效期。因退款退回的优惠券同样以原有效期为准。',
      ['券过期了', '优惠券延期', '过期的券还能用吗', '能补发优惠券吗'],
    ],
    [
      'My coupon expired. Can you reissue it?',
      'Expired coupons cannot be extended or reissued; check the expiry date under "Me > Coupons". Coupons returned after a refund keep their original expiry date.',
      ['expired voucher', 'extend coupon', 'coupon ran out', 'reissue coupon'],
    ],
  ),
  t(
    'coupons',
    [
      '为什么优惠券用不了？',
      '常见原因：订单金额没达到使用门槛（按优惠后金额计算）、商品不在券的适用范围、券还没到生效时间或已过期、秒杀和直播专享价商品不能用券。结算页会显示具体原因。',
      ['券用不上', '优惠券无法使用', '为啥不能用券', '下单时券是灰的'],
    ],
    [
      'Why can’t I use my coupon?',
      'Usually the order does not reach the minimum spend (after other discounts), the item is not covered by the coupon, the coupon is not active yet or has expired, or the item has a flash-sale or live-stream price. Checkout shows the exact reason.',
      ['coupon not working', 'voucher greyed out', 'cant apply discount code', 'coupon invalid'],
    ],
  ),
  t(
    'coupons',
    [
      '满减活动怎么算？',
      '“每满300减30”按参与活动商品的合计金额计算，满600减60，以此类推，上不封顶；满减后还可以再用1张店铺优惠券。退货后剩余商品不满足门槛的不会补扣。',
      ['满300减30怎么算', '满减规则', '跨店满减吗', '满减能叠加券吗'],
    ],
    [
      'How does the spend-and-save offer work?',
      '"¥30 off every ¥300" is counted on the total of the eligible items: ¥60 off ¥600 and so on, with no cap, and you can still add one shop coupon. We do not charge you again if a return takes the rest below the threshold.',
      ['spend 300 save 30', 'how is the discount calculated', 'bulk discount rules', 'spend and save with coupon'],
    ],
  ),
  t(
    'coupons',
    [
      '最近有什么优惠活动？',
      '“年终好价节”正在进行，11月25日至12月12日全场每满300减30，12月12日当天另有限时秒杀。活动期间下单同样享受7天价格保护。',
      ['双12有活动吗', '最近有啥优惠', '什么时候打折', '有没有促销'],
    ],
    [
      'Are there any promotions right now?',
      'Our Year-End Deals run from 25 November to 12 December: ¥30 off every ¥300 store-wide, plus flash sales on 12 December. Orders placed during the event still get 7-day price protection.',
      ['any sales on', 'double 12 deals', 'when is the next sale', 'current discounts'],
    ],
  ),
  t(
    'coupons',
    [
      '生日有优惠券吗？',
      '有。银卡会员生日当月可领20元无门槛券，金卡50元，铂金和黑钻100元，请在生日当月内到“会员中心”领取并使用，需提前在账户资料里填写生日。',
      ['生日券', '生日福利', '过生日送什么'],
    ],
    [
      'Do I get a birthday coupon?',
      'Yes. In your birthday month Silver members get a ¥20 no-minimum coupon, Gold ¥50, Platinum and VIP ¥100. Claim and use it in the Member Centre during that month; your birthday must be set in your profile first.',
      ['birthday voucher', 'birthday perks', 'anything for my birthday'],
    ],
  ),
  // ---------------------------------------------------------------- price protection
  t(
    'price-protection',
    [
      '买完降价了可以补差价吗？',
      '可以。付款后7天内，同一商品（同款同规格）在本店降价，可以申请价格保护，差价原路退回。秒杀、直播专享价、优惠券和积分带来的降价不在价保范围内。',
      ['降价补差价', '价保吗', '刚买就降价了', '保价几天', '买贵了能退差价吗'],
    ],
    [
      'The price dropped after I bought it. Can I get the difference?',
      'Yes. Within 7 days of payment, if the same item in the same variant gets cheaper in our shop, apply for price protection and we refund the difference to your original payment method. Drops from flash sales, live-stream prices, coupons or points are not covered.',
      [
        'price drop refund',
        'price protection',
        'it went on sale after i bought it',
        'price adjustment',
        'can i get the difference back',
      ],
    ],
  ),
  t(
    'price-protection',
    [
      '价格保护怎么申请？',
      '在订单详情点“价格保护”，系统会自动比对当前价格，符合条件的差价在1个工作日内退回原支付账户。每个商品每个订单可申请1次，请在付款后7天内申请。',
      ['价保在哪申请', '怎么申请保价', '申请价格保护', '差价怎么退'],
    ],
    [
      'How do I apply for price protection?',
      'Tap "Price protection" in the order details; the system compares the current price and, if eligible, refunds the difference to your original payment method within 1 business day. One claim per item per order, within 7 days of payment.',
      [
        'where to claim price protection',
        'apply for price adjustment',
        'how do i get the price difference',
        'price protect request',
      ],
    ],
  ),
  t(
    'price-protection',
    [
      '哪些情况不能价保？',
      '以下降价不支持价保：秒杀、直播间专享价、新人专享价、使用优惠券或积分后的价格、清仓商品、预售定金，以及付款超过7天后的降价。赠品和已退款的商品也不参与。',
      ['秒杀能价保吗', '直播间更便宜能补吗', '价保不通过', '为什么不能价保'],
    ],
    [
      'What is not covered by price protection?',
      'Not covered: flash sales, live-stream prices, new-customer prices, prices after coupons or points, clearance items, pre-sale deposits and any drop more than 7 days after payment. Free gifts and refunded items are excluded too.',
      [
        'price protection exclusions',
        'flash sale price protect',
        'why was my price protection rejected',
        'livestream cheaper can i claim',
      ],
    ],
  ),
  t(
    'price-protection',
    [
      '别的平台更便宜，能补差价吗？',
      '价格保护只对比本店的价格，暂不支持其他平台或线下门店的比价补差。',
      ['其他店更便宜', '比价补差', '京东更便宜能补吗', '外面卖得便宜'],
    ],
    [
      'Another site is cheaper. Will you match it?',
      'Price protection only compares prices in our own shop; we do not match other platforms or physical stores.',
      ['price match', 'cheaper elsewhere', 'match a competitor price', 'other store is cheaper'],
    ],
  ),
  // ---------------------------------------------------------------- warranty
  t(
    'warranty',
    [
      '数码产品保修多久？',
      '手机、电脑、耳机、手表、充电器等数码产品自签收之日起享受1年免费保修（含电池）；7天内未激活可无理由退货，15天内性能故障可换新。',
      ['保修期多长', '手机保修几年', '耳机有保修吗', '电脑保修多久', '质保多久'],
    ],
    [
      'How long is the warranty on electronics?',
      'Phones, laptops, earbuds, watches, chargers and other electronics have a 1-year free warranty from delivery, batteries included. Unactivated items can be returned within 7 days, and performance faults within 15 days get a replacement.',
      [
        'warranty period',
        'is there a warranty on the earbuds',
        'how long is the laptop warranty',
        'phone guarantee',
        'how many years warranty',
      ],
    ],
  ),
  t(
    'warranty',
    [
      '保修需要发票或保修卡吗？',
      '不需要纸质保修卡，本店订单就是保修凭证，保修期从签收日算起。送修时提供订单号即可，电子发票可以作为补充凭证。',
      ['保修卡丢了', '没发票能保修吗', '保修凭证', '保修要什么'],
    ],
    [
      'Do I need an invoice or warranty card for a repair?',
      'No warranty card is needed: your order in our shop is the proof, and the warranty runs from the delivery date. Just give us the order number; the electronic invoice can serve as extra proof.',
      [
        'lost warranty card',
        'proof of purchase for warranty',
        'no receipt can i get it repaired',
        'what do i need for warranty',
      ],
    ],
  ),
  t(
    'warranty',
    [
      '哪些情况不在保修范围内？',
      '人为损坏（摔落、挤压、屏幕碎裂）、超出防水等级的进水、私自拆修或在非授权网点维修、正常磨损（外壳划痕、耳塞套老化）不在免费保修范围内，可以付费维修。',
      ['摔坏了保修吗', '进水保不保', '什么不保修', '屏幕碎了能保修吗'],
    ],
    [
      'What does the warranty not cover?',
      'Accidental damage (drops, crushing, cracked screens), water damage beyond the rated protection, repairs by unauthorised shops or yourself, and normal wear such as scratches or worn ear tips are not covered; we can repair them for a fee.',
      ['dropped it, is that covered', 'water damage warranty', 'cracked screen covered?', 'warranty exclusions'],
    ],
  ),
  t(
    'warranty',
    [
      '数码产品怎么送修？要多久？',
      '在订单中申请售后选择“维修”，审核通过后按指引把设备寄到东莞售后中心，保修期内往返运费由我们承担。到件后7-10个工作日修好寄回。寄修前请备份数据并关闭查找设备、退出账号。',
      ['怎么寄修', '维修流程', '送修要多久', '修手机要几天', '在哪里修'],
    ],
    [
      'How do I send a device for repair, and how long does it take?',
      'Apply for after-sales on the order and choose "Repair". Once approved, send the device to our Dongguan service centre as instructed; within warranty we pay shipping both ways. Repairs take 7-10 business days from arrival. Back up your data, turn off device tracking and sign out first.',
      ['repair process', 'how long is the repair', 'where do i send it for repair', 'send my phone in for fixing'],
    ],
  ),
  t(
    'warranty',
    [
      '过了保修期还能修吗？怎么收费？',
      '可以付费维修。设备寄到售后中心检测后，我们先给您报价，确认后才维修；不维修的只收取返程运费。维修更换的部件享受90天保修。',
      ['过保维修', '保修过期了', '付费维修多少钱', '出保了能修吗'],
    ],
    [
      'Can you repair it after the warranty ends? What does it cost?',
      'Yes, as a paid repair. After our service centre checks the device we send you a quote and only repair once you accept; if you decline you only pay return shipping. Replaced parts have a 90-day warranty.',
      ['out of warranty repair', 'warranty expired', 'paid repair cost', 'repair fee after one year'],
    ],
  ),
  t(
    'warranty',
    [
      '有延长保修服务吗？',
      '有“拾光延保”，在原1年保修基础上再延长1年，价格99-399元（按商品价格），需在购买后30天内在订单中加购。延保期内的免费维修范围与原保修相同。',
      ['延保', '买延长保修', '能多保一年吗', '延保多少钱'],
    ],
    [
      'Do you offer an extended warranty?',
      'Yes, Shiguang Extended Warranty adds one more year to the standard 1-year warranty for ¥99-¥399 depending on the product. Add it to the order within 30 days of purchase; it covers the same repairs as the standard warranty.',
      ['extended warranty', 'extra year of warranty', 'buy more warranty', 'warranty extension price'],
    ],
  ),
  t(
    'warranty',
    [
      '家电坏了怎么保修？上门吗？',
      '空气炸锅、电饭煲、净化器等家电自签收起保修1年。小家电寄修，往返运费由我们承担；扫地机器人、空气净化器可预约上门检测（一二线城市）。',
      ['家电保修', '电饭煲坏了', '上门维修吗', '扫地机坏了怎么办'],
    ],
    [
      'How does the warranty work for home appliances?',
      'Appliances such as air fryers, rice cookers and purifiers have a 1-year warranty from delivery. Small appliances are repaired by mail with shipping paid by us; robot vacuums and air purifiers can get an on-site check in tier-1 and tier-2 cities.',
      ['appliance warranty', 'rice cooker stopped working', 'do you do home repair visits', 'robot vacuum broken'],
    ],
  ),
  // ---------------------------------------------------------------- membership
  t(
    'membership',
    [
      '会员等级怎么升级？',
      '按近12个月实付金额自动升级：满1000元银卡，满3000元金卡，满8000元铂金，满20000元黑钻。等级每月1日更新，退款订单不计入。会员免费，无需开通。',
      ['怎么升金卡', '会员等级规则', '多少钱升级', '会员要钱吗', '成长值'],
    ],
    [
      'How do membership tiers work?',
      'Tiers are based on what you paid in the last 12 months: Silver from ¥1,000, Gold from ¥3,000, Platinum from ¥8,000 and VIP from ¥20,000. Tiers update on the 1st of each month and refunded orders do not count. Membership is free.',
      ['how to become gold member', 'member levels', 'how much to spend for vip', 'is membership paid', 'tier upgrade'],
    ],
  ),
  t(
    'membership',
    [
      '积分怎么获得？',
      '每实付1元得1积分，金卡1.2倍、铂金1.5倍、黑钻2倍；确认收货后到账。写带图评价可再得20积分。',
      ['怎么赚积分', '积分怎么算', '买东西送积分吗', '评价有积分吗'],
    ],
    [
      'How do I earn points?',
      'You earn 1 point per ¥1 paid (Gold 1.2x, Platinum 1.5x, VIP 2x), credited when the order is completed. A review with photos earns 20 more points.',
      ['earn points', 'how are points calculated', 'do i get points for reviews', 'loyalty points'],
    ],
  ),
  t(
    'membership',
    [
      '积分怎么用？能抵多少钱？',
      '100积分抵1元，结算时勾选“积分抵扣”即可，最多抵订单实付金额的20%。积分不能兑换现金。',
      ['积分抵现', '积分能换什么', '积分怎么花', '用积分付款'],
    ],
    [
      'How do I use my points?',
      '100 points = ¥1. Tick "Use points" at checkout to pay up to 20% of the order with points. Points cannot be exchanged for cash.',
      ['redeem points', 'points to cash', 'what are points worth', 'pay with points'],
    ],
  ),
  t(
    'membership',
    [
      '积分会过期吗？',
      '会。每年获得的积分在次年12月31日过期，例如2026年获得的积分在2027年12月31日清零，过期前30天会短信提醒。',
      ['积分有效期', '积分清零', '积分什么时候过期'],
    ],
    [
      'Do points expire?',
      'Yes. Points expire on 31 December of the year after you earn them: points from 2026 expire on 31 December 2027. We send a reminder 30 days before.',
      ['points expiry', 'when do my points run out', 'points validity'],
    ],
  ),
  t(
    'membership',
    [
      '各等级会员有什么权益？',
      '银卡：生日券20元；金卡：生日券50元、积分1.2倍、无理由退货免费上门取件；铂金：再加积分1.5倍、免费顺丰升级、人工客服优先接入；黑钻：积分2倍、专属顾问、新品优先购。',
      ['会员权益', '金卡有什么用', '黑钻特权', '铂金会员福利'],
    ],
    [
      'What benefits does each tier get?',
      'Silver: ¥20 birthday coupon. Gold: ¥50 birthday coupon, 1.2x points and free return pickup. Platinum: 1.5x points, free SF Express upgrade and priority human support. VIP: 2x points, a dedicated advisor and early access to new products.',
      ['member benefits', 'what do gold members get', 'vip perks', 'platinum advantages'],
    ],
  ),
  // ---------------------------------------------------------------- account
  t(
    'account',
    [
      '怎么注册账号？',
      '用手机号接收短信验证码即可注册并登录，无需设置密码；也可以之后在“账户设置”中设置登录密码、绑定邮箱。',
      ['注册', '怎么创建账号', '新用户怎么注册', '用邮箱能注册吗'],
    ],
    [
      'How do I create an account?',
      'Sign up and log in with your phone number and an SMS code; no password is needed. You can set a password and add an email later in Account settings.',
      ['sign up', 'register an account', 'create account with email', 'how to join'],
    ],
  ),
  t(
    'account',
    [
      '忘记密码怎么办？',
      '在登录页点“忘记密码”，用绑定手机接收验证码后即可重设；也可以直接用短信验证码登录。',
      ['密码忘了', '找回密码', '重置密码', '登不上去忘记密码'],
    ],
    [
      'I forgot my password.',
      'Tap "Forgot password" on the login page and reset it with an SMS code sent to your phone, or simply log in with an SMS code.',
      ['reset password', 'cant remember my password', 'password recovery', 'forgot pwd'],
    ],
  ),
  t(
    'account',
    [
      '怎么换绑手机号？',
      '在“账户设置-手机号”中，先验证旧手机号，再验证新手机号即可。旧号码已停用的，可选择“旧号码无法接收”，通过身份核验后更换，一般1个工作日内完成。',
      ['换手机号', '手机号不用了', '改绑定手机', '旧号码收不到验证码'],
    ],
    [
      'How do I change the phone number on my account?',
      'In Account settings > Phone number, verify your old number and then the new one. If the old number no longer works, choose "Can’t receive codes on old number" and complete identity verification; it usually takes 1 business day.',
      ['change phone number', 'update my mobile', 'old number not in use', 'new phone number for login'],
    ],
  ),
  t(
    'account',
    [
      '怎么注销账号？',
      '在“账户设置-注销账号”提交申请。需要没有未完成的订单和售后，15天内处理完成；注销后订单记录、积分、优惠券都会清除且无法恢复。',
      ['注销', '删除账号', '不想用了怎么销号', '账号怎么删'],
    ],
    [
      'How do I delete my account?',
      'Submit a request in Account settings > Delete account. You must have no open orders or after-sales cases; we complete it within 15 days. Order history, points and coupons are erased and cannot be restored.',
      ['close my account', 'delete account', 'remove my profile', 'deactivate account'],
    ],
  ),
  t(
    'account',
    [
      '账号登不上去怎么办？',
      '连续输错5次密码会锁定30分钟，可以改用短信验证码登录。收不到验证码请检查短信拦截、确认手机号无误，60秒后重发。仍无法登录请联系客服核实身份。',
      ['登录不了', '账号被锁了', '收不到验证码', '登陆失败'],
    ],
    [
      'I can’t log in.',
      'Five wrong passwords lock the account for 30 minutes; log in with an SMS code instead. If no code arrives, check your spam filter and number and resend after 60 seconds. Still stuck? Contact support to verify your identity.',
      ['account locked', 'login not working', 'no verification code', 'cant sign in'],
    ],
  ),
  // ---------------------------------------------------------------- after-sales
  t(
    'after-sales',
    [
      '怎么联系人工客服？',
      '在对话中输入“转人工”即可。人工客服每天9:00-22:00在线（节假日无休），其他时间智能客服24小时服务，留言会在次日上午优先处理。也可以拨打客服热线400-820-1314（9:00-21:00）。',
      ['转人工', '人工客服', '找真人', '客服电话多少', '客服几点上班'],
    ],
    [
      'How do I reach a human agent?',
      'Type "agent" in the chat. Human agents are online 9:00-22:00 every day including holidays; outside those hours the assistant answers 24/7 and messages are handled first thing next morning. You can also call 400-820-1314 (9:00-21:00).',
      ['talk to a person', 'human agent please', 'customer service phone number', 'support hours', 'real person'],
    ],
  ),
  t(
    'after-sales',
    [
      '在哪里申请售后？',
      '打开“我的订单”，找到对应订单点“申请售后”，可选择仅退款、退货退款、换货或维修。签收后15天内可申请退换货，数码产品保修期内可申请维修。',
      ['售后入口', '怎么申请售后', '售后在哪', '申请退换'],
    ],
    [
      'Where do I start an after-sales request?',
      'Open "My orders", find the order and tap "After-sales". Choose refund only, return and refund, exchange or repair. Returns and exchanges can be requested within 15 days of delivery; repairs during the warranty.',
      ['after sales request', 'open a support case', 'where to request exchange', 'start a claim'],
    ],
  ),
  t(
    'after-sales',
    [
      '售后申请多久处理？',
      '售后申请在24小时内审核（大促期间48小时内），退货寄回后仓库48小时内验货，验货通过立即退款或发出换货。',
      ['售后要多久', '审核多久', '退货申请什么时候通过', '售后一直没人处理'],
    ],
    [
      'How long does an after-sales request take?',
      'Requests are reviewed within 24 hours (48 hours during big sales). Returned items are inspected within 48 hours of reaching the warehouse, then we refund you or ship the exchange straight away.',
      [
        'how long to approve return',
        'after sales processing time',
        'nobody handled my request',
        'when will my return be approved',
      ],
    ],
  ),
  t(
    'after-sales',
    [
      '收到的商品少件或者发错了怎么办？',
      '请在签收后48小时内联系客服，提供外包装和商品照片（含快递面单）。核实后我们补发缺少的商品或换发正确商品，错发的商品寄回运费由我们承担。',
      ['少发了', '发错货了', '颜色发错了', '包裹里少东西', '尺码发错'],
    ],
    [
      'An item is missing or you sent the wrong one.',
      'Contact us within 48 hours of delivery with photos of the box, the items and the shipping label. After checking we send the missing item or the correct one, and we pay to get the wrong item back.',
      [
        'wrong item sent',
        'missing item in package',
        'received wrong colour',
        'wrong size delivered',
        'something missing from my parcel',
      ],
    ],
  ),
  t(
    'after-sales',
    [
      '我要投诉，怎么处理？',
      '很抱歉给您带来不好的体验。请在对话中说明情况并留下订单号，我们会转给售后主管，24小时内给您答复；也可以发邮件到 service@shiguang.example。',
      ['投诉', '我要投诉客服', '对处理结果不满意', '找你们领导'],
    ],
    [
      'I want to make a complaint.',
      'We are sorry about your experience. Tell us what happened in the chat with your order number and we will pass it to an after-sales supervisor, who replies within 24 hours; or email service@shiguang.example.',
      ['complaint', 'not happy with the service', 'speak to a manager', 'escalate my issue'],
    ],
  ),
  // ---------------------------------------------------------------- product care
  t(
    'product-care',
    [
      '羽绒服怎么洗？',
      '建议送专业干洗，或用羽绒专用洗涤剂30℃以下手洗，不要拧干、不要暴晒；晾干后用低温烘干或轻拍让羽绒恢复蓬松。每季洗1-2次即可，局部脏污可局部擦洗。',
      ['羽绒服能机洗吗', '羽绒服洗了结块', '羽绒服清洗', '羽绒服怎么保养'],
    ],
    [
      'How do I wash a down jacket?',
      'Dry-clean it, or hand-wash below 30°C with a down detergent. Do not wring it or dry it in strong sun; tumble-dry on low or pat it to restore the loft. Wash once or twice a season and spot-clean in between.',
      ['can i machine wash a down jacket', 'down clumped after washing', 'puffer jacket care', 'clean my down coat'],
    ],
  ),
  t(
    'product-care',
    [
      '小白鞋脏了怎么清洁？',
      '皮面用湿布蘸少量中性清洁剂擦拭，帆布鞋可用软毛刷刷洗，鞋底边可以用小白鞋清洁剂；不要机洗和暴晒，洗后塞纸巾阴干防止变黄。',
      ['小白鞋怎么洗', '帆布鞋能机洗吗', '鞋子发黄了', '鞋子怎么清洗'],
    ],
    [
      'How do I clean white sneakers?',
      'Wipe leather with a damp cloth and a little mild cleaner; brush canvas with a soft brush; use a sneaker cleaner on the sole edges. Do not machine-wash or sun-dry them; stuff with paper and let them air-dry to avoid yellowing.',
      ['wash white shoes', 'canvas shoes in washing machine', 'sneakers turned yellow', 'clean my trainers'],
    ],
  ),
  t(
    'product-care',
    [
      '牛仔裤掉色正常吗？',
      '深色和原色牛仔裤前几次洗涤会轻微掉色，属于正常现象。建议首次单独冷水反面洗涤，可以加少许白醋固色，避免与浅色衣物混洗。',
      ['牛仔裤掉色', '裤子染色了', '原色牛仔裤缩水吗', '牛仔裤怎么洗不掉色'],
    ],
    [
      'Is it normal for jeans to lose colour?',
      'Yes, dark and raw denim bleeds a little in the first few washes. Wash inside out in cold water on its own the first time (a splash of white vinegar helps), and keep it away from light colours.',
      ['jeans colour bleeding', 'denim dyed my other clothes', 'does raw denim shrink', 'wash jeans without fading'],
    ],
  ),
  t(
    'product-care',
    [
      '真丝和羊毛衣物怎么洗？',
      '真丝建议干洗或冷水手洗，使用中性洗涤剂，不拧干、阴干；羊毛和针织品用羊毛洗涤剂冷水手洗，平铺晾干防止变形，不要挂晾。',
      ['真丝怎么洗', '羊毛衫缩水', '毛衣怎么保养', '丝绸能机洗吗'],
    ],
    [
      'How do I wash silk and wool?',
      'Dry-clean silk or hand-wash it cold with a mild detergent; do not wring, and dry it in the shade. Hand-wash wool and knits cold with a wool detergent and dry them flat so they keep their shape.',
      ['wash silk dress', 'wool sweater shrank', 'knitwear care', 'can silk go in the machine'],
    ],
  ),
  t(
    'product-care',
    [
      '尺码怎么选？',
      '每个服饰鞋类商品页都有尺码表，标注了身高、体重、胸围或脚长对应的尺码。您也可以直接告诉我身高体重（鞋子告诉我脚长），我按尺码表帮您推荐。在两个尺码之间时，修身款选大一码，宽松款按平时尺码。',
      ['尺码推荐', '我穿什么码', '170穿多大', '怎么看尺码表', '鞋码怎么选'],
    ],
    [
      'How do I choose my size?',
      'Every clothing and shoe page has a size chart with the height, weight, chest or foot length for each size. You can also tell me your height and weight (or foot length for shoes) and I will recommend a size from the chart. Between two sizes, size up for slim fits and take your usual size for relaxed fits.',
      ['what size should i get', 'size guide', 'which size for 175cm', 'shoe size help', 'size recommendation'],
    ],
  ),
  t(
    'product-care',
    [
      '用了护肤品过敏怎么办？',
      '请立即停用并用清水洗净，症状明显请及时就医。签收后7天内出现过敏，可保留商品和包装，提供照片及就医记录联系客服，我们会按质量问题为您处理。建议使用新产品前先在耳后做皮肤测试。',
      ['过敏了', '用了脸红发痒', '面霜过敏能退吗', '皮肤刺痛'],
    ],
    [
      'I had a reaction to a skincare product.',
      'Stop using it, rinse with water and see a doctor if it is serious. If it happens within 7 days of delivery, keep the product and packaging and contact us with photos and the medical record; we treat it as a quality case. Patch-test new products behind the ear first.',
      ['allergic reaction', 'skin itchy after cream', 'return product that caused rash', 'face burning after serum'],
    ],
  ),
  t(
    'product-care',
    [
      '手机电池怎么保养？',
      '日常电量保持在20%-80%最好，尽量用原装或认证充电器；避免边充电边玩大型游戏和高温环境。长期不用请充到50%左右存放。',
      ['电池保养', '手机怎么充电好', '电池寿命', '一直插着充电伤电池吗'],
    ],
    [
      'How should I look after my phone battery?',
      'Keep it between 20% and 80% day to day, use the original or a certified charger, and avoid heavy gaming while charging or leaving it somewhere hot. For long storage, charge it to about 50%.',
      ['battery care tips', 'best way to charge my phone', 'battery health', 'is overnight charging bad'],
    ],
  ),
  t(
    'product-care',
    [
      '不粘锅和铁锅怎么保养？',
      '不粘锅用中小火，配木铲或硅胶铲，不要用钢丝球，不要空烧；铁锅首次使用先开锅，用后洗净擦干并抹一层薄油防锈。',
      ['不粘锅涂层掉了', '铁锅生锈', '怎么开锅', '锅怎么保养'],
    ],
    [
      'How do I care for non-stick and iron pans?',
      'Use non-stick pans on low to medium heat with wooden or silicone tools, never steel wool and never heat them empty. Season an iron wok before first use, then wash, dry and wipe it with a thin layer of oil to prevent rust.',
      ['non stick coating peeling', 'wok rusting', 'how to season a wok', 'pan care'],
    ],
  ),
  // ---------------------------------------------------------------- privacy
  t(
    'privacy',
    [
      '你们会怎么使用我的个人信息？',
      '我们只在下单、配送、售后和您同意的会员服务中使用必要信息（姓名、手机号、地址），不会出售给任何第三方；只与承运快递共享完成配送所需的信息。详细内容见《隐私政策》。',
      ['个人信息安全吗', '会泄露我的信息吗', '隐私政策', '你们会卖我的数据吗'],
    ],
    [
      'How do you use my personal information?',
      'We only use what is needed (name, phone, address) for orders, delivery, after-sales and member services you agree to. We never sell it, and we share with couriers only what they need to deliver. See our Privacy Policy for details.',
      ['is my data safe', 'do you sell my information', 'privacy policy', 'what do you do with my data'],
    ],
  ),
  t(
    'privacy',
    [
      '快递单上会显示我的完整手机号吗？',
      '不会。我们默认使用隐私面单，快递单上的姓名和手机号会部分隐藏，快递员通过虚拟号码联系您。',
      ['隐私面单', '快递单上有我电话吗', '面单信息会泄露吗'],
    ],
    [
      'Is my full phone number printed on the shipping label?',
      'No. We use privacy labels by default: your name and number are partly masked, and couriers reach you through a virtual number.',
      ['privacy label', 'phone number on parcel', 'is my address visible on the label'],
    ],
  ),
  t(
    'privacy',
    [
      '可以删除或导出我的个人数据吗？',
      '可以。联系客服或在“账户设置-隐私”中提交申请，我们在15个工作日内提供数据副本或完成删除。删除后无法恢复订单记录，法律要求保留的交易信息会按规定期限保存。',
      ['删除我的数据', '导出个人信息', '下载我的数据', '清除我的信息'],
    ],
    [
      'Can I delete or export my personal data?',
      'Yes. Contact support or submit a request under Account settings > Privacy; we send a copy or complete the deletion within 15 business days. Deleted order history cannot be restored, and transaction records the law requires us to keep are retained for the required period.',
      ['delete my data', 'export my personal information', 'download my data', 'gdpr request'],
    ],
  ),
  t(
    'privacy',
    [
      '怎么退订营销短信？',
      '回复短信“TD”即可退订营销短信，也可以在“账户设置-消息通知”中关闭。订单、物流和售后通知不受影响。',
      ['不想收短信', '退订广告', '短信太多了', '关闭推送'],
    ],
    [
      'How do I stop marketing messages?',
      'Reply "TD" to any marketing SMS, or switch them off in Account settings > Notifications. Order, delivery and after-sales messages still arrive.',
      ['unsubscribe from sms', 'stop promotional texts', 'too many messages', 'turn off notifications'],
    ],
  ),
  // ---------------------------------------------------------------- store policy
  t(
    'store-policy',
    [
      '你们卖的是正品吗？',
      '本店所有商品均由品牌方或品牌授权渠道直接供货，支持专柜或官方渠道验货。如经权威机构鉴定为假货，我们假一赔十。',
      ['是正品吗', '保真吗', '会不会是假货', '有没有授权'],
    ],
    [
      'Are your products genuine?',
      'Everything we sell comes directly from the brand or its authorised distributors and can be verified through official channels. If an item is certified as counterfeit by an authorised body, we pay you ten times its price.',
      ['is it authentic', 'are these fakes', 'genuine guarantee', 'authorised seller?'],
    ],
  ),
  t(
    'store-policy',
    [
      '缺货的商品什么时候补货？',
      '缺货商品可以在商品页点“到货提醒”，补货后会第一时间通过短信或App通知您。补货时间以品牌供货为准，一般1-3周。',
      ['什么时候有货', '断货了还会补吗', '到货通知', '售罄了还有吗'],
    ],
    [
      'When will a sold-out item be back in stock?',
      'Tap "Notify me" on the product page and we will message you as soon as it is restocked. Restock times depend on the brand, usually 1-3 weeks.',
      ['restock date', 'out of stock when back', 'back in stock alert', 'sold out will you get more'],
    ],
  ),
  t(
    'store-policy',
    [
      '企业批量采购有优惠吗？',
      '同一商品采购50件以上可享企业采购价，并可开具增值税专用发票、定制包装。请联系客服或发邮件至 service@shiguang.example，注明商品、数量和收货城市。',
      ['批量购买', '团购', '公司采购', '买很多能便宜吗'],
    ],
    [
      'Do you offer bulk or corporate discounts?',
      'Orders of 50 or more of the same item get corporate pricing, special VAT invoices and custom packaging. Contact support or email service@shiguang.example with the item, quantity and delivery city.',
      ['bulk order', 'corporate purchase', 'wholesale price', 'buying in large quantity'],
    ],
  ),
  t(
    'store-policy',
    [
      '可以帮忙包装成礼物吗？',
      '可以。结算时勾选“礼品包装”（10元），含礼盒和贺卡，可写祝福语；包裹内不放价格单。美妆香水类商品自带礼袋，免费。',
      ['礼品包装', '送人能包装吗', '可以写贺卡吗', '不要放发票和价格'],
    ],
    [
      'Can you gift-wrap my order?',
      'Yes. Tick "Gift wrap" at checkout (¥10) for a gift box and a card with your message; no price slip goes in the parcel. Beauty and perfume come with a free gift bag.',
      ['gift wrapping', 'send as a present', 'add a gift card', 'no prices in the box'],
    ],
  ),
  t(
    'store-policy',
    [
      '你们有线下门店吗？',
      '拾光优选目前只在线上经营，没有线下门店和自提点，所有订单由杭州仓和东莞仓发货。',
      ['实体店在哪', '能去店里看吗', '可以自提吗', '门店地址'],
    ],
    [
      'Do you have physical stores?',
      'Shiguang Select is online only: no physical stores or pickup points. All orders ship from our Hangzhou and Dongguan warehouses.',
      ['store location', 'can i visit a shop', 'pick up in person', 'where is your store'],
    ],
  ),
  t(
    'store-policy',
    [
      '商品页上的划线价是什么意思？',
      '划线价是该商品此前在本店的销售价格，不是厂商指导价。当前售价低于划线价，表示商品已降价；降价后7天内付款的订单仍可申请价格保护。',
      ['划线价', '原价是什么意思', '划掉的价格', '降价了多少'],
    ],
    [
      'What does the crossed-out price mean?',
      'The crossed-out price is what the item previously sold for in our shop, not a manufacturer’s list price. A lower current price means it has been reduced; orders paid within 7 days before a further drop can still claim price protection.',
      ['strikethrough price', 'original price meaning', 'was price', 'how much is the discount'],
    ],
  ),
  t(
    'store-policy',
    [
      '客服是机器人吗？',
      '您现在对话的是智能客服，可以查订单、查物流、办理退换货和解答常见问题。需要真人时输入“转人工”，工作时间（9:00-22:00）会由人工客服接待。',
      ['你是机器人吗', '是真人吗', '智能客服', '在跟谁聊天'],
    ],
    [
      'Am I talking to a bot?',
      'You are chatting with our virtual assistant: it can look up orders and tracking, handle returns and answer common questions. Type "agent" to reach a person during service hours (9:00-22:00).',
      ['are you a robot', 'is this a real person', 'am i chatting with ai', 'who am i talking to'],
    ],
  ),
]

/** One FAQ import row. */
export type DemoFaq = {
  id: string
  question: string
  answer: string
  similar: string[]
  category: string
  locale: 'zh' | 'en'
}

/** All FAQ entries, Chinese first, then English; faq-zh-N and faq-en-N share a topic. */
export function buildFaq(): DemoFaq[] {
  const id = (loc: string, i: number) => `faq-${loc}-${String(i + 1).padStart(3, '0')}`
  const side = (loc: 'zh' | 'en') =>
    TOPICS.map((tp, i) => {
      const [question, answer, similar] = tp[loc]
      return { id: id(loc, i), question, answer, similar, category: tp.category, locale: loc }
    })
  return [...side('zh'), ...side('en')]
}
