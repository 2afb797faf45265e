import type { StatusDefinition, TicketingAdapter } from '@ticketbridge/core'

/** What {@link seedExactHelpDesk} wrote, so a case can check a migration moved all of it. */
export interface SeededHelpDesk {
  tickets: number
  comments: number
  publicComments: number
  files: number
  ticketsWithFiles: number
  /** Tickets left in a resolved or closed status. */
  closedTickets: number
}

/** The shape of ticket `index` (0-based): every count follows from the index alone. */
function ticketPlan(index: number): { comments: number; files: number; closed: boolean } {
  return {
    // 0, 1, 2, 3 comments in turn: 1.5 a ticket.
    comments: index % 4,
    // One ticket in three has a file, one in six a second: 0.5 a ticket.
    files: index % 3 === 0 ? (index % 6 === 0 ? 2 : 1) : 0,
    // One ticket in five is closed.
    closed: index % 5 === 4,
  }
}

/** Sums the plan of `ticketCount` tickets without seeding anything. */
function planHelpDesk(ticketCount: number): SeededHelpDesk {
  const totals: SeededHelpDesk = { tickets: ticketCount, comments: 0, publicComments: 0, files: 0, ticketsWithFiles: 0, closedTickets: 0 }
  for (let index = 0; index < ticketCount; index += 1) {
    const plan = ticketPlan(index)
    totals.comments += plan.comments
    // Replies alternate public (even) and internal (odd).
    totals.publicComments += Math.ceil(plan.comments / 2)
    totals.files += plan.files
    if (plan.files > 0) totals.ticketsWithFiles += 1
    if (plan.closed) totals.closedTickets += 1
  }
  return totals
}

const contactNames = ['Avery', 'Blake', 'Carmen', 'Devi']
const replies = [
  'Thanks for reporting this; we are looking into it now.',
  'Checked the logs: the error started after the update.',
  'Applied the fix remotely, please try again.',
]

function fileSize(ticketIndex: number, fileIndex: number): number {
  return 1_024 + ((ticketIndex * 97 + fileIndex * 389) % 3_072)
}

/** Deterministic bytes with a PNG signature, so the file is the same on every run. */
function fileBytes(ticketIndex: number, fileIndex: number): Uint8Array {
  const bytes = new Uint8Array(fileSize(ticketIndex, fileIndex))
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  for (let offset = 8; offset < bytes.length; offset += 1) bytes[offset] = (offset * 31 + ticketIndex * 7 + fileIndex) & 0xff
  return bytes
}

function pickStatus(statuses: StatusDefinition[], categories: string[]): StatusDefinition {
  for (const category of categories) {
    const found = statuses.find((status) => status.category === category)
    if (found) return found
  }
  throw new Error(`The source has no status in ${categories.join(' or ')}; the bench help desk needs one.`)
}

/**
 * Seeds a help desk whose every count is known in advance, through the neutral interface only:
 * 4 contacts (in 2 organizations where the vendor has them), then `ticketCount` tickets shaped by
 * {@link ticketPlan}: 0–3 replies (public and internal in turn), 0–2 files on the ticket, one in
 * five closed. Unlike the demo's seeder nothing is random, so a migration's counts can be
 * checked exactly and the request counts are the same on every run.
 */
export async function seedExactHelpDesk(adapter: TicketingAdapter, ticketCount: number): Promise<SeededHelpDesk> {
  const { capabilities } = adapter
  const organizationIds: string[] = []
  if (capabilities.organizations.create) {
    for (const name of ['Northwind Traders', 'Fabrikam Logistics']) organizationIds.push((await adapter.organizations.create({ name })).record.id)
  }
  const contacts: { id: string; organization?: string }[] = []
  for (const [index, firstName] of contactNames.entries()) {
    const organization = organizationIds[index % Math.max(1, organizationIds.length)]
    const { record } = await adapter.people.create({
      kind: 'contact',
      name: `${firstName} Example`,
      email: `${firstName.toLowerCase()}@bench.example`,
      ...(organization ? { organization: { id: organization } } : {}),
    })
    contacts.push({ id: record.id, ...(organization ? { organization } : {}) })
  }
  const statuses = await adapter.lookups.statuses()
  const openStatus = pickStatus(statuses, ['open', 'new'])
  const closedStatus = pickStatus(statuses, ['closed', 'resolved'])
  for (let index = 0; index < ticketCount; index += 1) {
    const plan = ticketPlan(index)
    const requester = contacts[index % contacts.length]!
    const text = `Bench ticket ${index + 1}: the VPN drops every few minutes.`
    const { record: ticket } = await adapter.tickets.create({
      subject: `Bench ticket ${index + 1}`,
      description: capabilities.tickets.html ? { text, html: `<p>${text}</p>` } : { text },
      status: { id: openStatus.id },
      priority: { level: 'normal' },
      requester: { id: requester.id },
      ...(requester.organization ? { organization: { id: requester.organization } } : {}),
    })
    for (let reply = 0; reply < plan.comments; reply += 1) {
      await adapter.comments.create(ticket.id, {
        body: { text: `${replies[reply]!} (ticket ${index + 1})` },
        visibility: reply % 2 === 0 ? 'public' : 'internal',
      })
    }
    for (let file = 0; file < plan.files; file += 1) {
      await adapter.attachments.upload(ticket.id, {
        filename: `screenshot-${index + 1}-${file + 1}.png`,
        contentType: 'image/png',
        data: fileBytes(index, file),
      })
    }
    if (plan.closed) await adapter.tickets.update(ticket.id, { status: { id: closedStatus.id } })
  }
  return planHelpDesk(ticketCount)
}
