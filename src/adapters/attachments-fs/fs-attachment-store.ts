/**
 * Attachments as files under the data directory: `<dir>/<shopId>/<conversationId>/<id>` with a
 * `<id>.json` beside it holding the metadata. Ids are checked before they become path segments, so a
 * crafted id cannot leave the directory. With several server instances, `dir` must be shared storage.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { AttachmentMeta, AttachmentStore } from '../../core/ports/attachment-store.js'

const SAFE = /^[A-Za-z0-9_-]{1,100}$/

/**
 * Opens (lazily creates) the attachment directory.
 *
 * @example
 * const attachments = createFsAttachmentStore(join(dataDir, 'attachments'))
 */
export function createFsAttachmentStore(dir: string): AttachmentStore {
  const folder = (shopId: string, conversationId: string) => {
    if (!SAFE.test(shopId) || !SAFE.test(conversationId)) return null
    return join(dir, shopId, conversationId)
  }
  return {
    specificationVersion: 'v1',
    async put(meta, data) {
      const f = folder(meta.shopId, meta.conversationId)
      if (!f || !SAFE.test(meta.id)) throw new Error('unsafe attachment id')
      await mkdir(f, { recursive: true })
      await writeFile(join(f, meta.id), data, { flag: 'wx' })
      await writeFile(join(f, `${meta.id}.json`), JSON.stringify(meta), { flag: 'wx' })
    },
    async get(shopId, conversationId, id) {
      const f = folder(shopId, conversationId)
      if (!f || !SAFE.test(id)) return null
      try {
        const meta = JSON.parse(await readFile(join(f, `${id}.json`), 'utf8')) as AttachmentMeta
        const data = new Uint8Array(await readFile(join(f, id)))
        return { meta, data }
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw e
      }
    },
  }
}
