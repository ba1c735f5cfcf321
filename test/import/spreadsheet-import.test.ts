/**
 * Spreadsheets as merchants have them: CSV and XLSX with Chinese column headers imported with
 * `--map`, orders one row per order line, dates read in the shop's time zone, `--dry-run` that
 * writes nothing, and bad rows still rejected with FILE:LINE: field.
 */
import { execFile } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../../src/adapters/open-store.js'
import { AppError } from '../../src/core/errors.js'
import type { Store } from '../../src/core/ports/store.js'
import { type ImportErrorDetails, importFile } from '../../src/server/import/import-file.js'
import { parseColumnMap } from '../../src/server/import/table-columns.js'
import { createShop } from '../../src/server/shops/create-shop.js'
import { tempDir } from '../helpers/temp-dir.js'

const ROOT = resolve(import.meta.dirname, '../..')
const run = promisify(execFile)
const NOW = new Date('2026-11-25T02:00:00Z')

async function rejection(p: Promise<unknown>): Promise<ImportErrorDetails & { message: string }> {
  const e = await p.then(
    () => {
      throw new Error('expected the import to be rejected')
    },
    (err: unknown) => err,
  )
  if (!AppError.isInstance(e)) throw e
  return { ...(e.options.details as ImportErrorDetails), message: e.message }
}

const PRODUCT_MAP =
  'sku=商品编码,title=商品名称,category=类目,brand=品牌,price=售价,stock=库存,description=描述,locale=语言,attributes.material=材质'
const PRODUCTS_CSV =
  '商品编码,商品名称,类目,品牌,售价,库存,描述,语言,材质,备注\n' +
  'HX-COAT-330,羊毛双面呢大衣 女款,apparel/coat,禾夕,"1,299.00",35,"双面呢，无里衬",zh-CN,90%羊毛,\n' +
  'HX-TEA-001,明前龙井 250g,food/tea,禾夕,399.00,120,明前头采,zh-CN,,限时\n' +
  'HX-CUP-07,手工青瓷茶杯 两只装,home/teaware,禾夕,128,45,,zh_CN,龙泉青瓷,\n'

