/**
 * Shop rules as forms (returns, tickets, handoff, LLM, business hours and queues): each field checked
 * with the server's own schema as it is typed (the message next to the field), and the server's
 * `{error:{code,message}}` shown next to the field it names (`routing.offerSeconds: …`). The server
 * stays the judge; the raw JSON editors below remain for everything the forms do not cover.
 */
import { useState } from 'preact/hooks'
import { shopSettingsPatchSchema } from '../../../src/core/domain/shop-settings.js'
import { ApiError, type BackofficeApi, type ShopView } from './backoffice-api.js'
import type { BackofficeStrings } from './backoffice-i18n.js'

export type FormSection = 'returns' | 'tickets' | 'policy' | 'llm' | 'routing'
type FieldType = 'number' | 'bool' | 'text' | 'list'
type Field = { path: string[]; type: FieldType }

export const FORM_FIELDS: Record<Exclude<FormSection, 'routing'>, Field[]> = {
  returns: [
    { path: ['noReasonDays'], type: 'number' },
    { path: ['qualityIssueDays'], type: 'number' },
    { path: ['exchangeDays'], type: 'number' },
    { path: ['refundDays'], type: 'number' },
    { path: ['customerPaysShipping'], type: 'bool' },
    { path: ['returnAddress'], type: 'text' },
  ],
  tickets: [
    { path: ['defaultQueue'], type: 'text' },
    { path: ['slaHours', 'urgent'], type: 'number' },
    { path: ['slaHours', 'high'], type: 'number' },
    { path: ['slaHours', 'normal'], type: 'number' },
    { path: ['slaHours', 'low'], type: 'number' },
  ],
  policy: [
    { path: ['handoffOnRequest'], type: 'bool' },
    { path: ['emotionHandoffThreshold'], type: 'number' },
    { path: ['maxFailedTurns'], type: 'number' },
    { path: ['intentThreshold'], type: 'number' },
    { path: ['requireVerification'], type: 'bool' },
  ],
  llm: [
    { path: ['enabled'], type: 'bool' },
    { path: ['model'], type: 'text' },
    { path: ['maxTokens'], type: 'number' },
    { path: ['temperature'], type: 'number' },
    { path: ['maxCallsPerConversation'], type: 'number' },
    { path: ['monthlyBudget'], type: 'number' },
    { path: ['currency'], type: 'text' },
    { path: ['tools'], type: 'bool' },
  ],
}

const ROUTING_FIELDS: Field[] = [
  { path: ['offerSeconds'], type: 'number' },
  { path: ['defaultHandlingMinutes'], type: 'number' },
  { path: ['defaultQueue'], type: 'text' },
]
export const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const

type Obj = Record<string, unknown>
const getIn = (o: Obj, path: string[]): unknown =>
  path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Obj)[k] : undefined), o)

/** A copy of `o` with `path` set to `value` (undefined removes it; emptied objects are removed too). */
export function setIn(o: Obj, path: string[], value: unknown): Obj {
  const [head, ...rest] = path
  if (head === undefined) return o
  const next: Obj = { ...o }
  const child = rest.length === 0 ? value : setIn((o[head] as Obj | undefined) ?? {}, rest, value)
  if (child === undefined || (rest.length > 0 && Object.keys(child as Obj).length === 0)) delete next[head]
  else next[head] = child
  return next
}

