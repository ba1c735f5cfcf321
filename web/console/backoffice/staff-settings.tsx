/** Staff accounts over /api/v1/admin/staff: list, add, reset a password, remove. */
import { useEffect, useState } from 'preact/hooks'
import type { AgentSession, StaffAccountView, StaffRole } from '../agent-client.js'
import { ApiError, type BackofficeApi } from './backoffice-api.js'
import type { BackofficeStrings } from './backoffice-i18n.js'

const ROLES: StaffRole[] = ['agent', 'admin', 'analyst', 'owner']

export function StaffSettings(props: { api: BackofficeApi; bo: BackofficeStrings; session: AgentSession }) {
  const { api, bo } = props
  const st = bo.settings
  const [rows, setRows] = useState<StaffAccountView[]>([])
  const [form, setForm] = useState({ username: '', displayName: '', role: 'agent' as StaffRole, password: '' })
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null)
  const [confirm, setConfirm] = useState<string | null>(null)

  const fail = (e: unknown) =>
    setMsg({ ok: false, text: e instanceof ApiError ? `${e.code}: ${e.message}` : String(e) })
  const refresh = () =>
    api
      .staff()
      .then((r) => setRows(r.staff))
      .catch(fail)
  useEffect(() => void refresh(), [])

  const add = async (e: Event) => {
    e.preventDefault()
    try {
      await api.addStaff(form)
      setForm({ username: '', displayName: '', role: 'agent', password: '' })
      setMsg({ ok: true, text: bo.saved })
      await refresh()
    } catch (err) {
      fail(err)
    }
  }
  const reset = async (a: StaffAccountView) => {
    const password = window.prompt(`${st.newPassword} (${a.username})`)
    if (!password) return
    try {
      await api.resetPassword(a.id, password)
      setMsg({ ok: true, text: bo.saved })
    } catch (err) {
      fail(err)
    }
  }
  const remove = async (a: StaffAccountView) => {
    if (confirm !== a.id) return setConfirm(a.id)
    setConfirm(null)
    try {
      await api.removeStaff(a.id)
      await refresh()
    } catch (err) {
      fail(err)
    }
  }

  return (
    <section class="bo-card" aria-label={st.staff}>
      <h2>{st.staff}</h2>
      <table class="bo-table" data-testid="staff-list">
        <tbody>
          {rows.map((a) => (
            <tr key={a.id} data-username={a.username}>
              <td>{a.username}</td>
              <td>{a.displayName}</td>
              <td>{bo.roles[a.role]}</td>
              <td>
                <button type="button" class="link-button" onClick={() => void reset(a)}>
                  {st.resetPassword}
                </button>{' '}
                {a.id !== props.session.account.id && (
                  <button type="button" class="link-button danger" onClick={() => void remove(a)}>
                    {confirm === a.id ? st.confirmRemove : st.remove}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form class="bo-staff-form" onSubmit={add}>
        <input
          name="staff-username"
          placeholder={st.username}
          required
          value={form.username}
          onInput={(e) => setForm({ ...form, username: (e.target as HTMLInputElement).value })}
        />
        <input
          name="staff-name"
          placeholder={st.displayName}
          required
          value={form.displayName}
          onInput={(e) => setForm({ ...form, displayName: (e.target as HTMLInputElement).value })}
        />
        <select
          name="staff-role"
          value={form.role}
          onChange={(e) => setForm({ ...form, role: (e.target as HTMLSelectElement).value as StaffRole })}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {bo.roles[r]}
            </option>
          ))}
        </select>
        <input
          name="staff-password"
          type="password"
          placeholder={st.password}
          required
          minLength={8}
          value={form.password}
          onInput={(e) => setForm({ ...form, password: (e.target as HTMLInputElement).value })}
        />
        <button type="submit" class="button">
          {st.add}
        </button>
      </form>
      {msg && <div class={msg.ok ? 'bo-ok' : 'form-error'}>{msg.text}</div>}
    </section>
  )
}
