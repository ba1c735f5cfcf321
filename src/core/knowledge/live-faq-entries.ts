import type { KnowledgeVersion } from '../domain/records.js'
import { type FaqEntry, faqSchema } from '../domain/schemas.js'
import type { Store } from '../ports/store.js'

/**
 * The version of an entry customers may see, from its history: the latest
 * `published` version, unless a later version archived the entry. Drafts and
 * entries in review never answer, but editing a published entry keeps its
 * published text live until the edit itself is published.
 */
export function liveVersion(versions: KnowledgeVersion[]): KnowledgeVersion | null {
  let live: KnowledgeVersion | null = null
  for (const v of [...versions].sort((a, b) => a.version - b.version)) {
    if (v.status === 'published') live = v
    else if (v.status === 'archived') live = null
  }
  return live
}

const PAGE = 2000

/** Every FAQ entry of a shop as customers should see it right now (see liveVersion). */
export async function loadLiveFaqEntries(store: Store, shopId: string): Promise<FaqEntry[]> {
  const out: FaqEntry[] = []
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.faq.list(shopId, { limit: PAGE, offset })
    for (const head of page) {
      if (head.status === 'published') out.push(head)
      else if (head.status === 'draft' || head.status === 'in_review') {
        const live = liveVersion(await store.knowledge.listVersions(shopId, 'faq', head.id))
        if (!live) continue
        const parsed = faqSchema.safeParse({ ...live.data, status: 'published' })
        if (parsed.success) out.push(parsed.data)
      }
    }
    if (page.length < PAGE) break
  }
  return out
}
