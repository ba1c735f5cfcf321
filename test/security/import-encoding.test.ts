/**
 * Issue 10, point 10 (and point 3 for imports): a file with invalid UTF-8 — or a NUL character —
 * is rejected naming the line, nothing of it is stored, and `kefu import` exits non-zero; it used to
 * import with exit 0 and store replacement characters.
 */
import { execFile } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { openStore } from '../../src/adapters/open-store.js'
import { AppError } from '../../src/core/errors.js'
import { ensureShop } from '../../src/server/import/ensure-shop.js'
import { type ImportErrorDetails, importFile } from '../../src/server/import/import-file.js'
import { makeProduct } from '../helpers/store-fixtures.js'
import { tempDir } from '../helpers/temp-dir.js'

const ROOT = resolve(import.meta.dirname, '../..')
const dir = tempDir('kefu-import-enc-')
afterAll(() => dir.remove())

const line = (sku: string) => Buffer.from(`${JSON.stringify(makeProduct({ sku, title: `商品 ${sku}` }))}\n`)
// 0xE5 0x95 starts a 3-byte sequence that never finishes; 0xFF is never valid UTF-8.
const broken = (sku: string) =>
  Buffer.concat([Buffer.from(`{"sku":"${sku}","title":"坏`), Buffer.from([0xe5, 0x95]), Buffer.from('"}\n')])

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => {
      throw new Error('expected the import to be rejected')
    },
    (x: unknown) => x,
  )
  if (!AppError.isInstance(e)) throw e
  return e
}

describe('import encoding', () => {
  it('rejects invalid UTF-8 and NUL naming the line; stores nothing', async () => {
    const store = await openStore('sqlite::memory:')
    try {
      const shop = (await ensureShop(store, 'enc')).id
      const path = join(dir.path, 'products.jsonl')
      writeFileSync(
        path,
        Buffer.concat([
          line('P1'),
          broken('P2'),
          line('P3'),
          Buffer.from([0xff, 0x0a]),
          Buffer.from('{"sku":"P5\\u0000"}\n'),
          Buffer.from(`{"sku":"P6","title":"a\u0000b"}\n`),
        ]),
      )
      const e = await rejection(importFile(store, 'products', path, { shopId: shop }))
      expect(e.code).toBe('invalid_input')
      const errors = (e.options.details as ImportErrorDetails).errors
      const enc = errors.filter((x) => x.field === '(encoding)')
      expect(enc.map((x) => x.line)).toEqual([2, 4, 6])
      expect(enc[0]!.message).toMatch(/UTF-8/)
      expect(enc[2]!.message).toMatch(/NUL/)
      // A NUL written as a JSON escape is refused too.
      expect(errors.find((x) => x.line === 5)?.message).toMatch(/NUL/)
      expect(e.message).toContain('products.jsonl:2')
      expect(await store.products.count(shop)).toBe(0)

      // A CSV FAQ file the same way.
      const csv = join(dir.path, 'faq.csv')
      writeFileSync(
        csv,
        Buffer.concat([
          Buffer.from('id,question,answer,similar,category,locale\n'),
          Buffer.from('f1,包邮吗,满99包邮,,shipping,zh\n'),
          Buffer.from('f2,退货,'),
          Buffer.from([0xc3, 0x28]),
          Buffer.from(',,returns,zh\n'),
        ]),
      )
      const c = await rejection(importFile(store, 'faq', csv, { shopId: shop }))
      expect((c.options.details as ImportErrorDetails).errors.find((x) => x.field === '(encoding)')?.line).toBe(3)
      expect(await store.faq.count(shop)).toBe(0)
    } finally {
      await store.close()
    }
  })

  it('kefu import exits 1 and names FILE:LINE', async () => {
    const path = join(dir.path, 'cli-products.jsonl')
    writeFileSync(path, Buffer.concat([line('P1'), broken('P2')]))
    const env = { ...process.env, KEFU_DATA_DIR: join(dir.path, 'data'), KEFU_DATABASE_URL: '' }
    await promisify(execFile)(process.execPath, [join(ROOT, 'bin/kefu'), 'shop', 'create', 'enc', '--name', 'Enc'], {
      cwd: ROOT,
      env,
    })
    const r = await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'bin/kefu'), 'import', 'products', path, '--shop', 'enc'],
      {
        cwd: ROOT,
        env,
      },
    ).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    )
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('cli-products.jsonl:2')
    expect(r.stderr).toMatch(/UTF-8/)
  })
})
