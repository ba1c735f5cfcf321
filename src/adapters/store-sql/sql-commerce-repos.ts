import type { Customer, Order } from '../../core/domain/schemas.js'
import { AppError } from '../../core/errors.js'
import type { Page, Store } from '../../core/ports/store.js'
import { chunks, type Db, guarded, json, lastWins, paginate, parse, upsert } from './sql-helpers.js'
import type { SqlRepoContext } from './sql-repo-context.js'
import { toOrder } from './sql-row-mappers.js'

export function sqlCommerceRepos(ctx: SqlRepoContext): Pick<Store, 'customers' | 'orders'> {
  const { db, pg, queries, now, atomic, count } = ctx
  const orderQuery = (d: Db) =>
    d
      .selectFrom('orders as o')
      .leftJoin('shipments as s', (j) => j.onRef('s.shop_id', '=', 'o.shop_id').onRef('s.order_no', '=', 'o.order_no'))
      .select([
        'o.data as data',
        's.carrier as s_carrier',
        's.tracking_no as s_tracking_no',
        's.status as s_status',
        's.eta as s_eta',
        's.events as s_events',
      ])
  return {
    customers: guarded({
      async upsertMany(shopId: string, rows: Customer[]) {
        const ts = now()
        const values = lastWins(rows, (c) => c.id).map((c) => ({
          shop_id: shopId,
          id: c.id,
          name: c.name,
          phone: c.phone,
          tier: c.tier ?? 'regular',
          data: json(c),
          updated_at: ts,
        }))
        await atomic((d) => upsert(d, 'customers', ['shop_id', 'id'], values))
      },
      async get(shopId: string, id: string) {
        const { rows } = await queries.run(db, 'customers.get', [shopId, id] as const, (q, [s, i]) =>
          q.selectFrom('customers').select('data').where('shop_id', '=', s).where('id', '=', i),
        )
        return rows[0] ? parse<Customer>(rows[0].data, {} as Customer) : null
      },
      async list(shopId: string, page?: Page) {
        const q = db.selectFrom('customers').select('data').where('shop_id', '=', shopId).orderBy('id')
        const rows = await paginate(q, page).execute()
        return rows.map((r) => parse<Customer>(r.data, {} as Customer))
      },
      count: (shopId: string) => count('customers', shopId),
    }),

    orders: guarded({
      async upsertMany(shopId: string, rows: Order[]) {
        const ts = now()
        const unique = lastWins(rows, (o) => o.orderNo)
        const orderRows = unique.map((o) => {
          const { shipment: _shipment, ...rest } = o
          return {
            shop_id: shopId,
            order_no: o.orderNo,
            customer_id: o.customerId,
            status: o.status,
            total: o.total,
            created_at: o.createdAt,
            data: json(rest),
            updated_at: ts,
          }
        })
        const shipmentRows = unique
          .filter((o) => o.shipment)
          .map((o) => {
            const s = o.shipment!
            return {
              shop_id: shopId,
              order_no: o.orderNo,
              carrier: s.carrier,
              tracking_no: s.trackingNo,
              status: s.status ?? 'in_transit',
              eta: s.eta ?? null,
              events: json(s.events ?? []),
              updated_at: ts,
            }
          })
        // Upsert replaces the whole record, so an order re-imported without a shipment loses its old one.
        const withoutShipment = unique.filter((o) => !o.shipment).map((o) => o.orderNo)
        await atomic(async (d) => {
          await upsert(d, 'orders', ['shop_id', 'order_no'], orderRows)
          await upsert(d, 'shipments', ['shop_id', 'order_no'], shipmentRows)
          for (const batch of chunks(withoutShipment, 500)) {
            await d.deleteFrom('shipments').where('shop_id', '=', shopId).where('order_no', 'in', batch).execute()
          }
        })
      },
      async get(shopId: string, orderNo: string) {
        const { rows } = await queries.run(db, 'orders.get', [shopId, orderNo] as const, (q, [s, o]) =>
          orderQuery(q).where('o.shop_id', '=', s).where('o.order_no', '=', o),
        )
        return rows[0] ? toOrder(rows[0]) : null
      },
      async listByCustomer(shopId: string, customerId: string) {
        const { rows } = await queries.run(db, 'orders.listByCustomer', [shopId, customerId] as const, (q, [s, c]) =>
          orderQuery(q)
            .where('o.shop_id', '=', s)
            .where('o.customer_id', '=', c)
            .orderBy('o.created_at', 'desc')
            .orderBy('o.order_no'),
        )
        return rows.map(toOrder)
      },
      async update(shopId: string, orderNo: string, patch: Partial<Pick<Order, 'status' | 'address'>>) {
        await atomic(async (d) => {
          let q = d.selectFrom('orders').select('data').where('shop_id', '=', shopId).where('order_no', '=', orderNo)
          if (pg) q = q.forUpdate()
          const r = await q.executeTakeFirst()
          if (!r) throw new AppError('not_found', `order ${orderNo} not found`)
          const order = { ...parse<Order>(r.data, {} as Order) }
          if ('status' in patch && patch.status !== undefined) order.status = patch.status
          if ('address' in patch) {
            if (patch.address === undefined) delete order.address
            else order.address = patch.address
          }
          await d
            .updateTable('orders')
            .set({ status: order.status, data: json(order), updated_at: now() })
            .where('shop_id', '=', shopId)
            .where('order_no', '=', orderNo)
            .execute()
        })
      },
      async list(shopId: string, page?: Page & { status?: Order['status'] }) {
        let q = orderQuery(db).where('o.shop_id', '=', shopId)
        if (page?.status !== undefined) q = q.where('o.status', '=', page.status)
        const rows = await paginate(q.orderBy('o.created_at', 'desc').orderBy('o.order_no'), page).execute()
        return rows.map(toOrder)
      },
      count: (shopId: string) => count('orders', shopId),
    }),
  }
}
