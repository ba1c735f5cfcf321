import { describe, expect, it } from 'vitest'
import { detectQuestionNeeds } from './detect-question-needs.js'

const needs = (t: string) => detectQuestionNeeds(t).needs

describe('detectQuestionNeeds', () => {
  it('finds a comparison, advice for a person and a request for reasons in the issue-12 question', () => {
    expect(
      needs('我预算有限，声屿 Pro 5 降噪蓝牙耳机和锐思 RayBook 14 轻薄本哪个更适合送给刚上大学的弟弟？说说理由'),
    ).toEqual(['comparison', 'advice', 'explanation'])
  })

  it.each([
    ['声屿 Pro 5 多少钱', []],
    ['这个耳机有货吗', []],
    ['我的订单到哪了', []],
    ['有没有比较便宜的耳机', []],
    ['不同颜色都有货吗', []],
    ['how much is the Soniq Pro 5?', []],
  ])('a plain lookup needs nothing: %s', (text, expected) => {
    expect(needs(text)).toEqual(expected)
  })

  it.each([
    ['灵犀 Buds 2 Pro 和声屿 Pro 5 有什么区别', 'comparison'],
    ['Book Air 13 还是 RayBook 14 更好', 'comparison'],
    ['which one is better for travel, the Air 3 or the Pro 5?', 'comparison'],
    ['想买个耳机送给女朋友', 'advice'],
    ['有适合学生用的笔记本吗', 'advice'],
    ['I need a gift for my dad', 'advice'],
    ['为什么这款耳机比那款贵', 'explanation'],
    ['why is the Pro 5 more expensive?', 'explanation'],
    ['声屿 Pro 5 音质怎么样', 'opinion'],
    ['is the RayBook 14 worth it?', 'opinion'],
  ])('%s → %s', (text, need) => {
    expect(needs(text)).toContain(need)
  })

  it('counts several questions in one message', () => {
    expect(detectQuestionNeeds('运费多少？几天能到？').questionCount).toBe(2)
    expect(needs('运费多少？另外可以开发票吗')).toContain('several_questions')
    expect(needs('How long is shipping? Do you ship to Hong Kong?')).toContain('several_questions')
    expect(needs('运费多少？')).not.toContain('several_questions')
  })
})
