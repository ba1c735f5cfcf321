import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { AppError } from '../../core/errors.js'
import {
  errorText,
  type Job,
  type JobQueue,
  type JobQueueOptions,
  type JobState,
  type JobWorker,
  type Lease,
  resolveQueueOptions,
  runJobWorker,
} from '../../core/ports/job-queue.js'

/*
 * Layout under `<prefix>jq:` (one Redis, many deployments: each has its own prefix):
 *   job:<id>      hash   the job (type, payload JSON, attempts, maxAttempts, runAt, state, token…)
 *   delayed       zset   id → runAt (ms), jobs not yet due and retries waiting out their backoff
 *   wait:<type>   list   ids of due jobs, oldest first
 *   active        zset   id → lease deadline (ms); expired entries go back to wait (or dead)
 *   dead          zset   id → time of death
 *   dedupe:<key>  string id of the not-yet-started job holding the key
 *   types         set    every job type seen (for stats)
 * Every state change is one Lua script, so two workers never claim the same job and a lost lease
 * never acks a job someone else now holds. Keys are built inside the scripts (not cluster-safe:
 * use one Redis node or a hash-tagged prefix such as `{kefu}:`).
 */

const SWEEP = `
local p = ARGV[1]
local now = tonumber(ARGV[2])
local due = redis.call('ZRANGEBYSCORE', p..'delayed', '-inf', now, 'LIMIT', 0, 500)
for _, id in ipairs(due) do
  redis.call('ZREM', p..'delayed', id)
  local t = redis.call('HGET', p..'job:'..id, 'type')
  if t then
    redis.call('HSET', p..'job:'..id, 'state', 'waiting')
    redis.call('RPUSH', p..'wait:'..t, id)
  end
end
local exp = redis.call('ZRANGEBYSCORE', p..'active', '-inf', now, 'LIMIT', 0, 500)
for _, id in ipairs(exp) do
  redis.call('ZREM', p..'active', id)
  local k = p..'job:'..id
  local h = redis.call('HMGET', k, 'type', 'attempts', 'maxAttempts', 'lastError')
  if h[1] then
    redis.call('HDEL', k, 'token')
    if tonumber(h[2]) >= tonumber(h[3]) then
      redis.call('HSET', k, 'state', 'dead')
      if not h[4] then redis.call('HSET', k, 'lastError', 'visibility timeout expired') end
      redis.call('ZADD', p..'dead', now, id)
    else
      redis.call('HSET', k, 'state', 'waiting')
      redis.call('LPUSH', p..'wait:'..h[1], id)
    end
  end
end
`

const CLAIM = `${SWEEP}
local vis = tonumber(ARGV[3])
local token = ARGV[4]
for i = 6, 5 + tonumber(ARGV[5]) do
  local q = p..'wait:'..ARGV[i]
  while true do
    local id = redis.call('LPOP', q)
    if not id then break end
    local k = p..'job:'..id
    if redis.call('EXISTS', k) == 1 then
      redis.call('HINCRBY', k, 'attempts', 1)
      redis.call('HSET', k, 'state', 'active', 'token', token)
      redis.call('ZADD', p..'active', now + vis, id)
      local dk = redis.call('HGET', k, 'dedupeKey')
      if dk and dk ~= '' and redis.call('GET', p..'dedupe:'..dk) == id then redis.call('DEL', p..'dedupe:'..dk) end
      return redis.call('HGETALL', k)
    end
  end
end
return false
`

const ENQUEUE = `
local p, id, typ, payload = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local runAt, now, maxAttempts, dk = tonumber(ARGV[5]), tonumber(ARGV[6]), ARGV[7], ARGV[8]
if dk ~= '' then
  local ex = redis.call('GET', p..'dedupe:'..dk)
  if ex and redis.call('EXISTS', p..'job:'..ex) == 1 then return {ex, 1} end
end
local state = 'waiting'
if runAt > now then state = 'delayed' end
redis.call('HSET', p..'job:'..id, 'id', id, 'type', typ, 'payload', payload, 'attempts', 0,
  'maxAttempts', maxAttempts, 'runAt', runAt, 'createdAt', now, 'dedupeKey', dk, 'state', state)
redis.call('SADD', p..'types', typ)
if state == 'delayed' then redis.call('ZADD', p..'delayed', runAt, id) else redis.call('RPUSH', p..'wait:'..typ, id) end
if dk ~= '' then redis.call('SET', p..'dedupe:'..dk, id) end
return {id, 0}
`

