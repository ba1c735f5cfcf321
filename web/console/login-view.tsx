/** Sign-in: shop API key + the agent's display name, checked against the API before entering the desk. */
import { useState } from 'preact/hooks'
import { AgentClient, type AgentSession, ApiError, agentIdFor } from './agent-client.js'
import type { ConsoleStrings } from './console-i18n.js'

export function LoginView(props: {
  t: ConsoleStrings
  initial: Partial<AgentSession>
  onSignedIn: (s: AgentSession) => void
  onToggleLocale: () => void
}) {
  const { t } = props
  const [shopId, setShopId] = useState(props.initial.shopId ?? 'demo')
  const [apiKey, setApiKey] = useState('')
  const [name, setName] = useState(props.initial.agentName ?? '')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function submit(e: Event) {
    e.preventDefault()
    const session: AgentSession = {
      shopId: shopId.trim() || 'demo',
      apiKey: apiKey.trim(),
      agentName: name.trim(),
      agentId: agentIdFor(name),
    }
    if (!session.apiKey || !session.agentName) return
    setBusy(true)
    setError(null)
    try {
      await new AgentClient(session).queue()
      props.onSignedIn(session)
    } catch (err) {
      setError(err instanceof ApiError && err.status === 401 ? t.badKey : t.unreachable)
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
          <span>{t.agentName}</span>
          <input
            name="agentName"
            autoComplete="name"
            required
            maxLength={64}
            value={name}
            onInput={(e) => setName((e.target as HTMLInputElement).value)}
          />
          <small>{t.agentNameHint.replace('{name}', name.trim() || '…')}</small>
        </label>
        <label class="field">
          <span>{t.apiKey}</span>
          <input
            name="apiKey"
            type="password"
            autoComplete="off"
            required
            value={apiKey}
            onInput={(e) => setApiKey((e.target as HTMLInputElement).value)}
          />
          <small>{t.apiKeyHint}</small>
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
        <button type="submit" class="button primary block" disabled={busy || !apiKey.trim() || !name.trim()}>
          {busy ? t.signingIn : t.signIn}
        </button>
      </form>
    </div>
  )
}
