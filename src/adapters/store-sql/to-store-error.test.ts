import { describe, expect, it } from 'vitest'
import { AppError } from '../../core/errors.js'
import { toStoreError } from './to-store-error.js'

const driverError = (code: string, message = 'driver said no') => Object.assign(new Error(message), { code })

describe('toStoreError', () => {
  it.each([
    ['23505', 'conflict'],
    ['SQLITE_CONSTRAINT_PRIMARYKEY', 'conflict'],
    ['SQLITE_CONSTRAINT_UNIQUE', 'conflict'],
    ['23503', 'conflict'],
    ['SQLITE_CONSTRAINT_FOREIGNKEY', 'conflict'],
    ['57014', 'unavailable'],
    ['08006', 'unavailable'],
    ['53300', 'unavailable'],
    ['40001', 'unavailable'],
    ['ECONNREFUSED', 'unavailable'],
    ['SQLITE_BUSY', 'unavailable'],
    ['SQLITE_BUSY_SNAPSHOT', 'unavailable'],
    ['42P01', 'internal'],
    ['SQLITE_ERROR', 'internal'],
  ])('maps driver code %s to %s and keeps the driver error as cause', (code, expected) => {
    const cause = driverError(code)
    const e = toStoreError(cause)
    expect(e.code).toBe(expected)
    expect(e.cause).toBe(cause)
    expect(e.options.retryable === true).toBe(expected === 'unavailable')
  })

  it('treats a pool wait timeout as unavailable and passes AppErrors through untouched', () => {
    expect(toStoreError(new Error('timeout exceeded when trying to connect')).code).toBe('unavailable')
    const app = new AppError('not_found', 'x')
    expect(toStoreError(app)).toBe(app)
  })

  it('keeps vendor text out of the unavailable message', () => {
    const e = toStoreError(driverError('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.5:5432 password=secret'))
    expect(e.message).not.toContain('10.0.0.5')
  })
})
