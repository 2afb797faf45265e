import { expect } from 'vitest'
import type { ConformanceContext, ConformanceOptions } from '../conformance-harness'
import { conformanceCase, sleep } from './conformance-case'
import { createTestTicket } from './ticket-cases'

/** The listing orders an adapter declares (`capabilities.tickets.orders`): honoured, or refused. */
export function defineTicketOrderCases(context: ConformanceContext, options: ConformanceOptions): void {
  conformanceCase(
    context,
    options,
    'lists recently updated tickets first where it can, and refuses the order where it cannot',
    async ({ adapter, runTag }, skip) => {
      if (!adapter.capabilities.tickets.create || !adapter.capabilities.tickets.update) return skip('tickets.update is not supported')
      const canOrder = adapter.capabilities.tickets.orders?.includes('recently-updated-first') ?? false
      if (!canOrder) {
        expect(() => adapter.tickets.list({ order: 'recently-updated-first' })).toThrow(
          /does not support tickets\.list\(order: recently-updated-first\)/,
        )
        return
      }
      const marker = `${runTag}-order`
      // Bounds the listing to this case's tickets where the text filter runs in the adapter (a busy real server holds thousands).
      const since = new Date(Math.floor(Date.now() / 1000) * 1000 - 1000).toISOString()
      const first = await createTestTicket(adapter, `${marker} one`)
      const second = await createTestTicket(adapter, `${marker} two`)
      // Vendors keep times to the second: the older ticket's change comes clearly later.
      await sleep(1100)
      await adapter.tickets.update(first.id, { subject: `${marker} one, changed` })
      const listed = await adapter.tickets
        .list({ text: marker, updatedSince: since, order: 'recently-updated-first', pageSize: 1 })
        .toArray({ limit: 10 })
      expect(listed.map((ticket) => ticket.id)).toEqual([first.id, second.id])
      const times = listed.map((ticket) => Date.parse(ticket.updatedAt))
      expect(times[0]).toBeGreaterThanOrEqual(times[1]!)
    },
  )
}
