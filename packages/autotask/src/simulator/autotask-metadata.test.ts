import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatAutotaskDate } from './autotask-date'
import { createAutotaskSimulator, type AutotaskServedSimulator } from './index'
import { createTestCaller, type AutotaskTestCaller } from './test-support/autotask-test-caller'

describe('Autotask simulator: metadata', () => {
  const simulator = createAutotaskSimulator({ seed: 5 })
  let served: AutotaskServedSimulator
  let caller: AutotaskTestCaller
  beforeAll(async () => {
    served = await simulator.serve()
    caller = createTestCaller(served.url, simulator.credentials)
  })
  afterAll(() => served.close())

  it('describes what an entity can do, from the spec routes', async () => {
    expect((await caller.call('GET', '/Tickets/entityInformation')).body.info).toMatchObject({
      name: 'Tickets',
      canCreate: true,
      canUpdate: true,
      canQuery: true,
      canDelete: false,
      hasUserDefinedFields: true,
      supportsWebhookCallouts: true,
    })
    expect((await caller.call('GET', '/TicketAttachments/entityInformation')).body.info).toMatchObject({
      canCreate: true,
      canUpdate: false,
      canDelete: true,
    })
    expect((await caller.call('GET', '/Resources/entityInformation')).body.info).toMatchObject({ canCreate: false, canUpdate: true })
    const all = (await caller.call('GET', '/EntityInformation')).body.entityDescriptions as { info: { name: string } }[]
    expect(all.map((entry) => entry.info.name)).toContain('TicketNotes')
  })

  it('lists fields with required flags, references and picklists (string values, labels, activity, defaults, order)', async () => {
    const fields = (await caller.call('GET', '/Tickets/entityInformation/fields')).body.fields as Record<string, any>[]
    const byName = new Map(fields.map((field) => [field.name, field]))
    expect(byName.get('id')).toMatchObject({ dataType: 'long', isReadOnly: true, isQueryable: true })
    expect(byName.get('title')).toMatchObject({ dataType: 'string', length: 255, isRequired: true })
    expect(byName.get('companyID')).toMatchObject({
      isRequired: true,
      isReference: true,
      referenceEntityType: 'Company',
      isPickList: false,
      picklistValues: null,
    })
    expect(byName.get('creatorType')).toMatchObject({ isQueryable: false })
    const status = byName.get('status')!
    expect(status).toMatchObject({ dataType: 'integer', isRequired: true, isPickList: true })
    expect(status.picklistValues[0]).toEqual({
      value: '1',
      label: 'New',
      isDefaultValue: true,
      sortOrder: 1,
      parentValue: '',
      isActive: true,
      isSystem: true,
    })
    expect(status.picklistValues).toContainEqual(expect.objectContaining({ value: '5', label: 'Complete' }))
    expect(status.picklistValues).toContainEqual(expect.objectContaining({ isActive: false }))
    expect(byName.get('subIssueType')).toMatchObject({ picklistParentValueField: 'issueType' })
    expect(byName.get('subIssueType')!.picklistValues[0]).toMatchObject({ parentValue: '1' })
    for (const name of ['priority', 'queueID', 'issueType', 'source', 'ticketType', 'ticketCategory']) expect(byName.get(name)?.isPickList).toBe(true)
    const noteFields = (await caller.call('GET', '/Tickets/1/Notes/entityInformation/fields')).body.fields as Record<string, any>[]
    const labels = (name: string): string[] =>
      noteFields.find((field) => field.name === name)!.picklistValues.map((value: { label: string }) => value.label)
    expect(labels('publish')).toEqual(['All Autotask Users', 'Internal Project Team', 'Internal & Co-Managed'])
    expect(labels('noteType')).toContain('Task Summary')
  })

  it('lists user-defined fields', async () => {
    const fields = (await caller.call('GET', '/Tickets/entityInformation/userDefinedFields')).body.fields
    expect(fields.map((field: { name: string }) => field.name)).toEqual(['External Reference', 'Customer Impact', 'Billable Hours Estimate'])
    expect(fields[1]).toMatchObject({
      isPickList: true,
      picklistValues: [expect.objectContaining({ value: 'Low' }), expect.anything(), expect.anything()],
    })
  })

  it('answers Version, Modules and VersionInformation', async () => {
    expect((await caller.call('GET', '/Version')).body).toEqual({
      majorVersion: expect.any(String),
      minorVersion: expect.any(String),
      build: expect.any(String),
    })
    expect((await caller.call('GET', '/Modules')).body.modules[0]).toEqual({ key: expect.any(Number), value: true })
    expect((await caller.callUrl('GET', `${served.url}/ATServicesRest/VersionInformation`)).body).toEqual({ apiVersions: ['1.0'] })
  })
})

describe('Autotask simulator: seeded tenant', () => {
  it('is the same tenant for the same seed', () => {
    const clock = { now: () => Date.parse('2025-01-15T10:00:00Z') }
    const first = createAutotaskSimulator({ seed: 30, clock })
    const second = createAutotaskSimulator({ seed: 30, clock })
    for (const entity of ['Tickets', 'TicketNotes', 'Companies', 'Contacts', 'Resources', 'TicketAttachments', 'TimeEntries']) {
      expect(second.state.rows(entity)).toEqual(first.state.rows(entity))
    }
    expect(first.state.count('Tickets')).toBe(30)
    expect(first.state.count('TicketNotes')).toBeGreaterThan(20)
    const other = createAutotaskSimulator({ seed: 30, randomSeed: 2, clock })
    expect(other.state.rows('Tickets').map((ticket) => ticket.title)).not.toEqual(first.state.rows('Tickets').map((ticket) => ticket.title))
  })

  it('keeps seeded data consistent: references exist, dates are Autotask UTC strings, reset() restores it', () => {
    const simulator = createAutotaskSimulator({ seed: 40 })
    for (const ticket of simulator.state.rows('Tickets')) {
      expect(simulator.state.get('Companies', ticket.companyID as number)).toBeDefined()
      if (ticket.contactID !== null) expect(simulator.state.get('Contacts', ticket.contactID as number)!.companyID).toBe(ticket.companyID)
      expect(ticket.createDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/)
    }
    const before = simulator.state.count('Tickets')
    void simulator.seedTickets(3, 'extra')
    expect(simulator.state.count('Tickets')).toBe(before + 3)
    simulator.reset()
    expect(simulator.state.count('Tickets')).toBe(before)
  })
})

describe('formatAutotaskDate', () => {
  it('writes UTC with 0 to 3 fractional digits, as Autotask does', () => {
    expect(formatAutotaskDate(Date.parse('2024-05-02T08:00:03.210Z'))).toBe('2024-05-02T08:00:03.21Z')
    expect(formatAutotaskDate(Date.parse('2022-12-06T13:00:00.000Z'))).toBe('2022-12-06T13:00:00Z')
    expect(formatAutotaskDate(Date.parse('2020-09-24T09:40:14.113Z'))).toBe('2020-09-24T09:40:14.113Z')
  })
})
