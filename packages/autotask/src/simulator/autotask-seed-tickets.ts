import { formatAutotaskDate } from './autotask-date'
import { day, firstNames, helpDeskRole, lastNames, seedRecord, setUserDefined, technicians } from './autotask-seed-support'
import { createSeededRandom, type SeededRandom } from '@ticketbridge/testkit/servers'
import { apiUserResourceId } from './autotask-simulator-options'
import type { AutotaskRecord, AutotaskSimulatorState } from './autotask-simulator-state'

/** Ticket templates: [title, description, issue type, sub-issue type]. */
const ticketTemplates: [string, string, number, number][] = [
  ['Outlook keeps asking for the password', 'Since this morning Outlook prompts for credentials every few minutes. Webmail works.', 4, 401],
  ['VPN drops every 10 minutes', 'Remote staff lose the VPN tunnel roughly every ten minutes and have to reconnect.', 3, 301],
  ['Printer on the 2nd floor is offline', 'The HP printer near reception shows offline for everyone. Power cycled it already.', 1, 102],
  ['New starter laptop setup', 'Please prepare a laptop and accounts for a new starter on Monday.', 6, 601],
  [
    'Suspicious email with an invoice attachment',
    'Several users received an email with an unexpected invoice attachment. One user opened it.',
    4,
    402,
  ],
  ['Wi-Fi very slow in the meeting rooms', 'Video calls freeze in both meeting rooms; the office Wi-Fi is fine elsewhere.', 3, 302],
  ['Cannot open the accounting application', 'The accounting package fails to start with a licence error after the update.', 2, 202],
  ['Password reset for a locked account', 'User locked out after too many attempts; needs a reset and MFA re-registration.', 6, 603],
  ['Server disk almost full', 'Monitoring reports the file server data volume at 94 % used.', 1, 103],
  ['MFA prompts not arriving', 'Authenticator push notifications stopped arriving on two phones.', 5, 502],
  [
    'Leaver: disable accounts and collect laptop',
    'Employee leaves on Friday: disable accounts, forward mail to the manager, collect hardware.',
    6,
    602,
  ],
  ['Firewall blocks the new payment portal', 'The bank payment portal does not load from the office network; works on mobile data.', 3, 303],
  ['Excel crashes when opening large workbooks', 'Excel closes without an error when opening the monthly report (40 MB).', 2, 201],
  ['Antivirus alert on a workstation', 'Endpoint protection quarantined a file on the reception PC. Please check.', 5, 501],
]

const noteTexts = [
  'Called the user and reproduced the problem.',
  'Remote session: cleared cached credentials and rebuilt the profile.',
  'Waiting for the customer to confirm the fix.',
  'Escalated to Level II for deeper investigation.',
  'Vendor ticket opened; awaiting their answer.',
  'Applied the update and rebooted during lunch break.',
  'Customer confirmed everything works again. Closing.',
  'Checked the logs: the failures started after last night’s change.',
]

const statuses = [1, 1, 8, 8, 8, 7, 12, 5, 5, 5]
const priorities = [2, 2, 2, 3, 1, 4]
const queues = [29682833, 29682833, 29683354, 29683482, 5, 8]
const sources = [2, 4, 4, -1, 12, 3]

function customerContext(state: AutotaskSimulatorState, random: SeededRandom): { company: AutotaskRecord; contact: AutotaskRecord | undefined } {
  const companies = state.rows('Companies').filter((company) => company.id !== 0 && company.isActive === true)
  const company = random.pick(companies)
  const contacts = state.rows('Contacts').filter((contact) => contact.companyID === company.id && contact.isActive === 1)
  return { company, contact: contacts.length > 0 ? random.pick(contacts) : undefined }
}

function ticketNumber(created: number, counters: Map<string, number>): string {
  const dayKey = formatAutotaskDate(created).slice(0, 10).replaceAll('-', '')
  const next = (counters.get(dayKey) ?? 0) + 1
  counters.set(dayKey, next)
  return `T${dayKey}.${String(next).padStart(4, '0')}`
}

function existingTicketCounters(state: AutotaskSimulatorState): Map<string, number> {
  const counters = new Map<string, number>()
  for (const ticket of state.rows('Tickets')) {
    const match = /^T(\d{8})\.(\d+)/.exec(String(ticket.ticketNumber ?? ''))
    if (match) counters.set(match[1]!, Math.max(counters.get(match[1]!) ?? 0, Number(match[2])))
  }
  return counters
}

