/** Tickets: list with SLA status and filters; one ticket with assignment, status changes and comments. */
import { useEffect, useState } from 'preact/hooks'
import type { AgentSession } from '../agent-client.js'
import {
  ApiError,
  type Assignee,
  type BackofficeApi,
  TICKET_STATUS_LIST,
  type Ticket,
  type TicketStatus,
} from './backoffice-api.js'
import type { BackofficeStrings } from './backoffice-i18n.js'

export function TicketsView(props: { api: BackofficeApi; bo: BackofficeStrings; session: AgentSession }) {
  const { api, bo } = props
  const tt = bo.tickets
  const canWrite = props.session.account.role !== 'analyst'
  const [status, setStatus] = useState('')
  const [sla, setSla] = useState('')
  const [rows, setRows] = useState<Ticket[] | null>(null)
  const [selected, setSelected] = useState<Ticket | null>(null)
  const [comment, setComment] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [assignees, setAssignees] = useState<Assignee[]>([])

  const fail = (e: unknown) => setError(e instanceof ApiError ? `${e.code}: ${e.message}` : String(e))
  const refresh = () =>
    api
      .tickets({ status, slaBreached: sla })
      .then((r) => setRows(r.tickets))
      .catch(fail)
  useEffect(() => void refresh(), [status, sla])
  useEffect(() => {
    api
      .assignees()
      .then((r) => setAssignees(r.assignees))
      .catch(fail)
  }, [])

  const open = (id: string) => api.ticket(id).then(setSelected).catch(fail)
  const change = async (patch: { status?: TicketStatus; assignee?: string | null }) => {
    if (!selected) return
    try {
      setSelected(await api.patchTicket(selected.id, patch))
      void refresh()
    } catch (e) {
      fail(e)
    }
  }
  const addComment = async (e: Event) => {
    e.preventDefault()
    if (!selected || !comment.trim()) return
    try {
      await api.comment(selected.id, comment.trim())
      setComment('')
      await open(selected.id)
    } catch (err) {
      fail(err)
    }
  }

  return (
    <div class="bo-tickets">
      <section class="bo-card" aria-label={bo.nav.tickets}>
        <div class="bo-filters">
          <select
            name="ticket-status"
            value={status}
            onChange={(e) => setStatus((e.target as HTMLSelectElement).value)}
          >
            <option value="">{tt.all}</option>
            {TICKET_STATUS_LIST.map((s) => (
              <option key={s} value={s}>
                {tt.st[s]}
              </option>
            ))}
          </select>
          <select name="ticket-sla" value={sla} onChange={(e) => setSla((e.target as HTMLSelectElement).value)}>
            <option value="">{tt.sla}</option>
            <option value="true">{tt.breached}</option>
            <option value="false">{tt.onTime}</option>
          </select>
        </div>
        {error && (
          <div class="form-error" role="alert">
            {error}
          </div>
        )}
        <table class="bo-table" data-testid="ticket-list">
          <tbody>
            {rows?.length === 0 && (
              <tr>
                <td class="bo-empty">{tt.none}</td>
              </tr>
            )}
            {rows?.map((r) => (
              <tr key={r.id} class={selected?.id === r.id ? 'selected' : ''} onClick={() => void open(r.id)}>
                <td>
                  <button type="button" class="link-button" data-ticket={r.id}>
                    {r.id}
                  </button>
                </td>
                <td>{r.subject}</td>
                <td>{r.queue}</td>
                <td>{tt.st[r.status]}</td>
                <td>{r.assignee ?? tt.unassigned}</td>
                <td>
                  <span class={`bo-badge ${r.slaBreached ? 'sla-breached' : 'sla-ok'}`}>
                    {r.slaBreached ? tt.breached : tt.due(new Date(r.slaDueAt).toLocaleString())}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section class="bo-card" aria-label={selected?.subject ?? tt.select} data-testid="ticket-detail">
        {!selected ? (
          <p class="bo-empty">{tt.select}</p>
        ) : (
          <>
            <div class="bo-card-head">
              <h2>
                {selected.id} · {selected.subject}
              </h2>
              <span class={`bo-badge ${selected.slaBreached ? 'sla-breached' : 'sla-ok'}`}>
                {selected.slaBreached ? tt.breached : tt.due(new Date(selected.slaDueAt).toLocaleString())}
              </span>
            </div>
            <p class="faq-meta">
              {selected.category} · {selected.priority} · {selected.queue}
              {selected.conversationId ? ` · ${selected.conversationId}` : ''}
            </p>
            <pre class="bo-pre">{JSON.stringify(selected.data, null, 2)}</pre>
            <div class="bo-grid2">
              <label class="field">
                <span>{tt.status}</span>
                <select
                  name="ticket-set-status"
                  value={selected.status}
                  disabled={!canWrite}
                  onChange={(e) => void change({ status: (e.target as HTMLSelectElement).value as TicketStatus })}
                >
                  {TICKET_STATUS_LIST.map((s) => (
                    <option key={s} value={s}>
                      {tt.st[s]}
                    </option>
                  ))}
                </select>
              </label>
              <div class="field">
                <span>{tt.assignee}</span>
                <div class="bo-inline">
                  <select
                    name="ticket-assignee"
                    value={selected.assignee ?? ''}
                    disabled={!canWrite}
                    onChange={(e) => void change({ assignee: (e.target as HTMLSelectElement).value || null })}
                  >
                    <option value="">{tt.unassigned}</option>
                    {selected.assignee && !assignees.some((a) => a.id === selected.assignee) && (
                      <option value={selected.assignee}>{selected.assignee}</option>
                    )}
                    <optgroup label={tt.staffGroup}>
                      {assignees
                        .filter((a) => a.kind === 'staff')
                        .map((a) => (
                          <option key={a.id} value={a.id}>
                            {a.name} ({a.id}) · {tt.presence[a.status ?? 'offline'] ?? a.status}
                            {a.queues.length > 0 ? ` · ${a.queues.join(', ')}` : ''}
                          </option>
                        ))}
                    </optgroup>
                    {assignees.some((a) => a.kind === 'queue') && (
                      <optgroup label={tt.queueGroup}>
                        {assignees
                          .filter((a) => a.kind === 'queue')
                          .map((a) => (
                            <option key={a.id} value={a.id}>
                              {a.name} · {a.queues.join(', ')}
                            </option>
                          ))}
                      </optgroup>
                    )}
                  </select>
                  {canWrite && selected.assignee !== props.session.account.username && (
                    <button
                      type="button"
                      class="button"
                      onClick={() => void change({ assignee: props.session.account.username })}
                    >
                      {tt.assignMe}
                    </button>
                  )}
                </div>
              </div>
            </div>
            <h3>{tt.comments}</h3>
            <ul class="bo-comments">
              {(selected.comments ?? []).map((c) => (
                <li key={c.id}>
                  <strong>{c.author}</strong> <time>{new Date(c.createdAt).toLocaleString()}</time>
                  <div>{c.text}</div>
                </li>
              ))}
            </ul>
            {canWrite && (
              <form class="bo-inline" onSubmit={addComment}>
                <input
                  name="ticket-comment"
                  value={comment}
                  onInput={(e) => setComment((e.target as HTMLInputElement).value)}
                />
                <button type="submit" class="button">
                  {tt.addComment}
                </button>
              </form>
            )}
          </>
        )}
      </section>
    </div>
  )
}
