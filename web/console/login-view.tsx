/** Sign-in with a staff account: shop, username and password (the session is an HttpOnly cookie). */
import { useState } from 'preact/hooks'
import { AgentClient, type AgentSession, ApiError } from './agent-client.js'
import type { ConsoleStrings } from './console-i18n.js'

export function LoginView(props: {
  t: ConsoleStrings
  initial: { shopId?: string; username?: string }
  onSignedIn: (s: AgentSession) => void
  onToggleLocale: () => void
}) {
  const { t } = props
  const [shopId, setShopId] = useState(props.initial.shopId ?? 'demo')
  const [username, setUsername] = useState(props.initial.username ?? '')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function submit(e: Event) {
    e.preventDefault()
    if (!username.trim() || !password) return
    setBusy(true)
    setError(null)
    try {
      props.onSignedIn(await AgentClient.login(shopId.trim() || 'demo', username.trim(), password))
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === 401
          ? t.badCredentials
          : err instanceof ApiError && err.status === 429
            ? t.throttled
            : t.unreachable,
      )
      setPassword('')
      setBusy(false)
    }
  }

  return (
    <div class="login">
      <form class="login-card" onSubmit={submit} aria-labelledby="login-title">
        <div class="login-head">
          <span class="logo" aria-hidden="true">
            客
          </span>
          <div>
            <div class="login-brand">
              {t.brand} · {t.appName}
            </div>
            <h1 id="login-title">{t.signInTitle}</h1>
          </div>
          <button type="button" class="link-button lang" onClick={props.onToggleLocale}>
            {t.language}
          </button>
        </div>
        <p class="login-hint">{t.signInHint}</p>
        <label class="field">
          <span>{t.username}</span>
          <input
            name="username"
            autoComplete="username"
            required
            maxLength={64}
            value={username}
            onInput={(e) => setUsername((e.target as HTMLInputElement).value)}
          />
        </label>
        <label class="field">
          <span>{t.password}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword((e.target as HTMLInputElement).value)}
          />
        </label>
        <label class="field">
          <span>{t.shopId}</span>
          <input
            name="shopId"
            autoComplete="off"
            value={shopId}
            onInput={(e) => setShopId((e.target as HTMLInputElement).value)}
          />
        </label>
        {error && (
          <div class="form-error" role="alert">
            {error}
          </div>
        )}
        <button type="submit" class="button primary block" disabled={busy || !password || !username.trim()}>
          {busy ? t.signingIn : t.signIn}
        </button>
      </form>
    </div>
  )
}
