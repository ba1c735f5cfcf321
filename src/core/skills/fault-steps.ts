/**
 * The fault's diagnostic questions, then its solutions, one at a time ("did that help?"), skipping what
 * the customer already answered or tried. Returns the next turn, or why a ticket is due: a safety
 * symptom or an explicit request goes straight to the ticket, and so does a customer who already did
 * the troubleshooting.
 */
import { type FaultTask, noTask } from '../dialogue/task-state.js'
import type { Fault } from '../domain/schemas.js'
import { isSafetyStep } from '../nlu/detect-fault-cues.js'
import { isActionStep } from '../nlu/match-tried-steps.js'
import type { FaultCues } from '../nlu/types.js'
import { type EscalationKind, skippedLine, stepList } from './fault-replies.js'
import { ask, done, type SkillContext, type SkillResult } from './skill-types.js'
import { say, yesNo } from './text.js'

export async function troubleshoot(
  sc: SkillContext,
  t: FaultTask,
  fault: Fault | null,
  cues: FaultCues,
  escalateNow: boolean,
): Promise<SkillResult | EscalationKind> {
  const L = sc.locale
  const read = sc.understanding.read
  const slots = sc.state.slots
  t.answers = t.answers ?? []
  const qDone = new Set(t.qDone ?? [])
  const sDone = new Set(t.sDone ?? [])
  const reported = new Set(t.reported ?? [])
  let kind: EscalationKind = t.urgent ? 'safety' : t.requested ? 'requested' : 'unresolved'
  if (!fault) return kind
  {
    const awaiting = sc.state.awaiting
    // An answer that tells more than a bare yes / no, or one given before it was asked, says enough
    // about what happens to move on to the fixes.
    let detailed = false
    // "关了佩戴检测就好了 谢谢", "that fixed it": whatever they did (a step offered or one of their own)
    // solved it; nothing to repair, no ticket.
    if ((awaiting === 'feedback' || awaiting === 'faultAnswer') && cues.fixed && !escalateNow) {
      const own = read.triedSteps(fault.solutions, { ignore: [fault.symptom, ...fault.similar] })[0]
      const step = own ?? (awaiting === 'feedback' ? (t.sIndex ?? 0) : -1)
      return resolved(
        sc,
        fault,
        fault.solutions[step] ?? null,
        step >= 0 ? `fault_resolved_by_solution_${step + 1}` : 'fault_resolved_by_customer',
      )
    }
    if (awaiting === 'faultAnswer' && sc.answeredAwaiting) {
      detailed = sc.understanding.chars >= DETAILED_ANSWER_CHARS
      const i = t.qIndex ?? 0
      const q = fault.questions[i]
      if (q && !qDone.has(i)) t.answers.push({ question: q, answer: read.record(300) })
      qDone.add(i)
    }
    if (awaiting === 'feedback' && (sc.answeredAwaiting || cues.alreadyTried || cues.wantsRepairNow)) {
      // "好 切了均衡模式还是很吵": a yes that goes on to report a step tried is no "it worked".
      const reportsStep =
        cues.alreadyTried && read.triedSteps(fault.solutions, { ignore: [fault.symptom, ...fault.similar] }).length > 0
      if (sc.signals.affirm && !escalateNow && !reportsStep)
        return resolved(
          sc,
          fault,
          fault.solutions[t.sIndex ?? 0] ?? null,
          `fault_resolved_by_solution_${(t.sIndex ?? 0) + 1}`,
        )
      sDone.add(t.sIndex ?? 0)
    }
    // What this message says the customer already answered or tried ("放回盒子充了十分钟 也重新配对了").
    const ignore = [fault.symptom, ...fault.similar]
    // A question is answered by the details of the symptom too ("flickers when brightness is low"
    // answers "only at low brightness?"): only the fault's own name does not count.
    for (const i of read.triedSteps(fault.questions, { ignore: [fault.symptom], answers: true })) {
      if (qDone.has(i)) continue
      qDone.add(i)
      detailed = true
      t.answers.push({ question: fault.questions[i]!, answer: read.record(300) })
    }
    const newly: number[] = []
    // The step just offered counts as reported when the customer says they did it ("触点擦过了").
    const offered = awaiting === 'feedback' ? (t.sIndex ?? 0) : -1
    if (cues.alreadyTried)
      for (const i of read.triedSteps(fault.solutions, { ignore })) {
        if (i === offered && !reported.has(i)) reported.add(i)
        if (sDone.has(i)) continue
        sDone.add(i)
        reported.add(i)
        newly.push(i)
      }
    // "no swelling or burning smell though": the stop-use step for those symptoms does not apply.
    if (cues.safetyDenied)
      fault.solutions.forEach((step, i) => {
        if (isSafetyStep(step)) sDone.add(i)
      })
    t.qDone = [...qDone].sort((a, b) => a - b)
    t.sDone = [...sDone].sort((a, b) => a - b)
    t.reported = [...reported].sort((a, b) => a - b)
    t.tried = fault.solutions.filter((_, i) => sDone.has(i))

    const n = fault.solutions.length
    // A customer who already did the troubleshooting is not walked through it again: two of the steps,
    // the last and most thorough one, or one step and something beyond the guide ("restarted twice").
    const lastAction = fault.solutions.reduce((last, step, i) => (isActionStep(step) ? i : last), -1)
    // (a step reported in an earlier message counts: "using the original charger", then "cleaned the
    // port and restarted, still slow")
    const beyond =
      newly.length > 0 || (reported.size > 0 && cues.alreadyTried) ? read.triedBeyond(fault.solutions, { ignore }) : 0
    const triedEnough = reported.size >= 2 || (reported.size >= 1 && (reported.has(lastAction) || beyond > 0))
    // "flickers even on the boot logo, worse when I move the lid": the message already meets the
    // condition of a step that says it needs a repair; nothing left to try first.
    const verdict =
      kind === 'unresolved'
        ? read
            .repairVerdicts(fault.solutions, { ignore: [fault.symptom] })
            .filter((i) => !isSafetyStep(fault.solutions[i]!))
        : []
    if (verdict.length > 0) {
      t.answers.push({ question: fault.solutions[verdict[0]!]!, answer: read.record(300) })
      return 'decisive'
    }
    if (kind === 'unresolved' && triedEnough && sDone.size < n) kind = 'tried'
    if (kind === 'unresolved' && reported.size > 0 && sDone.size >= n) kind = 'tried'
    if (!escalateNow && !triedEnough) {
      const skipped = newly.length > 0 ? `${skippedLine(L, stepList(fault.solutions, newly, L))} ` : ''
      // A detailed answer is enough to move on to the fixes: a customer who has told us what happens
      // is helped next, not questioned further (the ticket keeps every answer given).
      const qi = detailed ? -1 : fault.questions.findIndex((_, i) => !qDone.has(i))
      const q = fault.questions[qi]
      const introduce = (first: string, firstEn: string) =>
        !t.introduced
          ? `${say(
              L,
              `了解，${slots.deviceModel}：${fault.symptom}。${slots.inWarranty === true ? '设备在保修期内。' : ''}${first}`,
              `Got it, ${slots.deviceModel}: ${fault.symptom}. ${slots.inWarranty === true ? "It's under warranty. " : ''}${firstEn}`,
            )} `
          : ''
      if (q) {
        t.qIndex = qi
        const intro = introduce('先确认一下：', 'First:').trimEnd()
        t.introduced = true
        return ask(
          sc,
          'faultAnswer',
          { text: `${skipped}${intro}${intro ? ' ' : ''}${q}` },
          `fault_question_${qi + 1}_of_${fault.questions.length}`,
        )
      }
      const si = fault.solutions.findIndex((_, i) => !sDone.has(i))
      const sol = fault.solutions[si]
      if (sol) {
        t.sIndex = si
        const intro = introduce('', '')
        t.introduced = true
        // A fix to try is information first ("did that help?" keeps the flow waiting for the outcome).
        return asAnswer(
          ask(
            sc,
            'feedback',
            {
              text: `${skipped}${intro}${say(
                L,
                `请试试这个方法（${si + 1}/${n}）：${sol}\n这样能解决吗？`,
                `Please try this (${si + 1}/${n}): ${sol}\nDid that help?`,
              )}`,
              buttons:
                L === 'zh'
                  ? [
                      { label: '解决了', payload: '解决了' },
                      { label: '还是不行', payload: '还是不行' },
                    ]
                  : yesNo(L).map((_b, i) =>
                      i === 0
                        ? { label: 'It worked', payload: 'it worked' }
                        : { label: 'Still broken', payload: "didn't help" },
                    ),
            },
            `fault_solution_${si + 1}_of_${n}`,
          ),
        )
      }
    }
  }
  return kind
}

/** The problem is gone: close the flow without a ticket, and record which fix did it. */
function resolved(sc: SkillContext, fault: Fault, solution: string | null, reason: string): SkillResult {
  const events = [{ type: 'fault.resolved', data: { faultId: fault.id, solution } }]
  sc.state.task = noTask()
  delete sc.state.slots.symptom
  return done(
    sc,
    [
      {
        text: say(
          sc.locale,
          '太好了，问题解决了！还有其他可以帮您的吗？',
          'Great, glad that fixed it! Anything else I can help with?',
        ),
      },
    ],
    'answer',
    reason,
    { events },
  )
}

/** Characters of a reply to a question that tell more than "亮的" / "yes". */
const DETAILED_ANSWER_CHARS = 6

function asAnswer(r: SkillResult): SkillResult {
  return { ...r, action: 'answer' }
}
