import { describe, expect, it } from 'vitest'
import { RtLifecycles } from './rt-lifecycles'
import { RtPriorities } from './rt-priorities'
import { rtInputDate, rtTimestamp } from './port/rt-rest2-timestamps'

describe('RtLifecycles', () => {
  const lifecycles = new RtLifecycles({ support: { triage: 'new', working: 'open', waiting: 'pending', done: 'resolved' } })

  it('maps RT 5 statuses to categories', () => {
    expect(['new', 'open', 'stalled', 'resolved', 'rejected', 'deleted'].map((status) => lifecycles.categoryOf(status, 'default'))).toEqual([
      'new',
      'open',
      'pending',
      'resolved',
      'closed',
      'closed',
    ])
    expect(lifecycles.categoryOf('waiting', 'support')).toBe('pending')
    // A status of another lifecycle, or one nobody declared, still gets a category.
    expect(lifecycles.categoryOf('working')).toBe('open')
    expect(lifecycles.categoryOf('escalated', 'unknown')).toBe('open')
  })

  it('lists statuses without deleted, which RT searches never return', () => {
    expect(lifecycles.statuses(['default'])).toEqual([
      { id: 'new', name: 'new', category: 'new' },
      { id: 'open', name: 'open', category: 'open' },
      { id: 'stalled', name: 'stalled', category: 'pending' },
      { id: 'resolved', name: 'resolved', category: 'resolved' },
      { id: 'rejected', name: 'rejected', category: 'closed' },
    ])
    expect(lifecycles.statusFor('pending', 'default')).toBe('stalled')
    expect(lifecycles.statusFor('closed', 'default')).toBe('rejected')
    expect(lifecycles.statusFor('closed', 'support')).toBeUndefined()
  })
})

describe('RtPriorities', () => {
  const priorities = new RtPriorities()

  it('maps numbers to levels by RT 5 bands', () => {
    expect(priorities.definitions()).toEqual([
      { id: '0', name: 'Low', level: 'low' },
      { id: '50', name: 'Medium', level: 'normal' },
      { id: '100', name: 'High', level: 'high' },
      { id: '150', name: 'Urgent', level: 'urgent' },
    ])
    expect(priorities.priorityOf('37')).toEqual({ level: 'low', id: '37', name: 'Low' })
    expect(priorities.priorityOf('99')).toEqual({ level: 'normal', id: '99', name: 'Medium' })
    expect(priorities.priorityOf(250)).toEqual({ level: 'urgent', id: '250', name: 'Urgent' })
    expect(priorities.priorityOf(-5).level).toBe('low')
    expect(priorities.valueForLevel('high')).toBe(100)
    expect(priorities.valueForName('medium')).toBe(50)
  })
})

describe('REST2 dates', () => {
  it('reads REST2 dates and drops the 1970 sentinel', () => {
    expect(rtTimestamp('2026-11-25T07:32:53Z')).toBe('2026-11-25T07:32:53.000Z')
    expect(rtTimestamp('1970-01-01T00:00:00Z')).toBeUndefined()
    expect(rtTimestamp('')).toBeUndefined()
    expect(rtInputDate('2020-01-02T03:04:05.678Z')).toBe('2020-01-02 03:04:05')
  })
})
