import { describe, expect, it } from 'vitest'
import { pickByDescription } from './pick-by-description.js'

const orders = [
  { id: 'A', texts: ['眠眠 60支长绒棉四件套 1.8m床', '待付款'] },
  { id: 'B', texts: ['眠眠 60支长绒棉四件套 1.5m床', '已发货'] },
  { id: 'C', texts: ['Cleanmax Robot Vacuum S8', 'Rice Cooker 3L', 'shipped'] },
]

describe('pickByDescription', () => {
  it('picks the listed option the customer describes by a title part or a status', () => {
    expect(pickByDescription('1.5m那个', orders)).toBe('B')
    expect(pickByDescription('待付款那个', orders)).toBe('A')
    expect(pickByDescription('the robot vacuum one', orders)).toBe('C')
    expect(pickByDescription('the rice cookers', orders)).toBe('C')
    expect(pickByDescription('those bottles', [{ id: 'V', texts: ['Steel Vacuum Bottle 500ml'] }, ...orders])).toBe('V')
    expect(pickByDescription('the watches', [{ id: 'W', texts: ['Smart Watch 4'] }, ...orders])).toBe('W')
  })

  it('gives null for a tie or nothing shared', () => {
    expect(pickByDescription('四件套那个', orders)).toBeNull()
    expect(pickByDescription('好的', orders)).toBeNull()
    expect(pickByDescription('the one with the watch', orders)).toBeNull()
  })
})

describe('pickByDescription options', () => {
  const jackets = [
    { id: 'M', texts: ['北岭 男款连帽中长款羽绒服'] },
    { id: 'W', texts: ['北岭 女款长款过膝羽绒服 连帽'] },
    { id: 'K', texts: ['素白 儿童款连帽羽绒服 128GB'] },
  ]
  it('breaks a tie with the preference and ignores numbers when asked to', () => {
    expect(pickByDescription('北岭连帽', jackets)).toBeNull()
    expect(pickByDescription('北岭连帽', jackets, { prefer: (id) => id === 'M' })).toBe('M')
    expect(pickByDescription('身高128', jackets, { numbers: false })).toBeNull()
  })
})
