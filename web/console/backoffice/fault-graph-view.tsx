/**
 * The fault graph, read only: product categories → symptoms → checks (the diagnostic questions the
 * bot asks) → solution steps in order → escalation (queue and priority of the ticket).
 */
import { useEffect, useState } from 'preact/hooks'
import { ApiError, type BackofficeApi, type FaultCategory } from './backoffice-api.js'
import type { BackofficeStrings } from './backoffice-i18n.js'

export function FaultGraphView(props: {
  api: BackofficeApi
  bo: BackofficeStrings
  /** Opened from a product: its category and the symptom to show. */
  focus?: { category: string; symptom: string } | null
}) {
  const { api, bo } = props
  const g = bo.graph
  const [q, setQ] = useState(props.focus?.symptom ?? '')
  const [category, setCategory] = useState(props.focus?.category ?? '')
  const [locale, setLocale] = useState('')
  const [data, setData] = useState<{ categories: FaultCategory[]; total: number } | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    const timer = setTimeout(
      () =>
        void api
          .faults({ q: q.trim(), category, locale })
          .then((r) => {
            setData(r)
            setError(null)
          })
          .catch((e) => setError(e instanceof ApiError ? `${e.code}: ${e.message}` : String(e))),
      200,
    )
    return () => clearTimeout(timer)
  }, [q, category, locale])

  const one = data?.total === 1
  return (
    <section class="bo-card" aria-label={g.tabs.faults}>
      <div class="bo-filters">
        <input
          type="search"
          name="fault-search"
          placeholder={g.searchFaults}
          value={q}
          onInput={(e) => setQ((e.target as HTMLInputElement).value)}
        />
        <input
          name="fault-category"
          placeholder={g.allCategories}
          value={category}
          onInput={(e) => setCategory((e.target as HTMLInputElement).value)}
        />
        <select name="fault-locale" value={locale} onChange={(e) => setLocale((e.target as HTMLSelectElement).value)}>
          <option value="">{bo.allLocales}</option>
          <option value="zh">中文</option>
          <option value="en">English</option>
        </select>
      </div>
      {error && (
        <div class="form-error" role="alert">
          {error}
        </div>
      )}
      {data?.total === 0 && <p class="bo-empty">{g.noFaultsFound}</p>}
      <div class="fault-graph" data-testid="fault-graph">
        {data?.categories.map((c) => (
          <details key={c.category} class="fault-category" open={one || data.categories.length <= 3}>
            <summary>
              <strong>{c.category}</strong>{' '}
              <span class="faq-meta">
                {g.symptoms(c.faults.length)} · {g.products(c.products)}
              </span>
            </summary>
            <ul class="fault-symptoms">
              {c.faults.map((f) => (
                <li key={f.id}>
                  <details data-fault={f.id} open={one}>
                    <summary>
                      {f.symptom} <span class="faq-meta">{f.locale}</span>
                    </summary>
                    {f.similar.length > 0 && (
                      <p class="faq-meta">
                        {g.similar}: {f.similar.join(' · ')}
                      </p>
                    )}
                    {f.questions.length > 0 && (
                      <>
                        <h3>{g.questions}</h3>
                        <ul>
                          {f.questions.map((x) => (
                            <li key={x}>{x}</li>
                          ))}
                        </ul>
                      </>
                    )}
                    <h3>{g.steps}</h3>
                    <ol class="fault-steps">
                      {f.solutions.map((x) => (
                        <li key={x}>{x}</li>
                      ))}
                    </ol>
                    <p class="bo-badge fault-escalate">{g.escalate(f.escalate.queue, f.escalate.priority)}</p>
                  </details>
                </li>
              ))}
            </ul>
          </details>
        ))}
      </div>
    </section>
  )
}
