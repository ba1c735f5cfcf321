/**
 * Words that carry no topic. They are dropped from index and query terms so
 * that "请问你们包邮吗" and "包邮吗" look the same to retrieval. Question words
 * that change meaning (多少, 哪个, how, which) are deliberately kept.
 */
export const ZH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    '的 了 吗 呢 吧 啊 呀 哦 哈 嗯 么 嘛 哇 啦 呗 我 你 您 我们 你们 他 她 它 他们 这 那 这个 那个 这款 那款 款 个 是 在 有 就 都 也 还 和 与 及 或 ' +
    '请问 请 问 问一下 一下 麻烦 谢谢 你好 您好 亲 客服 想 想问 想知道 知道 能 能不能 可以 可不可以 会 会不会 要 吗？ 呢？ 一个 一些 些 ' +
    '下 给 让 把 被 对 从 到 里 上 中 吧？ 嘛？ 啥 得 地 着 过 并 又 而 且 但 但是 如果 的话 话 现在 目前 一般 大概 呀？'
  ).split(' '),
)

export const EN_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if of to in on at by for with from as is are was were be been being am do does did ' +
    'i me my we our you your he she it its they them their this that these those there here ' +
    'can could would should will shall may might must please hi hello hey thanks thank pls plz ' +
    'just so too very really also any some about into than then please kindly want wanna like ' +
    "i'm im it's its you're what's whats s t"
  ).split(' '),
)

/** Sentence particles never worth a character bigram (邮吗, 的话 …). */
export const ZH_PARTICLES: ReadonlySet<string> = new Set('的了吗呢吧啊呀哦么嘛哈啦呗？?，,。！!'.split(''))