const OWNED = `
local p, id, token = ARGV[1], ARGV[2], ARGV[3]
local k = p..'job:'..id
local h = redis.call('HMGET', k, 'token', 'state', 'attempts', 'maxAttempts')
if h[1] ~= token or h[2] ~= 'active' then return false end
`

const ACK = `${OWNED}
redis.call('ZREM', p..'active', id)
redis.call('DEL', k)
return 1
`

const FAIL = `${OWNED}
local now, err, base, cap = tonumber(ARGV[4]), ARGV[5], tonumber(ARGV[6]), tonumber(ARGV[7])
redis.call('ZREM', p..'active', id)
redis.call('HDEL', k, 'token')
redis.call('HSET', k, 'lastError', err)
local attempts = tonumber(h[3])
if attempts >= tonumber(h[4]) then
  redis.call('HSET', k, 'state', 'dead')
  redis.call('ZADD', p..'dead', now, id)
  return 'dead'
end
local delay = math.min(cap, base * math.pow(2, math.max(0, attempts - 1)))
redis.call('HSET', k, 'state', 'delayed', 'runAt', now + delay)
redis.call('ZADD', p..'delayed', now + delay, id)
return 'delayed'
`

const EXTEND = `${OWNED}
redis.call('ZADD', p..'active', 'XX', tonumber(ARGV[4]), id)
return 1
`

function toJob(flat: string[]): Job {
  const h: Record<string, string> = {}
  for (let i = 0; i + 1 < flat.length; i += 2) h[flat[i]!] = flat[i + 1]!
  let payload: unknown = null
  try {
    payload = JSON.parse(h.payload ?? 'null')
  } catch {
    payload = null
  }
  return {
    id: h.id ?? '',
    type: h.type ?? '',
    payload,
    attempts: Number(h.attempts ?? 0),
    maxAttempts: Number(h.maxAttempts ?? 1),
    runAt: Number(h.runAt ?? 0),
    dedupeKey: h.dedupeKey ? h.dedupeKey : null,
    createdAt: Number(h.createdAt ?? 0),
    lastError: h.lastError ?? null,
    state: (h.state ?? 'waiting') as JobState,
  }
}

const unavailable = (e: unknown) =>
  AppError.isInstance(e)
    ? e
    : new AppError('unavailable', 'Redis job queue command failed', { cause: e, retryable: true })

/**
 * JobQueue over Redis for several kefu instances: any instance enqueues, any worker claims, a
 * crashed instance's jobs come back after the visibility timeout.
 */
