import type { KnowledgeVersion } from '../domain/records.js'
import { type FaqEntry, faqSchema, type KnowledgeStatus } from '../domain/schemas.js'
import { AppError } from '../errors.js'
import type { Store } from '../ports/store.js'
import { liveVersion } from './live-faq-entries.js'

/** Who makes a change and why; stored on the version. */
export type ReviewActor = { author: string; note?: string }

/** One changed field between two consecutive versions. */
export type FieldDiff = { field: string; from: unknown; to: unknown }

/** A stored version plus its diff against the previous one (empty for the first). */
export type FaqVersionView = KnowledgeVersion & { diff: FieldDiff[] }

/** FAQ fields an editor writes; status is driven by the workflow, never set directly. */
export type FaqDraft = Omit<FaqEntry, 'status' | 'similar'> & { similar?: string[] }

export type ReviewWorkflow = {
  /** A new entry, as a draft (version 1). `conflict` when the id exists. */
  create(shopId: string, draft: FaqDraft, actor: ReviewActor): Promise<FaqEntry>
  /**
   * Edits an entry: a new draft version. A published entry keeps answering with its
   * published text until the edit is published. `baseVersion`, when given, must be the
   * latest version (optimistic locking → `conflict`).
   */
  update(
    shopId: string,
    id: string,
    patch: Partial<FaqDraft>,
    actor: ReviewActor & { baseVersion?: number },
  ): Promise<FaqEntry>
  /** draft → in_review. */
  submit(shopId: string, id: string, actor: ReviewActor): Promise<FaqEntry>
  /** in_review → published; takes effect for the very next message. */
  publish(shopId: string, id: string, actor: ReviewActor): Promise<FaqEntry>
  /** any → archived; the entry stops answering. */
  archive(shopId: string, id: string, actor: ReviewActor): Promise<FaqEntry>
  /** New version equal (data and status) to version `version`. */
  rollback(shopId: string, id: string, version: number, actor: ReviewActor): Promise<FaqEntry>
  versions(shopId: string, id: string): Promise<FaqVersionView[]>
  /** The head (latest version, any status) and the version customers currently see. */
  get(shopId: string, id: string): Promise<{ entry: FaqEntry; live: FaqEntry | null; version: number }>
  /** Upserts many entries (the import format); each changed entry gets a version. */
  importEntries(
    shopId: string,
    entries: FaqEntry[],
    actor: ReviewActor,
  ): Promise<{ created: number; updated: number; unchanged: number }>
}

export type ReviewWorkflowOptions = {
  store: Store
  /**
   * Called after an FAQ change that alters what customers see (publish, archive, rollback, import);
   * the server maps it to the knowledge service's `text` change (FAQ and faults only). The change
   * resolves once the new indexes serve, so the next message after it sees the change.
   */
  invalidate: (shopId: string) => void | Promise<void>
  now: () => Date
}

const TRANSITIONS: Record<'submit' | 'publish' | 'archive', KnowledgeStatus[]> = {
  submit: ['draft'],
  publish: ['in_review'],
  archive: ['draft', 'in_review', 'published'],
}

/**
 * The review workflow over the store's `faq` heads and `knowledge` versions:
 * draft → in_review → published → archived. Every change appends a version
 * (author, time, note); diffs are computed between consecutive versions.
 */
