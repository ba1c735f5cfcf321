/** One FAQ: edit the draft, move it through draft → in review → published → archived, versions with diffs and rollback. */
import { useEffect, useState } from 'preact/hooks'
import { ApiError, type BackofficeApi, type Faq, type FaqVersion } from './backoffice-api.js'
import type { BackofficeStrings } from './backoffice-i18n.js'

export type FaqDraftInput = Omit<Faq, 'status'>

const show = (v: unknown) => (Array.isArray(v) ? v.join(' | ') : v === undefined || v === null ? '—' : String(v))

export function FaqEditor(props: {
  api: BackofficeApi
  bo: BackofficeStrings
  /** An existing entry's id, or a new draft's fields. */
  target: { id: string } | { draft: FaqDraftInput }
  canWrite: boolean
  onChanged: (entry: Faq) => void
}) {
  const { api, bo } = props
  const isNew = 'draft' in props.target
  const [form, setForm] = useState<FaqDraftInput>(
    'draft' in props.target
      ? props.target.draft
      : { id: props.target.id, question: '', answer: '', similar: [], category: '', locale: 'zh' },
  )
  const [status, setStatus] = useState<Faq['status'] | null>(null)
  const [live, setLive] = useState<Faq | null>(null)
  const [version, setVersion] = useState(0)
  const [versions, setVersions] = useState<FaqVersion[]>([])
  const [dirty, setDirty] = useState(isNew)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)

  const load = async (id: string) => {
    const [r, v] = await Promise.all([api.getFaq(id), api.versions(id)])
    const { status: st, ...fields } = r.entry
    setForm({ ...fields, similar: fields.similar ?? [] })
    setStatus(st)
    setLive(r.live)
    setVersion(r.version)
    setVersions([...v.versions].reverse())
    setDirty(false)
  }

  useEffect(() => {
    if ('id' in props.target) void load(props.target.id).catch((e) => setMessage({ kind: 'error', text: String(e) }))
  }, ['id' in props.target ? props.target.id : JSON.stringify(props.target.draft)])

  const run = async (fn: () => Promise<{ entry: Faq }>) => {
    setBusy(true)
    setMessage(null)
    try {
      const { entry } = await fn()
      await load(entry.id)
      setMessage({ kind: 'ok', text: `${bo.saved} · ${bo.faqStatus[entry.status]}` })
      props.onChanged(entry)
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ApiError ? `${e.code}: ${e.message}` : String(e) })
    } finally {
      setBusy(false)
    }
  }

  const save = () =>
    run(() => {
      const { id, ...fields } = form
      return status === null ? api.createFaq(form) : api.updateFaq(id, { ...fields, baseVersion: version })
    })

  const set = (patch: Partial<FaqDraftInput>) => {
    setForm({ ...form, ...patch })
    setDirty(true)
  }
  const ro = !props.canWrite

  return (
    <section class="bo-card faq-editor" aria-label={form.id || bo.newFaq} data-testid="faq-editor">
      <div class="bo-card-head">
        <h2>{form.id || bo.newFaq}</h2>
        {status && (
          <span class={`bo-badge st-${status}`} data-testid="faq-status">
            {bo.faqStatus[status]}
          </span>
        )}
      </div>
      {ro && <p class="bo-hint">{bo.readOnly}</p>}
      <div class="bo-grid2">
        <label class="field">
          <span>{bo.id}</span>
          <input
            name="faq-id"
            value={form.id}
            disabled={ro || status !== null}
            onInput={(e) => set({ id: (e.target as HTMLInputElement).value })}
          />
        </label>
        <label class="field">
          <span>{bo.category}</span>
          <input
            name="faq-category"
            value={form.category}
            disabled={ro}
            onInput={(e) => set({ category: (e.target as HTMLInputElement).value })}
          />
        </label>
      </div>
      <label class="field">
        <span>{bo.locale}</span>
        <select
          name="faq-locale"
          value={form.locale}
          disabled={ro}
          onChange={(e) => set({ locale: (e.target as HTMLSelectElement).value as Faq['locale'] })}
        >
          <option value="zh">中文</option>
          <option value="en">English</option>
        </select>
      </label>
      <label class="field">
        <span>{bo.question}</span>
        <input
          name="faq-question"
          value={form.question}
          disabled={ro}
          onInput={(e) => set({ question: (e.target as HTMLInputElement).value })}
        />
      </label>
      <label class="field">
        <span>{bo.answer}</span>
        <textarea
          name="faq-answer"
          rows={5}
          value={form.answer}
          disabled={ro}
          onInput={(e) => set({ answer: (e.target as HTMLTextAreaElement).value })}
        />
      </label>
      <label class="field">
        <span>{bo.similar}</span>
        <textarea
          name="faq-similar"
          rows={3}
          value={form.similar.join('\n')}
          disabled={ro}
          onInput={(e) =>
            set({
              similar: (e.target as HTMLTextAreaElement).value
                .split('\n')
                .map((s) => s.trim())
                .filter(Boolean),
            })
          }
        />
      </label>
      {message && (
        <div class={message.kind === 'ok' ? 'bo-ok' : 'form-error'} role={message.kind === 'ok' ? 'status' : 'alert'}>
          {message.text}
        </div>
      )}
      {props.canWrite && (
        <div class="bo-actions">
          <button type="button" class="button" data-action="save" disabled={busy || !dirty} onClick={() => void save()}>
            {bo.saveDraft}
          </button>
          <button
            type="button"
            class="button"
            data-action="submit"
            disabled={busy || dirty || status !== 'draft'}
            onClick={() => void run(() => api.transition(form.id, 'submit'))}
          >
            {bo.submit}
          </button>
          <button
            type="button"
            class="button primary"
            data-action="publish"
            disabled={busy || dirty || status !== 'in_review'}
            onClick={() => void run(() => api.transition(form.id, 'publish'))}
          >
            {bo.publish}
          </button>
          <button
            type="button"
            class="button danger"
            data-action="archive"
            disabled={busy || status === null || status === 'archived'}
            onClick={() => void run(() => api.transition(form.id, 'archive'))}
          >
            {bo.archive}
          </button>
        </div>
      )}
      {status !== null && (
        <p class="bo-hint" data-testid="faq-live">
          {bo.live}: {live ? `${bo.faqStatus[live.status]} · ${live.answer}` : bo.noLive}
        </p>
      )}
      {versions.length > 0 && (
        <div class="faq-versions">
          <h3>{bo.versions}</h3>
          <ol data-testid="faq-versions">
            {versions.map((v) => (
              <li key={v.version} data-version={v.version}>
                <div class="v-head">
                  <strong>v{v.version}</strong>
                  <span class={`bo-badge st-${v.status}`}>{bo.faqStatus[v.status]}</span>
                  <span class="v-author">{v.author}</span>
                  <time>{new Date(v.createdAt).toLocaleString()}</time>
                  {props.canWrite && v.version !== version && (
                    <button
                      type="button"
                      class="link-button"
                      disabled={busy}
                      onClick={() => void run(() => api.rollback(form.id, v.version))}
                    >
                      {bo.rollback}
                    </button>
                  )}
                </div>
                {v.note && <div class="v-note">{v.note}</div>}
                {v.diff.length > 0 && (
                  <table class="v-diff" aria-label={bo.diffWith}>
                    <tbody>
                      {v.diff.map((d) => (
                        <tr key={d.field}>
                          <th>{d.field}</th>
                          <td>
                            <del>{show(d.from)}</del>
                          </td>
                          <td>
                            <ins>{show(d.to)}</ins>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  )
}