/**
 * Realistic tickets created over the last 120 days: customers and their contacts, queues,
 * statuses (some complete), priorities, issue and sub-issue types, assignment to a technician
 * with a role they hold, notes (some internal, some from the client portal), attachments on
 * tickets and notes, time entries and UDF values.
 */
export function seedAutotaskTickets(state: AutotaskSimulatorState, options: { count: number; random: SeededRandom; now: number }): void {
  const { random, now, count } = options
  const counters = existingTicketCounters(state)
  const activeTechnicians = technicians.filter((technician) => technician[3])
  const created = Array.from({ length: count }, () => now - random.integer(1, 120 * day)).sort((left, right) => left - right)
  for (const createdAt of created) {
    const [title, description, issueType, subIssueType] = random.pick(ticketTemplates)
    const { company, contact } = customerContext(state, random)
    const status = random.pick(statuses)
    const assigned = status !== 1 || random.chance(0.3) ? random.pick(activeTechnicians) : undefined
    const ticket = seedRecord(state, 'Tickets', {
      ticketNumber: ticketNumber(createdAt, counters),
      title: contact && title.startsWith('New starter') ? `${title}: ${random.pick(firstNames)} ${random.pick(lastNames)}` : title,
      description,
      status,
      priority: random.pick(priorities),
      queueID: random.pick(queues),
      issueType,
      subIssueType,
      source: random.pick(sources),
      ticketType: issueType === 5 ? 2 : 1,
      ticketCategory: 3,
      companyID: company.id,
      contactID: contact?.id ?? null,
      assignedResourceID: assigned?.[0] ?? null,
      assignedResourceRoleID: assigned ? helpDeskRole : null,
      createDate: formatAutotaskDate(createdAt),
      creatorResourceID: random.chance(0.7) ? apiUserResourceId : random.pick(activeTechnicians)[0],
      creatorType: 1,
      dueDateTime: formatAutotaskDate(createdAt + random.integer(1, 5) * day),
      estimatedHours: random.pick([0, 0.5, 1, 2, 3.5]),
      externalID: '',
      lastActivityPersonType: 1,
    })
    if (random.chance(0.25)) setUserDefined(ticket, 'External Reference', `INC-${random.integer(10000, 99999)}`)
    setUserDefined(ticket, 'Customer Impact', random.pick(['Low', 'Medium', 'Medium', 'High']))
    const storedTicket = state.insert('Tickets', ticket)

    let lastActivity = createdAt
    const noteCount = random.integer(0, 4)
    for (let position = 0; position < noteCount; position += 1) {
      lastActivity = Math.min(now, lastActivity + random.integer(10 * 60 * 1000, 2 * day))
      const fromPortal = contact !== undefined && random.chance(0.2)
      const note = state.insert(
        'TicketNotes',
        seedRecord(state, 'TicketNotes', {
          ticketID: storedTicket.id,
          title: fromPortal ? 'Client Portal Note' : random.pick(['Update', 'Investigation', 'Resolution', 'Follow-up']),
          description: fromPortal ? 'Any news on this? It is still happening.' : random.pick(noteTexts),
          noteType: fromPortal ? 18 : random.pick([1, 2, 3, 3]),
          publish: fromPortal ? 1 : random.pick([1, 1, 2]),
          createDateTime: formatAutotaskDate(lastActivity),
          lastActivityDate: formatAutotaskDate(lastActivity),
          creatorResourceID: fromPortal ? null : (assigned?.[0] ?? random.pick(activeTechnicians)[0]),
          createdByContactID: fromPortal ? contact.id : null,
        }),
      )
      if (random.chance(0.1))
        addAttachment(state, 'TicketNoteAttachments', { ticketID: storedTicket.id, ticketNoteID: note.id }, lastActivity, random)
    }
    if (random.chance(0.2)) addAttachment(state, 'TicketAttachments', { ticketID: storedTicket.id }, createdAt + 60_000, random)
    if (assigned && random.chance(0.5)) {
      state.insert(
        'TimeEntries',
        seedRecord(state, 'TimeEntries', {
          ticketID: storedTicket.id,
          resourceID: assigned[0],
          roleID: helpDeskRole,
          dateWorked: formatAutotaskDate(Math.floor(lastActivity / day) * day),
          hoursWorked: random.pick([0.25, 0.5, 1, 1.5]),
          hoursToBill: random.pick([0.25, 0.5, 1]),
          summaryNotes: random.pick(noteTexts),
          timeEntryType: 2,
          isNonBillable: false,
          showOnInvoice: true,
          createDateTime: formatAutotaskDate(lastActivity),
          creatorUserID: assigned[0],
        }),
      )
    }
    const completed = status === 5 ? formatAutotaskDate(lastActivity) : null
    state.update('Tickets', {
      ...storedTicket,
      lastActivityDate: formatAutotaskDate(lastActivity),
      lastTrackedModificationDateTime: formatAutotaskDate(lastActivity),
      lastActivityResourceID: assigned?.[0] ?? apiUserResourceId,
      completedDate: completed,
      completedByResourceID: completed ? (assigned?.[0] ?? null) : null,
      resolvedDateTime: completed,
      resolution: completed ? 'Resolved remotely; customer confirmed.' : null,
    })
  }
}

