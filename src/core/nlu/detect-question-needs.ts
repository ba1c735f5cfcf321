/**
 * What kind of answer a question needs, beyond its intent: a comparison ("A和B哪个…"), advice for a
 * person or purpose ("送给弟弟", "适合学生"), a reason or explanation ("为什么", "说说理由"), an
 * opinion on a product ("音质怎么样", "值得买吗"), or several questions at once. A lookup ("多少钱",
 * "有货吗") needs none of these. The LLM routing policy (src/core/llm-routing/route-by-need.ts) reads
 * this typed result; only this module reads the customer's text for these cues. Both languages.
 */

export type QuestionNeed = 'comparison' | 'advice' | 'explanation' | 'opinion' | 'several_questions'

export type QuestionNeeds = {
  /** In the order above; empty for a plain lookup or request. */
  needs: QuestionNeed[]
  /** Questions counted in the message (a message with no question mark and no question word counts 0). */
  questionCount: number
}

const COMPARISON = [
  // "A和B哪个好", "A还是B更适合", "A跟B比", "A与B选哪个"
  /(和|跟|与|同|还是|或者|或是|对比|比起|相比)[^。！!？?]{0,40}(哪个|哪款|哪一个|哪一款|哪种|哪台|哪部|选哪|谁|更)/,
  /(区别|差别|差异|有什么不同|有啥不同|有何不同|对比|比较一下|比一比|PK|pk|怎么选|如何选|选哪|二选一)/,
  /\b(compare|comparison|versus|vs\.?|difference between|differences between|which (one )?(is|would be) (better|best|cheaper)|better than)\b/i,
]
const ADVICE = [
  /(送给|送人|送礼|礼物|送[^。！!？?]{0,6}(爸|妈|父|母|弟|妹|哥|姐|男朋友|女朋友|男友|女友|老婆|老公|孩子|朋友|同事|老师|长辈))/,
  /(适合|合适|适用|推荐给|给[^。！!？?]{0,4}(爸|妈|弟|妹|哥|姐|孩子|学生|老人)用|预算|刚上大学|上学用|学生用|办公用|打游戏用)/,
  /\b(gift|present|suitable|suit(s)? (me|my|a|an)|good for|best for|recommend(ed)? for|for my (mom|mum|dad|brother|sister|son|daughter|wife|husband|girlfriend|boyfriend|friend|kid|parents)|on a budget)\b/i,
]
const EXPLANATION = [
  /(为什么|为啥|为何|凭什么|什么原因|原因是|说说理由|讲讲理由|理由|解释一下|原理|怎么回事|有什么讲究)/,
  /\b(why|how come|explain|reason(s)? (why|for)|what makes)\b/i,
]
const OPINION = [
  /(怎么样|好不好|好用吗|好用不|值得买|值不值|值得入手|靠谱吗|质量如何|质量怎样|音质如何|效果如何|体验如何|评价如何|口碑)/,
  /\b(is it (any )?good|any good|worth (it|buying|the money)|how good|what do you think|your opinion|reviews?)\b/i,
]
const QUESTION_WORD =
  /(吗|么|呢|怎么|如何|什么|哪|多少|几|能不能|可不可以|是否|有没有|为什么|为啥|\b(how|what|where|when|why|which|can|could|do|does|is|are|will|should)\b)/i
/** Clauses: sentence ends, and the joins that start another question ("另外", "还有", "and also"). */
const CLAUSE_SPLIT = /[？?。！!；;\n]+|(?:另外|还有就是|还有|以及|顺便问一?下|再问一?下|\band also\b|\balso,)/i

function any(res: RegExp[], text: string): boolean {
  return res.some((re) => re.test(text))
}

/** Questions in `text`: clauses with a question mark or a question word. */
export function countQuestions(text: string): number {
  let n = 0
  for (const clause of text.split(CLAUSE_SPLIT)) {
    if (clause && clause.trim().length >= 2 && QUESTION_WORD.test(clause)) n++
  }
  // "…吗？" with no clause word still counts once.
  if (n === 0 && /[?？]/.test(text)) n = 1
  return n
}

/**
 * The needs of one message.
 *
 * @example
 * detectQuestionNeeds('耳机和笔记本哪个更适合送给弟弟？说说理由').needs
 * // ['comparison', 'advice', 'explanation']
 * detectQuestionNeeds('这个耳机多少钱').needs // []
 */
export function detectQuestionNeeds(text: string): QuestionNeeds {
  const t = text.slice(0, 500)
  const needs: QuestionNeed[] = []
  if (any(COMPARISON, t)) needs.push('comparison')
  if (any(ADVICE, t)) needs.push('advice')
  if (any(EXPLANATION, t)) needs.push('explanation')
  if (any(OPINION, t)) needs.push('opinion')
  const questionCount = countQuestions(t)
  if (questionCount >= 2) needs.push('several_questions')
  return { needs, questionCount }
}
