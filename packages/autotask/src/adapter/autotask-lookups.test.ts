import { htmlToText } from '@ticketbridge/core'
import { describe, expect, it } from 'vitest'
import { createPicklist } from '../client/autotask-metadata'
import { autotaskAdapterOptionsSchema } from './autotask-adapter-settings'
import { createPublishLevels, priorityLevelOf, statusCategoryOf } from './autotask-lookups'

const options = (overrides: Record<string, unknown> = {}) => autotaskAdapterOptionsSchema.parse(overrides)
const value = (entry: string, label: string, extra: Record<string, unknown> = {}) => ({ value: entry, label, ...extra })

describe('status categories', () => {
  it('maps the fixed system values and tenant labels', () => {
    const categories = [
      ['1', 'New'],
      ['5', 'Complete'],
      ['7', 'Waiting Customer'],
      ['8', 'In Progress'],
      ['12', 'Waiting Vendor'],
      ['16', 'On Hold'],
      ['20', 'Resolved'],
      ['21', 'Cancelled'],
      ['19', 'Customer Note Added'],
    ].map(([id, label]) => statusCategoryOf(value(id!, label!), {}))
    expect(categories).toEqual(['new', 'closed', 'pending', 'open', 'pending', 'pending', 'resolved', 'closed', 'open'])
  })

  it('lets the settings decide by label or value', () => {
    expect(statusCategoryOf(value('8', 'In Progress'), { 'in progress': 'pending' })).toBe('pending')
    expect(statusCategoryOf(value('13', 'Waiting Approval'), { '13': 'open' })).toBe('open')
  })
})

describe('priority levels', () => {
  it('maps labels to levels, defaulting to normal', () => {
    expect(['Critical', 'High', 'Medium', 'Low', 'Planning', 'Standard'].map((label) => priorityLevelOf(value('1', label), {}))).toEqual([
      'urgent',
      'high',
      'normal',
      'low',
      'low',
      'normal',
    ])
    expect(priorityLevelOf(value('6', 'P1 - Outage'), { 'P1 - Outage': 'urgent' })).toBe('urgent')
  })
})

describe('note publish levels', () => {
  const publish = createPicklist('TicketNotes', 'publish', [
    value('1', 'All Autotask Users', { isDefaultValue: true, sortOrder: 1 }),
    value('2', 'Internal Project Team', { sortOrder: 2 }),
    value('4', 'Internal & Co-Managed', { sortOrder: 3 }),
  ])

  it('writes public comments with the default non-internal level and internal ones with an internal level', () => {
    const levels = createPublishLevels(publish, options())
    expect(levels.public).toBe(1)
    expect(levels.internal).toBe(2)
    expect([1, 2, 4, 99, undefined].map((level) => levels.visibilityOf(level))).toEqual(['public', 'internal', 'internal', 'internal', 'internal'])
  })

  it('follows the settings, by label or value', () => {
    const levels = createPublishLevels(publish, options({ notePublish: { internal: 'Internal & Co-Managed' } }))
    expect(levels.internal).toBe(4)
    expect(levels.visibilityOf(4)).toBe('internal')
  })

  it('has no internal level when the tenant has none', () => {
    const levels = createPublishLevels(createPicklist('TicketNotes', 'publish', [value('1', 'All Autotask Users')]), options())
    expect(levels.internal).toBeUndefined()
  })
})

describe('text', () => {
  it('turns HTML into text', () => {
    expect(htmlToText('<p>Restarted the <b>spooler</b>.</p><p>Works &amp; prints.<br>Done</p>')).toBe('Restarted the spooler.\nWorks & prints.\nDone')
  })
})