/** `"09:00-12:00, 13:00-18:00"` → the ranges; empty → closed (no entry). */
export const parseRanges = (text: string): string[] =>
  text
    .split(/[,，;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean)

/** Field errors of a section draft, by dotted path inside the section, from the server's schema. */
export function checkSection(key: FormSection, draft: Obj): Map<string, string> {
  const out = new Map<string, string>()
  const r = shopSettingsPatchSchema.safeParse({ [key]: draft })
  if (!r.success) for (const i of r.error.issues) out.set(i.path.slice(1).join('.'), i.message)
  return out
}

/** The error shown next to a field: its own, or one inside it (a queue row's member…). */
const errorAt = (errors: Map<string, string>, path: string) => {
  for (const [p, m] of errors) if (p === path || p.startsWith(`${path}.`)) return `${p}: ${m}`
  return null
}

function FieldInput(props: {
  section: string
  f: Field
  draft: Obj
  label: string
  error: string | null
  onChange: (v: unknown) => void
}) {
  const { f } = props
  const v = getIn(props.draft, f.path)
  const name = f.path.join('.')
  const id = `${props.section}-${name}`
  return (
    <div class="field" data-field={name}>
      <label for={id}>{props.label}</label>
      {f.type === 'bool' ? (
        <select
          id={id}
          name={name}
          value={v === undefined ? '' : String(v)}
          onChange={(e) => {
            const s = (e.target as HTMLSelectElement).value
            props.onChange(s === '' ? undefined : s === 'true')
          }}
        >
          <option value="">—</option>
          <option value="true">✓</option>
          <option value="false">✗</option>
        </select>
      ) : (
        <input
          id={id}
          name={name}
          inputMode={f.type === 'number' ? 'decimal' : undefined}
          value={v === undefined ? '' : Array.isArray(v) ? v.join(', ') : String(v)}
          onInput={(e) => {
            const s = (e.target as HTMLInputElement).value
            if (s.trim() === '') return props.onChange(undefined)
            if (f.type === 'number') return props.onChange(Number.isNaN(Number(s)) ? s : Number(s))
            if (f.type === 'list') return props.onChange(parseRanges(s))
            props.onChange(s)
          }}
        />
      )}
      {props.error && <small class="form-error field-error">{props.error}</small>}
    </div>
  )
}

/** One section as a form: Save sends the whole key (it replaces the stored one, like the JSON editor). */
export function RuleForm(props: {
  api: BackofficeApi
  bo: BackofficeStrings
  k: FormSection
  shop: ShopView
  onSaved: (s: ShopView) => void
}) {
  const { bo, k } = props
  const s = bo.settings
  const stored = props.shop.settings[k]
  const [draft, setDraft] = useState<Obj>(() =>
    k === 'llm' && stored === false ? { enabled: false } : structuredClone((stored as Obj | undefined) ?? {}),
  )
  const [serverError, setServerError] = useState<{ field: string; message: string } | null>(null)
  const [saved, setSaved] = useState(false)
  const errors = checkSection(k, draft)
  if (serverError) errors.set(serverError.field, serverError.message)
  const change = (path: string[], value: unknown) => {
    setDraft((d) => setIn(d, path, value))
    setServerError(null)
    setSaved(false)
  }
  const save = async () => {
    try {
      props.onSaved(await props.api.patchSettings({ [k]: draft }))
      setSaved(true)
    } catch (e) {
      const message = e instanceof ApiError ? e.message : String(e)
      // The server names the field first: `routing.queues.0.id: …`.
      const m = /^([\w.]+): (.*)$/s.exec(message)
      const field = m && m[1]!.startsWith(`${k}.`) ? m[1]!.slice(k.length + 1) : ''
      setServerError({ field, message: e instanceof ApiError ? `${e.code}: ${m?.[2] ?? message}` : message })
    }
  }
  const fields = k === 'routing' ? ROUTING_FIELDS : FORM_FIELDS[k]
  const general = errorAt(new Map([...errors].filter(([p]) => p === '')), '')
  return (
    <section class="bo-rule-form" data-form={k} aria-label={s.sections[k]}>
      <h3>{s.sections[k]}</h3>
      <div class="bo-form-grid">
        {fields.map((f) => (
          <FieldInput
            key={f.path.join('.')}
            section={k}
            f={f}
            draft={draft}
            label={s.fields[f.path.join('.')] ?? f.path.join('.')}
            error={errorAt(errors, f.path.join('.'))}
            onChange={(v) => change(f.path, v)}
          />
        ))}
      </div>
      {k === 'routing' && <RoutingExtras bo={bo} draft={draft} errors={errors} change={change} />}
      {general && <div class="form-error">{general}</div>}
      <div class="bo-inline">
        <button type="button" class="button primary" disabled={errors.size > 0} onClick={() => void save()}>
          {s.save}
        </button>
        {saved && <span class="bo-ok">{bo.saved}</span>}
      </div>
    </section>
  )
}

/** Business hours (one line per day) and the skill queues (id, names, members). */
function RoutingExtras(props: {
  bo: BackofficeStrings
  draft: Obj
  errors: Map<string, string>
  change: (path: string[], value: unknown) => void
}) {
  const s = props.bo.settings
  const hours = (props.draft.businessHours as Record<string, string[]> | undefined) ?? {}
  const queues = (props.draft.queues as Array<Obj> | undefined) ?? []
  const setQueues = (next: Array<Obj>) => props.change(['queues'], next.length > 0 ? next : undefined)
  const setQueue = (i: number, path: string[], value: unknown) =>
    setQueues(queues.map((q, j) => (j === i ? setIn(q, path, value) : q)))
  return (
    <>
      <h4>{s.businessHours}</h4>
      <p class="bo-hint">{s.hoursHint}</p>
      <div class="bo-form-grid" data-testid="business-hours">
        {WEEK.map((d) => (
          <label key={d} class="field" data-field={`businessHours.${d}`}>
            <span>{s.days[d]}</span>
            <input
              name={`hours-${d}`}
              placeholder={s.closed}
              value={(hours[d] ?? []).join(', ')}
              onInput={(e) => {
                const ranges = parseRanges((e.target as HTMLInputElement).value)
                props.change(['businessHours', d], ranges.length > 0 ? ranges : undefined)
              }}
            />
            {errorAt(props.errors, `businessHours.${d}`) && (
              <small class="form-error field-error">{errorAt(props.errors, `businessHours.${d}`)}</small>
            )}
          </label>
        ))}
      </div>
      <h4>{s.queues}</h4>
      <table class="bo-table" data-testid="queue-rows">
        <tbody>
          {queues.map((q, i) => {
            const err = errorAt(props.errors, `queues.${i}`)
            const name = (q.name as { zh?: string; en?: string } | undefined) ?? {}
            return (
              <tr key={i} data-queue-row={i}>
                <td>
                  <input
                    name={`queue-${i}-id`}
                    placeholder="pre-sales"
                    value={String(q.id ?? '')}
                    onInput={(e) => setQueue(i, ['id'], (e.target as HTMLInputElement).value)}
                  />
                </td>
                <td>
                  <input
                    name={`queue-${i}-zh`}
                    placeholder="售前"
                    value={name.zh ?? ''}
                    onInput={(e) => setQueue(i, ['name', 'zh'], (e.target as HTMLInputElement).value || undefined)}
                  />
                </td>
                <td>
                  <input
                    name={`queue-${i}-en`}
                    placeholder="Pre-sales"
                    value={name.en ?? ''}
                    onInput={(e) => setQueue(i, ['name', 'en'], (e.target as HTMLInputElement).value || undefined)}
                  />
                </td>
                <td>
                  <input
                    name={`queue-${i}-members`}
                    placeholder={s.membersHint}
                    value={((q.members as string[] | undefined) ?? []).join(', ')}
                    onInput={(e) => setQueue(i, ['members'], parseRanges((e.target as HTMLInputElement).value))}
                  />
                  {err && <small class="form-error field-error">{err}</small>}
                </td>
                <td>
                  <button type="button" class="link-button" onClick={() => setQueues(queues.filter((_, j) => j !== i))}>
                    {s.remove}
                  </button>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <button
        type="button"
        class="button"
        data-action="add-queue"
        onClick={() => setQueues([...queues, { id: '', members: [] }])}
      >
        {s.addQueue}
      </button>
    </>
  )
}
