import { describe, expect, it } from 'vitest'
import { mapHaloStatusCategory } from './map-halo-status-category'

describe('mapHaloStatusCategory', () => {
  it('trusts the instance’s own closed and pending classes, and names within them', () => {
    expect(mapHaloStatusCategory({ id: '18', name: 'Resolved', closed: true, pending: false })).toBe('resolved')
    expect(mapHaloStatusCategory({ id: '9', name: 'Closed', closed: true, pending: false })).toBe('closed')
    expect(mapHaloStatusCategory({ id: '31', name: 'Archived', closed: true, pending: false })).toBe('closed')
    expect(mapHaloStatusCategory({ id: '4', name: 'Awaiting Customer', closed: false, pending: true })).toBe('pending')
    expect(mapHaloStatusCategory({ id: '40', name: 'Parked', closed: false, pending: true })).toBe('pending')
    expect(mapHaloStatusCategory({ id: '1', name: 'New', closed: false, pending: false })).toBe('new')
    expect(mapHaloStatusCategory({ id: '8', name: 'Updated', closed: false, pending: false })).toBe('open')
  })

  it('falls back to the name when the instance ignored the filters, never to the id', () => {
    expect(mapHaloStatusCategory({ id: '9', name: 'In Progress' })).toBe('open')
    expect(mapHaloStatusCategory({ id: '2', name: 'Cancelled' })).toBe('closed')
    expect(mapHaloStatusCategory({ id: '3', name: 'On Hold' })).toBe('pending')
    expect(mapHaloStatusCategory({ id: '5', name: 'Waiting on Supplier' })).toBe('pending')
    expect(mapHaloStatusCategory({ id: '6', name: 'Resolved - awaiting confirmation' })).toBe('resolved')
  })

  it('lets the caller override by id or name', () => {
    expect(mapHaloStatusCategory({ id: '40', name: 'Parked', pending: true }, { 40: 'open' })).toBe('open')
    expect(mapHaloStatusCategory({ id: '41', name: 'With Vendor' }, { 'with vendor': 'pending' })).toBe('pending')
  })
})
