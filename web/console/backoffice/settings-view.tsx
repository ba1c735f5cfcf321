/** Settings (owners and admins): shop rules as validated JSON, business hours and queues, staff, widget. */
import { useEffect, useState } from 'preact/hooks'
import { shopSettingsPatchSchema } from '../../../src/core/domain/shop-settings.js'
import type { AgentSession } from '../agent-client.js'
import { ApiError, type BackofficeApi, type ShopView } from './backoffice-api.js'
import type { BackofficeStrings } from './backoffice-i18n.js'
import { RuleForm } from './settings-forms.js'
import { StaffSettings } from './staff-settings.js'

/** Sections with a form; every settings key also has a JSON editor below (ADVANCED). */
const SECTIONS = ['returns', 'tickets', 'policy', 'llm', 'routing'] as const
/** Every key a merchant may set, in the order the JSON editors show them. */
export const ADVANCED = [
  ...SECTIONS,
  'shipping',
  'promotions',
  'coupons',
  'payment',
  'invoice',
  'knowledge',
  'contact',
  'customers',
  'proactive',
  'orderNumbers',
  'timezone',
  'currency',
  'locale',
] as const
type SectionKey = (typeof ADVANCED)[number]

/** Parses and checks one settings key with the server's own schema: null when valid, else the message. */
export function checkSetting(key: SectionKey, text: string, invalidJson: string): { value?: unknown; error?: string } {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { error: invalidJson }
  }
  const r = shopSettingsPatchSchema.safeParse({ [key]: value })
  if (r.success) return { value }
  const issue = r.error.issues[0]!
  return { error: `${issue.path.join('.')}: ${issue.message}` }
}

function RuleEditor(props: {
  api: BackofficeApi
  bo: BackofficeStrings
  k: SectionKey
  shop: ShopView
  onSaved: (s: ShopView) => void
}) {
  const { bo, k } = props
  const [text, setText] = useState(() => JSON.stringify(props.shop.settings[k] ?? {}, null, 2))
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null)
  const check = checkSetting(k, text, bo.settings.invalidJson)
  const save = async () => {
    if (check.error) return
    try {
      props.onSaved(await props.api.patchSettings({ [k]: check.value }))
      setMsg({ ok: true, text: bo.saved })
    } catch (e) {
      setMsg({ ok: false, text: e instanceof ApiError ? `${e.code}: ${e.message}` : String(e) })
    }
  }
  return (
    <details class="bo-rule" data-setting={k} open={k === 'routing'}>
      <summary>{bo.settings.sections[k]}</summary>
      <textarea
        class="bo-json"
        name={`setting-${k}`}
        rows={10}
        spellcheck={false}
        value={text}
        onInput={(e) => {
          setText((e.target as HTMLTextAreaElement).value)
          setMsg(null)
        }}
      />
      {check.error && <div class="form-error">{check.error}</div>}
      {msg && <div class={msg.ok ? 'bo-ok' : 'form-error'}>{msg.text}</div>}
      <button type="button" class="button" disabled={!!check.error} onClick={() => void save()}>
        {bo.settings.save}
      </button>
    </details>
  )
}

function WidgetSettings(props: { api: BackofficeApi; bo: BackofficeStrings; shopId: string }) {
  const { bo } = props
  const [secret, setSecret] = useState<string | null>(null)
  const [shown, setShown] = useState(false)
  useEffect(() => {
    props.api
      .widget()
      .then((w) => setSecret(w.widgetSecret))
      .catch(() => setSecret(null))
  }, [])
  const snippet = `<script src="${location.origin}/widget.js" data-kefu-shop="${props.shopId}" async></script>`
  return (
    <section class="bo-card" aria-label={bo.settings.widget}>
      <h2>{bo.settings.widget}</h2>
      <p class="bo-hint">{bo.settings.snippet}</p>
      <pre class="bo-pre" data-testid="widget-snippet">
        {snippet}
      </pre>
      <p class="bo-hint">{bo.settings.secret}</p>
      <div class="bo-inline">
        <code data-testid="widget-secret">{shown && secret ? secret : '••••••••••••••••'}</code>
        <button type="button" class="link-button" disabled={!secret} onClick={() => setShown(!shown)}>
          {shown ? bo.settings.hide : bo.settings.show}
        </button>
      </div>
    </section>
  )
}

export function SettingsView(props: { api: BackofficeApi; bo: BackofficeStrings; session: AgentSession }) {
  const { api, bo } = props
  const [shop, setShop] = useState<ShopView | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    api
      .shop()
      .then(setShop)
      .catch((e) => setError(e instanceof ApiError ? e.message : String(e)))
  }, [])
  return (
    <div class="bo-settings">
      <section class="bo-card" aria-label={bo.settings.rules}>
        <h2>{bo.settings.forms}</h2>
        {error && <div class="form-error">{error}</div>}
        {shop &&
          SECTIONS.map((k) => (
            <RuleForm
              key={`${k}:${JSON.stringify(shop.settings[k])}`}
              api={api}
              bo={bo}
              k={k}
              shop={shop}
              onSaved={setShop}
            />
          ))}
        <h2>{bo.settings.advanced}</h2>
        <p class="bo-hint">{bo.settings.rulesHint}</p>
        {shop &&
          ADVANCED.map((k) => (
            <RuleEditor
              key={`${k}:${JSON.stringify(shop.settings[k])}`}
              api={api}
              bo={bo}
              k={k}
              shop={shop}
              onSaved={setShop}
            />
          ))}
      </section>
      <div class="bo-col">
        <StaffSettings api={api} bo={bo} session={props.session} />
        <WidgetSettings api={api} bo={bo} shopId={props.session.shopId} />
      </div>
    </div>
  )
}
