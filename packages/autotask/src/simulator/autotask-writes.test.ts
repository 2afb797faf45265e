import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createAutotaskSimulator, type AutotaskServedSimulator } from './index'
import { createTestCaller, type AutotaskTestCaller } from './test-support/autotask-test-caller'

describe('Autotask simulator: writes', () => {
  const start = Date.parse('2025-06-02T08:00:03.210Z')
  let now = start
  const simulator = createAutotaskSimulator({ seed: 20, clock: { now: () => now } })
  let served: AutotaskServedSimulator
  let caller: AutotaskTestCaller
  const customer = () => simulator.state.rows('Companies').find((company) => company.id !== 0 && company.isActive === true)!
  const contactOf = (companyId: number) =>
    simulator.state.rows('Contacts').find((contact) => contact.companyID === companyId && contact.isActive === 1)!
  const minimalTicket = () => ({ companyID: customer().id, title: 'Router reboots at night', status: 1, priority: 2, queueID: 29682833 })

  beforeAll(async () => {
    served = await simulator.serve()
    caller = createTestCaller(served.url, simulator.credentials)
  })
  beforeEach(() => {
    now = start
    simulator.reset()
  })
  afterAll(() => served.close())

  it('creates a ticket from the minimal body and answers {itemId}; the GET shows server-computed fields', async () => {
    const created = await caller.call('POST', '/Tickets', minimalTicket())
    expect(created.status).toBe(200)
    expect(created.body).toEqual({ itemId: expect.any(Number) })
    const fetched = await caller.call('GET', `/Tickets/${created.body.itemId}`)
    expect(fetched.body.item).toMatchObject({
      id: created.body.itemId,
      ticketNumber: 'T20250602.0001',
      title: 'Router reboots at night',
      createDate: '2025-06-02T08:00:03.21Z',
      lastActivityDate: '2025-06-02T08:00:03.21Z',
      dueDateTime: '2025-06-05T08:00:03.21Z',
      ticketCategory: 3,
      creatorResourceID: 29682999,
      creatorType: 1,
      completedDate: null,
      userDefinedFields: [
        { name: 'External Reference', value: null },
        { name: 'Customer Impact', value: null },
        { name: 'Billable Hours Estimate', value: null },
      ],
    })
  })

  it('updates with PATCH (id in the body) and replaces with PUT (omitted fields become null)', async () => {
    const contact = contactOf(customer().id)
    const { itemId } = (await caller.call('POST', '/Tickets', { ...minimalTicket(), contactID: contact.id, description: 'Happens at 02:00.' })).body
    now += 60_000
    const patched = await caller.call('PATCH', '/Tickets', {
      id: itemId,
      status: 5,
      userDefinedFields: [{ name: 'External Reference', value: 'INC-42' }],
    })
    expect(patched.body).toEqual({ itemId })
    const afterPatch = (await caller.call('GET', `/Tickets/${itemId}`)).body.item
    expect(afterPatch).toMatchObject({ status: 5, description: 'Happens at 02:00.', contactID: contact.id, completedDate: '2025-06-02T08:01:03.21Z' })
    expect(afterPatch.userDefinedFields).toContainEqual({ name: 'External Reference', value: 'INC-42' })
    // PUT nulls what it leaves out, required fields included: the tenant default does not apply again.
    const incomplete = await caller.call('PUT', '/Tickets', { id: itemId, ...minimalTicket(), status: 8 })
    expect(incomplete.body.errors).toEqual(['Missing Required Field: dueDateTime'])
    const replaced = await caller.call('PUT', '/Tickets', { id: itemId, ...minimalTicket(), status: 8, dueDateTime: '2025-06-09T17:00:00Z' })
    expect(replaced.status).toBe(200)
    const afterPut = (await caller.call('GET', `/Tickets/${itemId}`)).body.item
    expect(afterPut).toMatchObject({ status: 8, description: null, contactID: null, completedDate: null, ticketNumber: afterPatch.ticketNumber })
  })

  it('writes notes under the ticket, lists them, and refuses the root note route', async () => {
    const { itemId: ticketId } = (await caller.call('POST', '/Tickets', minimalTicket())).body
    now += 5_000
    const note = await caller.call('POST', `/Tickets/${ticketId}/Notes`, {
      title: 'Update',
      description: 'Rebooted the router.',
      noteType: 1,
      publish: 1,
    })
    expect(note.status).toBe(200)
    const listed = await caller.call('GET', `/Tickets/${ticketId}/Notes`)
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: note.body.itemId, ticketID: ticketId, createDateTime: '2025-06-02T08:00:08.21Z', creatorResourceID: 29682999 }),
    ])
    expect((await caller.call('GET', `/Tickets/${ticketId}`)).body.item.lastActivityDate).toBe('2025-06-02T08:00:08.21Z')
    const patched = await caller.call('PATCH', `/Tickets/${ticketId}/Notes`, { id: note.body.itemId, description: 'Rebooted twice.' })
    expect(patched.body).toEqual({ itemId: note.body.itemId })
    expect((await caller.call('GET', `/TicketNotes/${note.body.itemId}`)).body.item.description).toBe('Rebooted twice.')
    const root = await caller.call('POST', '/TicketNotes', { ticketID: ticketId, title: 'x', description: 'y', noteType: 1, publish: 1 })
    expect(root.status).toBe(404)
    const queried = await caller.call('POST', '/TicketNotes/query', { filter: [{ op: 'eq', field: 'ticketID', value: ticketId }] })
    expect(queried.body.items).toHaveLength(1)
  })

  it('uploads attachments as base64 and gives the bytes back only from the parent-child GET', async () => {
    const { itemId: ticketId } = (await caller.call('POST', '/Tickets', minimalTicket())).body
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255])
    const uploaded = await caller.call('POST', `/Tickets/${ticketId}/Attachments`, {
      id: 0,
      attachmentType: 'FILE_ATTACHMENT',
      fullPath: 'router.log',
      title: 'Router log',
      publish: 1,
      data: bytes.toString('base64'),
    })
    expect(uploaded.status).toBe(200)
    const attachmentId = uploaded.body.itemId
    const download = await caller.call('GET', `/Tickets/${ticketId}/Attachments/${attachmentId}`)
    expect(download.body.items).toHaveLength(1)
    expect(download.body.items[0]).toMatchObject({
      id: attachmentId,
      ticketID: ticketId,
      parentID: ticketId,
      fileSize: 9,
      contentType: 'text/plain',
      fullPath: 'router.log',
    })
    expect(Buffer.from(download.body.items[0].data, 'base64')).toEqual(bytes)
    const listed = await caller.call('GET', `/Tickets/${ticketId}/Attachments`)
    expect(listed.body.items).toEqual([expect.objectContaining({ id: attachmentId, data: null })])
    const metadata = await caller.call('POST', '/TicketAttachments/query', { filter: [{ op: 'eq', field: 'ticketID', value: ticketId }] })
    expect(metadata.body.items[0]).toMatchObject({ id: attachmentId, data: null })
    const info = await caller.call('POST', '/AttachmentInfo/query', { filter: [{ op: 'eq', field: 'ticketID', value: ticketId }] })
    expect(info.body.items.map((item: { id: number }) => item.id)).toEqual([attachmentId])

    const { itemId: noteId } = (
      await caller.call('POST', `/Tickets/${ticketId}/Notes`, { title: 'Log', description: 'See attached.', noteType: 3, publish: 2 })
    ).body
    const noteAttachment = await caller.call('POST', `/TicketNotes/${noteId}/Attachments`, {
      attachmentType: 'FILE_ATTACHMENT',
      fullPath: 'a.png',
      title: 'Screenshot',
      publish: 1,
      data: 'iVBORw0KGgo=',
    })
    expect(noteAttachment.status).toBe(200)
    const noteDownload = await caller.call('GET', `/TicketNotes/${noteId}/Attachments/${noteAttachment.body.itemId}`)
    expect(noteDownload.body.items[0]).toMatchObject({ ticketNoteID: noteId, ticketID: ticketId, contentType: 'image/png', data: 'iVBORw0KGgo=' })

    expect((await caller.call('DELETE', `/Tickets/${ticketId}/Attachments/${attachmentId}`)).body).toEqual({ itemId: attachmentId })
    expect((await caller.call('GET', `/Tickets/${ticketId}/Attachments/${attachmentId}`)).body).toEqual({ items: [] })
  })

  it('refuses attachments above the size limit and after 10,000,000 bytes in five minutes', async () => {
    const limited = createAutotaskSimulator({ attachmentSizeLimitBytes: 16, attachmentBytesPerFiveMinutes: 40, clock: { now: () => now } })
    const limitedServer = await limited.serve()
    try {
      const limitedCaller = createTestCaller(limitedServer.url, limited.credentials)
      const companyID = limited.state.rows('Companies')[1]!.id
      const { itemId } = (await limitedCaller.call('POST', '/Tickets', { companyID, title: 't', status: 1, priority: 2, queueID: 29682833 })).body
      const upload = (size: number) =>
        limitedCaller.call('POST', `/Tickets/${itemId}/Attachments`, {
          attachmentType: 'FILE_ATTACHMENT',
          fullPath: 'f.bin',
          title: 'f',
          publish: 1,
          data: Buffer.alloc(size, 7).toString('base64'),
        })
      expect((await upload(17)).body.errors[0]).toContain('at most 16 bytes')
      expect((await upload(16)).status).toBe(200)
      expect((await upload(16)).status).toBe(200)
      const suspended = await upload(16)
      expect(suspended.status).toBe(500)
      expect(suspended.body.errors[0]).toContain('suspended')
      now += 5 * 60 * 1000 + 1
      expect((await upload(1)).status).toBe(200)
    } finally {
      await limitedServer.close()
    }
  })

  it('answers validation failures with HTTP 500 and every message in {"errors": [...]}', async () => {
    const missing = await caller.call('POST', '/Tickets', { companyID: customer().id, queueID: 29682833 })
    expect(missing.status).toBe(500)
    expect(missing.body.errors).toEqual(['Missing Required Field: title', 'Missing Required Field: status', 'Missing Required Field: priority'])
    const resourceOnly = await caller.call('POST', '/Tickets', { ...minimalTicket(), queueID: null, assignedResourceID: 29682833 })
    expect(resourceOnly.body.errors).toContain('When assigning a Resource, you must assign both a assignedResourceID and assignedResourceRoleID.')
    const withRole = await caller.call('POST', '/Tickets', {
      ...minimalTicket(),
      queueID: null,
      assignedResourceID: 29682833,
      assignedResourceRoleID: 29683355,
    })
    expect(withRole.status).toBe(200)
    const badReference = await caller.call('POST', '/Tickets', { ...minimalTicket(), companyID: 987654 })
    expect(badReference.body.errors).toEqual(['Value does not reference an existing entity for companyID.'])
    const badPicklist = await caller.call('POST', '/Tickets', { ...minimalTicket(), status: 77 })
    expect(badPicklist.body.errors).toEqual(['Value does not reference an existing entity for status.'])
    const inactive = await caller.call('POST', '/Tickets', { ...minimalTicket(), priority: 5 })
    expect(inactive.body.errors[0]).toContain('inactive')
    const wrongSubIssue = await caller.call('POST', '/Tickets', { ...minimalTicket(), issueType: 1, subIssueType: 301 })
    expect(wrongSubIssue.body.errors[0]).toContain('does not belong to issueType 1')
    const tooLong = await caller.call('POST', '/Tickets', { ...minimalTicket(), title: 'x'.repeat(256) })
    expect(tooLong.body.errors).toEqual(['String value exceeds maximum length (field:title)'])
    const badType = await caller.call('POST', '/Tickets', { ...minimalTicket(), priority: 'high' })
    expect(badType.body.errors).toEqual([`Error converting value "high" to type 'System.Int32'. Path 'priority'.`])
    const badUdf = await caller.call('PATCH', '/Tickets', {
      id: withRole.body.itemId,
      userDefinedFields: [{ name: 'Customer Impact', value: 'Catastrophic' }],
    })
    expect(badUdf.body.errors[0]).toContain("not an option of the user-defined field 'Customer Impact'")
    const contactOfOther = contactOf(simulator.state.rows('Companies').filter((company) => company.id !== 0 && company.isActive === true)[1]!.id)
    const foreignContact = await caller.call('POST', '/Tickets', { ...minimalTicket(), contactID: contactOfOther.id })
    expect(foreignContact.body.errors[0]).toContain('does not belong to the company')
  })

  it('answers a missing id with {"item": null} (or 404 when configured), writes to missing ids with 404', async () => {
    expect(await caller.call('GET', '/Tickets/424242')).toMatchObject({ status: 200, body: { item: null } })
    expect((await caller.call('PATCH', '/Tickets', { id: 424242, status: 5 })).status).toBe(404)
    expect((await caller.call('PATCH', '/Tickets', { status: 5 })).status).toBe(500)
    const strictNotFound = createAutotaskSimulator({ missingItem: 'not-found' })
    const server = await strictNotFound.serve()
    try {
      const answer = await createTestCaller(server.url, strictNotFound.credentials).call('GET', '/Tickets/424242')
      expect(answer.status).toBe(404)
      expect(answer.body.errors).toEqual(['The Ticket with id 424242 does not exist.'])
    } finally {
      await server.close()
    }
  })

  it('writes contacts under their company, refuses boolean isActive, deletes where the spec allows it', async () => {
    const companyId = customer().id
    const badActive = await caller.call('POST', `/Companies/${companyId}/Contacts`, { firstName: 'Ada', lastName: 'Lovelace', isActive: true })
    expect(badActive.body.errors).toEqual([`Error converting value true to type 'System.Int32'. Path 'isActive'.`])
    const created = await caller.call('POST', `/Companies/${companyId}/Contacts`, {
      firstName: 'Ada',
      lastName: 'Lovelace',
      isActive: 1,
      emailAddress: 'ada@example.com',
    })
    expect(created.status).toBe(200)
    expect((await caller.call('GET', `/Contacts/${created.body.itemId}`)).body.item).toMatchObject({
      companyID: companyId,
      emailAddress: 'ada@example.com',
    })
    expect((await caller.call('DELETE', `/Companies/${companyId}/Contacts/${created.body.itemId}`)).body).toEqual({ itemId: created.body.itemId })
    expect((await caller.call('DELETE', `/Tickets/1`)).status).toBe(405)
  })

  it('attributes writes to the impersonated resource and records the impersonator', async () => {
    const created = await caller.call('POST', '/Tickets', minimalTicket(), { ImpersonationResourceId: '29682834' })
    const ticket = (await caller.call('GET', `/Tickets/${created.body.itemId}`)).body.item
    expect(ticket).toMatchObject({ creatorResourceID: 29682834, impersonatorCreatorResourceID: 29682999 })
    const refused = await caller.call('POST', '/Tickets', minimalTicket(), { ImpersonationResourceId: '29682837' })
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0]).toContain('adequate permissions')
  })

  it('creates time entries, and deletes them', async () => {
    const { itemId: ticketId } = (await caller.call('POST', '/Tickets', minimalTicket())).body
    const entry = await caller.call('POST', '/TimeEntries', {
      ticketID: ticketId,
      resourceID: 29682833,
      roleID: 29683355,
      dateWorked: '2025-06-02',
      hoursWorked: 0.5,
      summaryNotes: 'Remote fix.',
    })
    expect(entry.status).toBe(200)
    expect((await caller.call('GET', `/TimeEntries/${entry.body.itemId}`)).body.item).toMatchObject({
      dateWorked: '2025-06-02T00:00:00Z',
      hoursWorked: 0.5,
      timeEntryType: 2,
    })
    expect((await caller.call('DELETE', `/TimeEntries/${entry.body.itemId}`)).status).toBe(200)
  })
})