function addAttachment(
  state: AutotaskSimulatorState,
  entity: 'TicketAttachments' | 'TicketNoteAttachments',
  parent: { ticketID: number; ticketNoteID?: number },
  at: number,
  random: SeededRandom,
): void {
  const fileName = random.pick(['error-log.txt', 'screenshot.png', 'event-viewer.csv'])
  const bytes = fileName.endsWith('.png')
    ? Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, random.integer(0, 255)])
    : Buffer.from(`2024-05-02 08:00:03 ERROR Simulated failure ${random.integer(1000, 9999)}\n`, 'utf8')
  const stored = state.insert(
    entity,
    seedRecord(state, entity, {
      ticketID: parent.ticketID,
      ticketNoteID: parent.ticketNoteID ?? null,
      parentID: parent.ticketNoteID ?? parent.ticketID,
      parentType: entity === 'TicketAttachments' ? 4 : 16,
      title: fileName.replace(/\.\w+$/, ''),
      fullPath: fileName,
      attachmentType: 'FILE_ATTACHMENT',
      contentType: fileName.endsWith('.png') ? 'image/png' : fileName.endsWith('.csv') ? 'text/csv' : 'text/plain',
      fileSize: bytes.length,
      publish: 1,
      attachDate: formatAutotaskDate(at),
      attachedByResourceID: apiUserResourceId,
      creatorType: 1,
      isTaskAttachment: false,
      data: null,
    }),
  )
  state.setAttachmentData(entity, stored.id, bytes.toString('base64'))
}

/**
 * Tickets for paging tests, created directly in the store (no HTTP, no rate limits): subjects
 * `${marker} 1` to `${marker} ${count}`, created one second apart ending now.
 */
export function seedMarkedTickets(state: AutotaskSimulatorState, options: { count: number; marker: string; now: number; randomSeed: number }): void {
  const random = createSeededRandom(options.randomSeed)
  const counters = existingTicketCounters(state)
  for (let index = 1; index <= options.count; index += 1) {
    const createdAt = options.now - (options.count - index) * 1000
    const { company, contact } = customerContext(state, random)
    state.insert(
      'Tickets',
      seedRecord(state, 'Tickets', {
        ticketNumber: ticketNumber(createdAt, counters),
        title: `${options.marker} ${index}`,
        description: `Seeded ticket ${index} of ${options.count}.`,
        status: 1,
        priority: 2,
        queueID: 29682833,
        source: 2,
        ticketType: 1,
        ticketCategory: 3,
        companyID: company.id,
        contactID: contact?.id ?? null,
        createDate: formatAutotaskDate(createdAt),
        creatorResourceID: apiUserResourceId,
        creatorType: 1,
        dueDateTime: formatAutotaskDate(createdAt + 3 * day),
        lastActivityDate: formatAutotaskDate(createdAt),
        lastTrackedModificationDateTime: formatAutotaskDate(createdAt),
        lastActivityPersonType: 1,
        lastActivityResourceID: apiUserResourceId,
        externalID: '',
      }),
    )
  }
}
