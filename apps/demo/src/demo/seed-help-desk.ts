import type { TicketingAdapter } from '@ticketbridge/core'

const organizations = ['Northwind Traders', 'Contoso Pharmaceuticals', 'Fabrikam Logistics', 'Adventure Works Cycles']
const firstNames = ['Avery', 'Blake', 'Carmen', 'Devi', 'Emeka', 'Freya', 'Goran', 'Hana', 'Ines', 'Jonas', 'Kiri', 'Lars']
const problems = [
  ['Outlook keeps asking for my password', 'Since this morning Outlook prompts for credentials every few minutes.'],
  ['VPN drops every 10 minutes', 'The VPN client disconnects and reconnects, interrupting calls.'],
  ['Printer on floor 2 is jammed', 'The HP printer by the kitchen shows a paper jam error that will not clear.'],
  ['New starter laptop needed', 'Please prepare a laptop for a new starter on Monday.'],
  ['Shared drive is read-only', 'I can open files on the S: drive but cannot save changes.'],
  ['Teams camera not detected', 'The built-in camera is not listed in Teams settings.'],
  ['Reset MFA for mobile change', 'I replaced my phone and need the authenticator re-registered.'],
  ['Slow Wi-Fi in meeting room B', 'Wi-Fi in meeting room B drops below 2 Mbps during calls.'],
] as const
const work = [
  'Remote session: checked the event log',
  'Applied the vendor fix and rebooted',
  'Called the user to confirm the fix',
  'On-site visit to swap the hardware',
]
const replies = [
  'Thanks for reporting this; we are looking into it now.',
  'Could you send a screenshot of the error message?',
  'Screenshot attached, it happens every time.',
  'Applied the fix remotely, please try again.',
  'Confirmed working, thank you!',
]

/** A tiny deterministic generator, so every demo run shows the same help desk. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0 || 1
  return () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) / 0x1_0000_0000
  }
}

/** A small PNG-like binary blob: a real signature followed by varied bytes. */
function sampleBinary(random: () => number, size: number): Uint8Array {
  const bytes = new Uint8Array(size)
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  for (let index = 8; index < size; index += 1) bytes[index] = Math.floor(random() * 256)
  return bytes
}

/** Seeds a help desk through the neutral interface: organizations, people, tickets, comments, files, time worked. */
export async function seedHelpDesk(adapter: TicketingAdapter, ticketCount: number, seed = 7): Promise<void> {
  const random = createRandom(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const { capabilities } = adapter
  // Seeded through the neutral interface only, within what the vendor declares it can do.
  const organizationIds: string[] = []
  if (capabilities.organizations.create) {
    for (const name of organizations) organizationIds.push((await adapter.organizations.create({ name })).record.id)
  }
  const contacts: { id: string; name: string; organization?: string }[] = []
  for (const [index, firstName] of firstNames.entries()) {
    const organization = organizationIds[index % Math.max(1, organizationIds.length)]
    const email = `${firstName.toLowerCase()}@${organizations[index % organizations.length]!.split(' ')[0]!.toLowerCase()}.example`
    // Found first, so seeding a help desk that has them already (a long-lived server) adds none twice.
    const record =
      (await adapter.people.findByEmail(email)) ??
      (
        await adapter.people.create({
          kind: 'contact',
          name: `${firstName} Example`,
          email,
          ...(organization ? { organization: { id: organization } } : {}),
        })
      ).record
    contacts.push({ id: record.id, name: record.name, ...(organization ? { organization } : {}) })
  }
  // Vendors create agents through their admin tools, not their ticket APIs: use one that exists.
  const [existingAgent] = await adapter.people.list({ kind: 'agent' }).toArray({ limit: 1 })
  const agent = existingAgent ?? (await adapter.people.create({ kind: 'agent', name: 'Sam Service', email: 'sam@helpdesk.example' })).record
  const statuses = await adapter.lookups.statuses()
  const priorities = await adapter.lookups.priorities()
  for (let index = 0; index < ticketCount; index += 1) {
    const [subject, text] = pick(problems)
    const requester = pick(contacts)
    const { record: ticket } = await adapter.tickets.create({
      subject: `${subject} (#${index + 1})`,
      description: capabilities.tickets.html ? { text, html: `<p>${text}</p>` } : { text },
      status: { id: pick(statuses).id },
      priority: { id: pick(priorities).id },
      requester: { id: requester.id },
      // A requester's ticket belongs to the requester's organization (some vendors insist).
      ...(requester.organization ? { organization: { id: requester.organization } } : {}),
      assignee: { id: agent.id },
      tags: random() < 0.3 ? ['vip'] : [],
    })
    const commentCount = Math.floor(random() * 4)
    for (let commentIndex = 0; commentIndex < commentCount; commentIndex += 1) {
      const fromAgent = commentIndex % 2 === 0
      const reply = replies[commentIndex % replies.length]!
      // The requester's screenshot is pasted into the reply, as mail clients and editors do.
      const pasted = commentIndex === 2 && capabilities.comments.html ? sampleBinary(random, 256 + Math.floor(random() * 1024)) : undefined
      await adapter.comments.create(ticket.id, {
        body: pasted
          ? {
              text: reply,
              html: `<p>${reply}</p><p><img alt="screenshot" src="data:image/png;base64,${Buffer.from(pasted).toString('base64')}"></p>`,
            }
          : { text: reply },
        visibility: fromAgent && random() < 0.3 ? 'internal' : 'public',
        ...(capabilities.comments.setAuthor ? { author: { id: fromAgent ? agent.id : requester.id } } : {}),
      })
    }
    if (capabilities.attachments.upload && random() < 0.4) {
      await adapter.attachments.upload(ticket.id, {
        filename: `screenshot-${index + 1}.png`,
        contentType: 'image/png',
        data: sampleBinary(random, 512 + Math.floor(random() * 4096)),
      })
    }
    if (capabilities.timeEntries && random() < 0.5) {
      const entries = 1 + Math.floor(random() * 2)
      for (let entryIndex = 0; entryIndex < entries; entryIndex += 1) {
        // Whole minutes on fixed working hours, so every run logs the same time.
        await adapter.timeEntries.create(ticket.id, {
          minutes: pick([15, 20, 30, 45, 60, 90]),
          note: work[(index + entryIndex) % work.length]!,
          // Time is logged as the agent where the vendor allows it; vendors that record the API user say so in a warning.
          person: { id: agent.id },
          startedAt: new Date(Date.UTC(2024, 4, 6 + (index % 20), 9 + entryIndex * 2)).toISOString(),
          billable: random() < 0.7,
        })
      }
    }
  }
}