describe('kefu import with sheets (CLI)', () => {
  const dir = tempDir('kefu-sheets-cli-')
  afterAll(() => dir.remove())
  const env = { ...process.env, KEFU_DATA_DIR: join(dir.path, 'data'), KEFU_DATABASE_URL: '' }
  const kefu = (...args: string[]) =>
    run(process.execPath, [join(ROOT, 'bin/kefu'), ...args], { cwd: ROOT, env }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    )
  const withStore = async <T>(fn: (s: Store) => Promise<T>): Promise<T> => {
    const s = await openStore(`sqlite://${join(dir.path, 'data', 'kefu.db')}`)
    try {
      return await fn(s)
    } finally {
      await s.close()
    }
  }
  const file = (name: string, text: string) => {
    const p = join(dir.path, name)
    writeFileSync(p, text)
    return p
  }

  beforeAll(async () => {
    const r = await kefu('shop', 'create', 'hexi', '--name', '禾夕', '--timezone', 'Asia/Tokyo', '--currency', 'CNY')
    expect(r.code).toBe(0)
  })

  it('a Chinese-header CSV: --dry-run reports and writes nothing, then imports with --map, then is unchanged', async () => {
    const csv = file('商品导出.csv', PRODUCTS_CSV)
    const args = ['import', 'products', csv, '--shop', 'hexi', '--map', PRODUCT_MAP, '--ignore', '备注']
    const dry = await kefu(...args, '--dry-run')
    expect(dry.code).toBe(0)
    expect(dry.stdout).toContain(
      'products (dry run, nothing written): read 3: 3 new, 0 updated, 0 unchanged (shop hexi)',
    )
    expect(dry.stdout).toContain('normalised 2 locales zh-CN → zh')
    expect(dry.stdout).toContain('normalised 1 locale zh_CN → zh')
    expect(dry.stdout).toContain("filled 3 missing currencies with the shop's CNY")
    expect(await withStore((s) => s.products.count('hexi'))).toBe(0)
    const catalogVersion = await withStore(async (s) => (await s.shops.get('hexi'))?.settings.catalogVersion)
    expect(catalogVersion).toBeUndefined()

    const real = await kefu(...args, '--json')
    expect(real.stderr).toBe('')
    const result = JSON.parse(real.stdout)
    expect(result).toMatchObject({ kind: 'products', read: 3, inserted: 3, updated: 0, shopId: 'hexi' })
    expect(result.normalisations).toEqual(
      expect.arrayContaining([{ field: 'locale', from: 'zh-CN', to: 'zh', count: 2 }]),
    )
    expect(result.summary).toContain('normalised 2 locales zh-CN → zh')
    expect(await withStore((s) => s.products.get('hexi', 'HX-COAT-330'))).toEqual({
      sku: 'HX-COAT-330',
      title: '羊毛双面呢大衣 女款',
      category: 'apparel/coat',
      brand: '禾夕',
      price: 1299,
      currency: 'CNY',
      stock: 35,
      attributes: { material: '90%羊毛' },
      description: '双面呢，无里衬',
      locale: 'zh',
      localeTag: 'zh-CN',
    })

    const again = await kefu(...args, '--dry-run', '--json')
    expect(JSON.parse(again.stdout)).toMatchObject({ dryRun: true, inserted: 0, updated: 0, unchanged: 3 })
  })

  it('an XLSX with Chinese headers, one row per order line, dates read in the shop time zone', async () => {
    const customers = file(
      '会员.csv',
      '会员ID,姓名,手机,会员等级,语言\nhx-c1,林晓,139 1234 5678,normal,zh-CN\nhx-c2,周航,13677778888,黄金会员,zh\n',
    )
    const c = await kefu(
      'import',
      'customers',
      customers,
      '--shop',
      'hexi',
      '--map',
      'id=会员ID,name=姓名,phone=手机,tier=会员等级,locale=语言',
    )
    expect(c.stderr).toBe('')
    expect(c.stdout).toContain("kept 1 shop-defined customer tier 'normal' (rank 0 for the rules)")

    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('订单')
    ws.addRow([
      '订单号',
      '会员ID',
      '订单状态',
      '商品编码',
      '数量',
      '单价',
      '订单金额',
      '下单时间',
      '快递公司',
      '运单号',
      '预计送达',
    ])
    // Excel dates carry no zone: these are wall-clock times of the shop (Asia/Tokyo here).
    const wall = (y: number, m: number, d: number, h = 0, mi = 0) => new Date(Date.UTC(y, m - 1, d, h, mi))
    ws.addRow([
      'HX001',
      'hx-c1',
      'shipped',
      'HX-COAT-330',
      1,
      1299,
      1427,
      wall(2026, 11, 20, 10, 12),
      '顺丰速运',
      'SF100',
      wall(2026, 11, 27),
    ])
    ws.addRow(['HX001', null, null, 'HX-CUP-07', 1, '128.00'])
    ws.addRow(['HX002', 'hx-c2', 'paid', 'HX-TEA-001', 2, 399, '798.00', '2026/11/22 14:02'])
    const xlsx = join(dir.path, '订单导出.xlsx')
    await wb.xlsx.writeFile(xlsx)

    const map =
      'orderNo=订单号,customerId=会员ID,status=订单状态,items.sku=商品编码,items.qty=数量,items.price=单价,total=订单金额,createdAt=下单时间,shipment.carrier=快递公司,shipment.trackingNo=运单号,shipment.eta=预计送达'
    const r = await kefu('import', 'orders', xlsx, '--shop', 'hexi', '--map', map)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('orders: read 2, inserted 2, updated 0 (shop hexi)')
    const o = await withStore((s) => s.orders.get('hexi', 'HX001'))
    expect(o).toMatchObject({
      customerId: 'hx-c1',
      total: 1427,
      createdAt: '2026-11-20T10:12:00+09:00',
      items: [
        { sku: 'HX-COAT-330', qty: 1, price: 1299 },
        { sku: 'HX-CUP-07', qty: 1, price: 128 },
      ],
      shipment: { carrier: '顺丰速运', trackingNo: 'SF100', eta: '2026-11-27T23:59:59+09:00', events: [] },
    })
    expect((await withStore((s) => s.orders.get('hexi', 'HX002')))?.createdAt).toBe('2026-11-22T14:02:00+09:00')
  })

  it('a bad row is still rejected whole with FILE:LINE: field, and nothing is stored', async () => {
    const bad = file(
      'bad.csv',
      '商品编码,商品名称,类目,品牌,售价,库存\nHX-NEW-1,新品,home/teaware,禾夕,99,3\nHX-NEW-2,新品二,home/teaware,禾夕,九十九,3\n',
    )
    const r = await kefu(
      'import',
      'products',
      bad,
      '--shop',
      'hexi',
      '--map',
      'sku=商品编码,title=商品名称,category=类目,brand=品牌,price=售价,stock=库存',
    )
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(`${bad}:3: price: `)
    expect(await withStore((s) => s.products.get('hexi', 'HX-NEW-1'))).toBeNull()
    // An unmapped Chinese header names the way out.
    const unmapped = await kefu('import', 'products', bad, '--shop', 'hexi')
    expect(unmapped.code).toBe(1)
    expect(unmapped.stderr).toContain(`${bad}:1: 商品编码: unknown column`)
    expect(unmapped.stderr).toContain('--map FIELD=商品编码')
  })
})

