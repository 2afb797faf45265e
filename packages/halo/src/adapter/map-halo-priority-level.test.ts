import { describe, expect, it } from 'vitest'
import { mapHaloPriorityLevels } from './map-halo-priority-level'

describe('mapHaloPriorityLevels', () => {
  it('reads levels from names', () => {
    const levels = mapHaloPriorityLevels([
      { id: '1', name: 'Critical' },
      { id: '2', name: 'High' },
      { id: '3', name: 'Medium' },
      { id: '4', name: 'Low' },
      { id: '5', name: 'P1 - Outage' },
      { id: '6', name: 'Planned work' },
    ])
    expect(Object.fromEntries(levels)).toEqual({ 1: 'urgent', 2: 'high', 3: 'normal', 4: 'low', 5: 'urgent', 6: 'low' })
  })

  it('spreads unnamed priorities by rank, most urgent first, and honours overrides', () => {
    const levels = mapHaloPriorityLevels(
      [
        { id: '4', name: 'Gold' },
        { id: '1', name: 'Platinum' },
        { id: '2', name: 'Silver' },
        { id: '3', name: 'Bronze' },
      ],
      { Silver: 'normal' },
    )
    expect(Object.fromEntries(levels)).toEqual({ 1: 'urgent', 2: 'normal', 3: 'normal', 4: 'low' })
  })
})