export function createReviewWorkflow(options: ReviewWorkflowOptions): ReviewWorkflow {
  const { store, invalidate } = options
  const { now } = options

  async function head(tx: Store, shopId: string, id: string): Promise<FaqEntry> {
    const entry = await tx.faq.get(shopId, id)
    if (!entry) throw new AppError('not_found', `FAQ entry '${id}' does not exist`)
    return entry
  }

  /** Entries imported straight into the store have no history yet: record their state first. */
  async function history(tx: Store, shopId: string, entry: FaqEntry): Promise<KnowledgeVersion[]> {
    const versions = await tx.knowledge.listVersions(shopId, 'faq', entry.id)
    if (versions.length > 0) return versions
    const base = await tx.knowledge.addVersion({
      shopId,
      kind: 'faq',
      entryId: entry.id,
      status: entry.status,
      data: { ...entry },
      author: 'system',
      note: 'baseline of an entry created outside the review workflow',
      createdAt: now().toISOString(),
    })
    return [base]
  }

  async function write(tx: Store, shopId: string, entry: FaqEntry, actor: ReviewActor, note: string): Promise<void> {
    await tx.faq.upsertMany(shopId, [entry])
    await tx.knowledge.addVersion({
      shopId,
      kind: 'faq',
      entryId: entry.id,
      status: entry.status,
      data: { ...entry },
      author: actor.author,
      note: actor.note ?? note,
      createdAt: now().toISOString(),
    })
  }

  async function transition(
    shopId: string,
    id: string,
    action: keyof typeof TRANSITIONS,
    to: KnowledgeStatus,
    actor: ReviewActor,
  ): Promise<FaqEntry> {
    const entry = await store.transaction(async (tx) => {
      const current = await head(tx, shopId, id)
      if (!TRANSITIONS[action].includes(current.status)) {
        throw new AppError(
          'conflict',
          `cannot ${action} FAQ entry '${id}': it is ${current.status} (allowed from ${TRANSITIONS[action].join(', ')})`,
        )
      }
      await history(tx, shopId, current)
      const next = { ...current, status: to }
      await write(tx, shopId, next, actor, action)
      return next
    })
    if (action !== 'submit') await invalidate(shopId)
    return entry
  }

  return {
    async create(shopId, draft, actor) {
      const entry = validate({ ...draft, status: 'draft' })
      await store.transaction(async (tx) => {
        if (await tx.faq.get(shopId, entry.id)) throw new AppError('conflict', `FAQ entry '${entry.id}' already exists`)
        await write(tx, shopId, entry, actor, 'created')
      })
      return entry
    },

    async update(shopId, id, patch, actor) {
      if ('id' in patch && patch.id !== undefined && patch.id !== id) {
        throw new AppError('invalid_input', 'the id of an FAQ entry cannot change')
      }
      if ('status' in patch) throw new AppError('invalid_input', 'status changes go through submit / publish / archive')
      return store.transaction(async (tx) => {
        const current = await head(tx, shopId, id)
        const versions = await history(tx, shopId, current)
        const latest = Math.max(...versions.map((v) => v.version))
        if (actor.baseVersion !== undefined && actor.baseVersion !== latest) {
          throw new AppError(
            'conflict',
            `FAQ entry '${id}' changed since version ${actor.baseVersion} (now ${latest})`,
            {
              details: { latestVersion: latest },
            },
          )
        }
        const next = validate({ ...current, ...patch, id, status: 'draft' })
        await write(tx, shopId, next, actor, 'edited')
        return next
      })
    },

    submit: (shopId, id, actor) => transition(shopId, id, 'submit', 'in_review', actor),
    publish: (shopId, id, actor) => transition(shopId, id, 'publish', 'published', actor),
    archive: (shopId, id, actor) => transition(shopId, id, 'archive', 'archived', actor),

    async rollback(shopId, id, version, actor) {
      const entry = await store.transaction(async (tx) => {
        const current = await head(tx, shopId, id)
        const versions = await history(tx, shopId, current)
        const target = versions.find((v) => v.version === version)
        if (!target) throw new AppError('not_found', `FAQ entry '${id}' has no version ${version}`)
        const next = validate({ ...target.data, id, status: target.status })
        await write(tx, shopId, next, actor, `rollback to version ${version}`)
        return next
      })
      await invalidate(shopId)
      return entry
    },

    async versions(shopId, id) {
      const current = await store.faq.get(shopId, id)
      const versions = await store.knowledge.listVersions(shopId, 'faq', id)
      if (!current && versions.length === 0) throw new AppError('not_found', `FAQ entry '${id}' does not exist`)
      const sorted = [...versions].sort((a, b) => a.version - b.version)
      return sorted.map((v, i) => ({ ...v, diff: i === 0 ? [] : diffEntries(sorted[i - 1]!.data, v.data) }))
    },

    async get(shopId, id) {
      const entry = await store.faq.get(shopId, id)
      if (!entry) throw new AppError('not_found', `FAQ entry '${id}' does not exist`)
      const versions = await store.knowledge.listVersions(shopId, 'faq', id)
      let live: FaqEntry | null = null
      if (versions.length === 0) live = entry.status === 'published' ? entry : null
      else {
        const v = liveVersion(versions)
        if (v) live = validate({ ...v.data, status: 'published' })
      }
      return { entry, live, version: versions.reduce((m, v) => Math.max(m, v.version), 0) }
    },

    async importEntries(shopId, entries, actor) {
      const counts = { created: 0, updated: 0, unchanged: 0 }
      await store.transaction(async (tx) => {
        for (const raw of entries) {
          const entry = validate(raw)
          const current = await tx.faq.get(shopId, entry.id)
          if (!current) {
            await write(tx, shopId, entry, actor, 'imported')
            counts.created++
            continue
          }
          if (diffEntries(current, entry).length === 0) {
            counts.unchanged++
            continue
          }
          await history(tx, shopId, current)
          await write(tx, shopId, entry, actor, 'imported')
          counts.updated++
        }
      })
      if (counts.created + counts.updated > 0) await invalidate(shopId)
      return counts
    },
  }
}

function validate(input: unknown): FaqEntry {
  const r = faqSchema.safeParse(input)
  if (r.success) return r.data
  const first = r.error.issues[0]
  throw new AppError(
    'invalid_input',
    first ? `${first.path.join('.') || 'entry'}: ${first.message}` : 'invalid FAQ entry',
    {
      details: { issues: r.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })) },
    },
  )
}

const DIFF_FIELDS = ['question', 'similar', 'answer', 'category', 'locale', 'status'] as const

/** Field-level diff of two FAQ versions (similar questions compared as lists). */
export function diffEntries(from: Record<string, unknown>, to: Record<string, unknown>): FieldDiff[] {
  const out: FieldDiff[] = []
  for (const field of DIFF_FIELDS) {
    const a = from[field]
    const b = to[field]
    if (JSON.stringify(a ?? null) !== JSON.stringify(b ?? null)) out.push({ field, from: a ?? null, to: b ?? null })
  }
  return out
}
