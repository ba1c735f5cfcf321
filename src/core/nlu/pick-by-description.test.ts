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
  })

  it('gives null for a tie or nothing shared', () => {
    expect(pickByDescription('四件套那个', orders)).toBeNull()
    expect(pickByDescription('好的', orders)).toBeNull()
    expect(pickByDescription('the one with the watch', orders)).toBeNull()
  })
})
