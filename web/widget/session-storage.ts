/**
 * Keeps the conversation id + token in localStorage so a reload (or the next page of the shop) continues the
 * same conversation. Storage can be unavailable (privacy modes, sandboxed iframes); then the widget still
 * works, just without persistence.
 */
import type { ConversationSession } from './api-client.js'

export type StoredSession = ConversationSession & { handoff?: 'waiting' | 'joined' | null }

export type SessionStore = {
  load(): StoredSession | null
  save(session: StoredSession): void
  clear(): void
  /** Whether the panel was open, per browser tab (so navigating the shop keeps it open). */
  loadOpen(): boolean
  saveOpen(open: boolean): void
}

function safe(get: () => Storage): Storage | null {
  try {
    const s = get()
    const probe = '__kefu_probe__'
    s.setItem(probe, '1')
    s.removeItem(probe)
    return s
  } catch {
    return null
  }
}

/** A store keyed by API base, shop and customer, so a signed-in customer never sees a guest's conversation. */
export function createSessionStore(apiBase: string, shopId: string, customerId: string | null): SessionStore {
  const local = typeof window === 'undefined' ? null : safe(() => window.localStorage)
  const tab = typeof window === 'undefined' ? null : safe(() => window.sessionStorage)
  const key = `kefu:v1:${apiBase}:${shopId}:${customerId ?? 'guest'}`
  const openKey = `kefu:v1:open:${shopId}`
  return {
    load() {
      try {
        const raw = local?.getItem(key)
        if (!raw) return null
        const v = JSON.parse(raw) as Partial<StoredSession>
        if (typeof v.id !== 'string' || typeof v.token !== 'string') return null
        return {
          id: v.id,
          token: v.token,
          customerId: typeof v.customerId === 'string' ? v.customerId : null,
          shopId: typeof v.shopId === 'string' ? v.shopId : shopId,
          handoff: v.handoff === 'waiting' || v.handoff === 'joined' ? v.handoff : null,
          ...(typeof v.expiresAt === 'string' ? { expiresAt: v.expiresAt } : {}),
        }
      } catch {
        return null
      }
    },
    save(session) {
      try {
        local?.setItem(key, JSON.stringify(session))
      } catch {
        // Quota or privacy mode: the conversation simply does not survive a reload.
      }
    },
    clear() {
      try {
        local?.removeItem(key)
      } catch {
        // see save()
      }
    },
    loadOpen() {
      try {
        return tab?.getItem(openKey) === '1'
      } catch {
        return false
      }
    },
    saveOpen(open) {
      try {
        tab?.setItem(openKey, open ? '1' : '0')
      } catch {
        // see save()
      }
    },
  }
}
