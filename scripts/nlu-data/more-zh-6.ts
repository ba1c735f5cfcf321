/**
 * More Chinese training fragments, fourth batch (train + dev, never test): boundary pairs of
 * docs/nlu-data.md, longer colloquial phrasings, and the vocabulary the third batch left out.
 */
import { lineList } from './line-list.js'
import type { MoreSpec } from './more-train.js'

export const moreZh6: MoreSpec = {
  after_sales_fault: {
    // A fault plus "can it be replaced": a warranty replacement (after_sales_fault), not a return.
    lines: lineList(`
      充不进电了 保修能换新吗
      屏幕闪屏 能给换个新的吗
      手表不亮了 在保修期能换吗
      电饭煲不加热了 能换新机吗
      一边耳机不响了 质保换新还是维修
      键盘失灵 能直接换一台吗
      锅的涂层掉了 可以换个新的吗
      蓝牙老断 保修期内给换吗
      开不了机了 能换新还是只能修
      吹风机冒烟了 给换一个吧
    `),
    templates: [],
  },
}