export async function createRedisJobQueue(
  url: string,
  prefix = 'kefu:',
  options: JobQueueOptions & { pollIntervalMs?: number } = {},
): Promise<JobQueue> {
  const o = resolveQueueOptions(options, () => Date.now())
  const p = `${prefix}jq:`
  const r = new Redis(url, {
    connectTimeout: 3000,
    commandTimeout: 5000,
    maxRetriesPerRequest: 2,
    lazyConnect: true,
    // Reconnect within a second of Redis returning; failures surface per command (jobs retry).
    retryStrategy: (times) => Math.min(100 * times, 1000),
  })
  r.on('error', () => undefined)
  try {
    await r.connect()
  } catch (e) {
    r.disconnect()
    throw new AppError('unavailable', `cannot connect to Redis at ${url.replace(/\/\/[^@]*@/, '//***@')}`, {
      cause: e,
      retryable: true,
    })
  }
  const workers = new Set<JobWorker>()
  let closed = false
  let rotate = 0

  const run = async <T>(script: string, args: Array<string | number>): Promise<T> => {
    try {
      return (await r.eval(script, 0, ...args.map(String))) as T
    } catch (e) {
      throw unavailable(e)
    }
  }
  const sweep = () => run<unknown>(`${SWEEP}\nreturn 1`, [p, o.now()])

  const queue: JobQueue = {
    specificationVersion: 'v1',
    async enqueue(input) {
      if (closed) throw new AppError('unavailable', 'job queue is closed')
      if (!input.type) throw new AppError('invalid_input', 'job type is required')
      const now = o.now()
      const runAt = input.runAt === undefined ? now : Number(input.runAt)
      const id = `job_${randomUUID().replace(/-/g, '').slice(0, 20)}`
      const [got, deduped] = await run<[string, number]>(ENQUEUE, [
        p,
        id,
        input.type,
        JSON.stringify(input.payload ?? null),
        runAt,
        now,
        Math.max(1, input.maxAttempts ?? o.maxAttempts),
        input.dedupeKey ?? '',
      ])
      return { id: got, deduped: deduped === 1 }
    },

    async claim(types) {
      if (types.length === 0) return null
      // Rotate the order of types so a busy type does not starve the others of one worker.
      const start = rotate++ % types.length
      const ordered = [...types.slice(start), ...types.slice(0, start)]
      const token = randomUUID()
      const flat = await run<string[] | null>(CLAIM, [
        p,
        o.now(),
        o.visibilityTimeoutMs,
        token,
        ordered.length,
        ...ordered,
      ])
      if (!flat) return null
      return { job: toJob(flat), token }
    },

    async ack(lease: Lease) {
      return (await run<number | null>(ACK, [p, lease.job.id, lease.token])) === 1
    },

    async fail(lease, error) {
      const s = await run<string | null>(FAIL, [
        p,
        lease.job.id,
        lease.token,
        o.now(),
        errorText(error),
        o.backoffBaseMs,
        o.backoffMaxMs,
      ])
      return s === 'dead' || s === 'delayed' ? { state: s } : null
    },

    async extend(lease) {
      return (await run<number | null>(EXTEND, [p, lease.job.id, lease.token, o.now() + o.visibilityTimeoutMs])) === 1
    },

    async get(id) {
      await sweep()
      const flat = await r.hgetall(`${p}job:${id}`).catch((e) => {
        throw unavailable(e)
      })
      if (!flat || Object.keys(flat).length === 0) return null
      return toJob(Object.entries(flat).flat())
    },

    async deadLetters(opts = {}) {
      const ids = await r.zrange(`${p}dead`, '0', String(Math.max(1, opts.limit ?? 100) - 1))
      const out: Job[] = []
      for (const id of ids) {
        const flat = await r.hgetall(`${p}job:${id}`)
        if (Object.keys(flat).length > 0) out.push(toJob(Object.entries(flat).flat()))
      }
      return out
    },

    async stats() {
      await sweep()
      const types = await r.smembers(`${p}types`)
      let waiting = 0
      for (const t of types) waiting += await r.llen(`${p}wait:${t}`)
      return {
        waiting,
        delayed: await r.zcard(`${p}delayed`),
        active: await r.zcard(`${p}active`),
        dead: await r.zcard(`${p}dead`),
      }
    },

    process(types, handler, opts = {}) {
      if (closed) throw new AppError('unavailable', 'job queue is closed')
      const w = runJobWorker(queue, types, handler, {
        ...opts,
        pollIntervalMs: opts.pollIntervalMs ?? options.pollIntervalMs ?? 500,
        visibilityTimeoutMs: o.visibilityTimeoutMs,
      })
      const tracked: JobWorker = {
        async stop(s) {
          workers.delete(tracked)
          await w.stop(s)
        },
      }
      workers.add(tracked)
      return tracked
    },

    async close() {
      closed = true
      await Promise.all([...workers].map((w) => w.stop()))
      r.disconnect()
    },
  }
  return queue
}
