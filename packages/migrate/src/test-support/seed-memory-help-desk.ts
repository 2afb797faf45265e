import type { TicketingAdapter } from '@ticketbridge/core'

/** Bytes that differ per file and cover every byte value. */
export function fileBytes(seed: number, length: number): Uint8Array {
  return Uint8Array.from({ length }, (_, index) => (index * 31 + seed * 7) % 256)
}

/**
 * A small, varied help desk: organizations, contacts and an agent, tickets in every status
 * category with public and internal comments and binary files.
 */
export async function seedMemoryHelpDesk(adapter: TicketingAdapter, ticketCount: number): Promise<void> {
  const organization = (await adapter.organizations.create({ name: 'Northwind Traders' })).record
  const contact = (
    await adapter.people.create({ kind: 'contact', name: 'Avery Example', email: 'avery@northwind.example', organization: { id: organization.id } })
  ).record
  const agent = (await adapter.people.create({ kind: 'agent', name: 'Sam Service', email: 'sam@helpdesk.example' })).record
  const categories = ['new', 'open', 'pending', 'resolved', 'closed'] as const
  for (let index = 0; index < ticketCount; index += 1) {
    const { record: ticket } = await adapter.tickets.create({
      subject: `Printer ${index + 1} is jammed`,
      description: {
        text: `Ticket number ${index + 1}: the printer shows a jam.`,
        html: `<p>Ticket number ${index + 1}: the printer shows a jam.</p>`,
      },
      status: { category: categories[index % categories.length]! },
      priority: { level: (['low', 'normal', 'high', 'urgent'] as const)[index % 4]! },
      requester: { id: contact.id },
      assignee: { id: agent.id },
      organization: { id: organization.id },
      customFields: index % 3 === 0 ? { severity: 'high' } : {},
    })
    for (let commentIndex = 0; commentIndex < index % 4; commentIndex += 1) {
      await adapter.comments.create(ticket.id, {
        body: { text: `Reply ${commentIndex + 1} on ticket ${index + 1}` },
        visibility: commentIndex % 2 === 0 ? 'public' : 'internal',
        author: { id: commentIndex % 2 === 0 ? contact.id : agent.id },
      })
    }
    if (index % 2 === 0)
      await adapter.attachments.upload(ticket.id, {
        filename: `capture-${index + 1}.bin`,
        contentType: 'application/octet-stream',
        data: fileBytes(index, 300 + index),
      })
  }
}
