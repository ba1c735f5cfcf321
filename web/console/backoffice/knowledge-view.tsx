/** Knowledge: FAQ list with search and filters, the editor, a bot-answer preview and mined unanswered questions. */
import { useEffect, useState } from 'preact/hooks'
import { ApiError, type BackofficeApi, type Faq, type FaqCandidate, type SearchPreview } from './backoffice-api.js'
import type { BackofficeStrings } from './backoffice-i18n.js'
import { type FaqDraftInput, FaqEditor } from './faq-editor.js'

type Target = { id: string } | { draft: FaqDraftInput } | null

/** A draft from a mined question: its phrasings become `similar`; the id is derived from the candidate. */
export function draftFromCandidate(c: FaqCandidate, answerTodo: string): FaqDraftInput {
  return {
    id: `mined-${c.id}`.slice(0, 64),
    question: c.question,
    answer: answerTodo,
    similar: c.similar.filter((s) => s !== c.question).slice(0, 20),
    category: 'mined',
    locale: c.locale,
  }
}

export function KnowledgeView(props: { api: BackofficeApi; bo: BackofficeStrings; canWrite: boolean }) {
  const { api, bo } = props
  const [q, setQ] = useState('')
  const [status, setStatus] = useState('')
  const [locale, setLocale] = useState('')
  const [items, setItems] = useState<Faq[] | null>(null)
  const [target, setTarget] = useState<Target>(null)
  const [error, setError] = useState<string | null>(null)
  const [candidates, setCandidates] = useState<FaqCandidate[]>([])

  const refresh = () =>
    api
      .listFaq({ q, status, locale })
      .then((r) => setItems(r.items))
      .catch((e) => setError(e instanceof ApiError ? e.message : String(e)))

  useEffect(() => {
    const timer = setTimeout(() => void refresh(), 200)
    return () => clearTimeout(timer)
  }, [q, status, locale])

  useEffect(() => {
    api
      .candidates()
      .then((r) => setCandidates(r.candidates.filter((c) => !c.answeredBy)))
      .catch(() => setCandidates([]))
  }, [])

  return (
    <div class="bo-knowledge">
      <section class="bo-card faq-list" aria-label={bo.nav.knowledge}>
        <div class="bo-filters">
          <input
            type="search"
            name="faq-search"
            placeholder={bo.search}
            value={q}
            onInput={(e) => setQ((e.target as HTMLInputElement).value)}
          />
          <select name="faq-status" value={status} onChange={(e) => setStatus((e.target as HTMLSelectElement).value)}>
            <option value="">{bo.allStatuses}</option>
            {Object.entries(bo.faqStatus).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
          <select
            name="faq-locale-filter"
            value={locale}
            onChange={(e) => setLocale((e.target as HTMLSelectElement).value)}
          >
            <option value="">{bo.allLocales}</option>
            <option value="zh">中文</option>
            <option value="en">English</option>
          </select>
          {props.canWrite && (
            <button
              type="button"
              class="button primary"
              data-action="new-faq"
              onClick={() =>
                setTarget({
                  draft: { id: '', question: '', answer: '', similar: [], category: 'general', locale: 'zh' },
                })
              }
            >
              {bo.newFaq}
            </button>
          )}
        </div>
        {error && (
          <div class="form-error" role="alert">
            {error}
          </div>
        )}
        <ul class="bo-list" data-testid="faq-list">
          {items?.length === 0 && <li class="bo-empty">{bo.noFaq}</li>}
          {items?.map((f) => (
            <li key={f.id}>
              <button
                type="button"
                data-faq={f.id}
                class={target && 'id' in target && target.id === f.id ? 'selected' : ''}
                onClick={() => setTarget({ id: f.id })}
              >
                <span class="faq-q">{f.question}</span>
                <span class="faq-meta">
                  <span class={`bo-badge st-${f.status}`}>{bo.faqStatus[f.status]}</span> {f.locale} · {f.category}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>

      <div class="bo-col">
        {target ? (
          <FaqEditor
            key={'id' in target ? target.id : `new:${target.draft.id}`}
            api={api}
            bo={bo}
            target={target}
            canWrite={props.canWrite}
            onChanged={(entry) => {
              if (!('id' in target)) setTarget({ id: entry.id })
              void refresh()
            }}
          />
        ) : (
          <div class="bo-card bo-empty">{bo.pickFaq}</div>
        )}
      </div>

      <div class="bo-col">
        <PreviewBox api={api} bo={bo} />
        <section class="bo-card" aria-label={bo.candidates}>
          <h2>{bo.candidates}</h2>
          <ul class="bo-list candidates" data-testid="candidates">
            {candidates.length === 0 && <li class="bo-empty">{bo.noCandidates}</li>}
            {candidates.map((c) => (
              <li key={c.id}>
                <span class="faq-q">{c.question}</span>
                <span class="faq-meta">
                  {bo.times(c.count)} · {c.locale}
                </span>
                {props.canWrite && (
                  <button
                    type="button"
                    class="link-button"
                    data-action="candidate-draft"
                    onClick={() => setTarget({ draft: draftFromCandidate(c, bo.answerTodo) })}
                  >
                    {bo.makeDraft}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  )
}

function PreviewBox(props: { api: BackofficeApi; bo: BackofficeStrings }) {
  const { bo } = props
  const [text, setText] = useState('')
  const [result, setResult] = useState<SearchPreview | null>(null)
  const [error, setError] = useState<string | null>(null)
  const ask = async (e: Event) => {
    e.preventDefault()
    if (!text.trim()) return
    setError(null)
    try {
      setResult(await props.api.preview(text.trim()))
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err))
    }
  }
  const a = result?.answer
  return (
    <section class="bo-card" aria-label={bo.preview}>
      <h2>{bo.preview}</h2>
      <form class="bo-inline" onSubmit={ask}>
        <input
          name="preview-question"
          placeholder={bo.previewPlaceholder}
          value={text}
          onInput={(e) => setText((e.target as HTMLInputElement).value)}
        />
        <button type="submit" class="button">
          {bo.previewRun}
        </button>
      </form>
      {error && <div class="form-error">{error}</div>}
      {a && (
        <div class="bo-preview" data-testid="preview-result" data-decision={a.status}>
          <div class="bo-badge">{bo.decision[a.status] ?? a.status}</div>
          {a.status === 'answer' ? (
            <p>
              <strong>{a.hit.title}</strong>
              <br />
              {a.hit.answer}
              <small class="faq-meta">
                {' '}
                ({a.hit.kind} {a.hit.id} · {a.hit.score.toFixed(2)})
              </small>
            </p>
          ) : (
            <ul>
              {a.candidates.slice(0, 3).map((h) => (
                <li key={h.id}>
                  {h.title} <small class="faq-meta">({h.score.toFixed(2)})</small>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  )
}