describe('sheet rules (in process)', () => {
  const dir = tempDir('kefu-sheets-')
  let store: Store
  let n = 0
  const file = (name: string, text: string) => {
    const p = join(dir.path, `${n++}-${name}`)
    writeFileSync(p, text)
    return p
  }
  beforeAll(async () => {
    store = await openStore('sqlite::memory:')
    await createShop(store, { id: 's1', name: 'S1', timezone: 'Asia/Shanghai' }, NOW)
    await store.customers.upsertMany('s1', [{ id: 'c1', name: 'A', phone: '13800000000', tier: 'regular' }])
  })
  afterAll(async () => {
    await store.close()
    dir.remove()
  })

  it('points an order line error at its own row, and refuses a later row that changes the order', async () => {
    const head = 'orderNo,customerId,status,total,createdAt,items.sku,items.qty,items.price\n'
    const badQty = await rejection(
      importFile(store, 'orders', file('o.csv', `${head}O1,c1,paid,30,2026-11-20,A,1,10\nO1,,,,,B,zero,20\n`), {
        shopId: 's1',
      }),
    )
    expect(badQty.errors).toEqual([expect.objectContaining({ line: 3, field: 'items.1.qty' })])
    const clash = await rejection(
      importFile(store, 'orders', file('c.csv', `${head}O1,c1,paid,30,2026-11-20,A,1,10\nO1,c1,shipped,,,B,1,20\n`), {
        shopId: 's1',
      }),
    )
    expect(clash.errors).toEqual([expect.objectContaining({ line: 3, field: 'status' })])
    expect(clash.errors[0]!.message).toContain('differs from line 2')
    expect(await store.orders.count('s1')).toBe(0)
  })

  it('takes JSON in a cell for nested fields and |-separated lists', async () => {
    const csv =
      'id,category,symptom,similar,questions,solutions,escalate\n' +
      'f1,home/teaware,茶杯渗水,杯子漏水|杯底渗水,什么时候出现的？,拍照发给我们|补发,"{""queue"":""after-sales"",""priority"":""normal""}"\n'
    const r = await importFile(store, 'faults', file('f.csv', csv), { shopId: 's1' })
    expect(r.inserted).toBe(1)
    expect(await store.faults.get('s1', 'f1')).toMatchObject({
      similar: ['杯子漏水', '杯底渗水'],
      solutions: ['拍照发给我们', '补发'],
      escalate: { queue: 'after-sales', priority: 'normal' },
    })
    const broken = await rejection(
      importFile(store, 'faults', file('g.csv', csv.replace('""normal""}', '""normal""')), { shopId: 's1' }),
    )
    expect(broken.errors[0]).toMatchObject({ line: 2, field: 'escalate' })
    expect(broken.errors[0]!.message).toMatch(/^not valid JSON/)
  })

  it("rejects a tier the shop's mapping does not know, naming file, line and field", async () => {
    await store.shops.upsert({
      ...(await store.shops.get('s1'))!,
      settings: { timezone: 'Asia/Shanghai', customers: { tierRanks: { normal: 0, VIP1: 3 } } },
    })
    const path = file('c.jsonl', `${JSON.stringify({ id: 'c9', name: 'B', phone: '13900000000', tier: 'VIP 1' })}\n`)
    const e = await rejection(importFile(store, 'customers', path, { shopId: 's1' }))
    expect(e.errors).toEqual([expect.objectContaining({ file: path, line: 1, field: 'tier' })])
    expect(e.message).toContain(`${path}:1: tier: tier 'VIP 1' is neither in the shop's settings.customers.tierRanks`)
  })

  it('a mapped column missing from the header is an error; --map must be field=column', async () => {
    const e = await rejection(
      importFile(store, 'faq', file('q.csv', 'id,question,answer,category,locale\nq1,Q,A,c,en-US\n'), {
        shopId: 's1',
        map: parseColumnMap('question=问题'),
      }),
    )
    expect(e.errors).toEqual([expect.objectContaining({ line: 1, field: '问题' })])
    expect(() => parseColumnMap('title')).toThrow(/not field=column/)
  })
})
