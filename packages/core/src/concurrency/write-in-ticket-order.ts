import { runConcurrently } from './run-concurrently'
import type { SettledWrite } from './write-each'

/**
 * Writes children of tickets (comments, time entries) one request each: tickets side by side,
 * `concurrency` at once; one ticket's children in the order given, and none after that ticket's
 * first failure (they would land out of order; they answer the same error, so a retry sends them
 * after it). Answers every child, in the order given.
 */
export async function writeInTicketOrder<Child extends { ticketId: string }, Receipt extends object>(
  children: readonly Child[],
  concurrency: number,
  write: (child: Child) => Promise<Receipt>,
): Promise<SettledWrite<Receipt>[]> {
  const items: SettledWrite<Receipt>[] = new Array(children.length)
  const byTicket = new Map<string, number[]>()
  children.forEach((child, index) => {
    const indexes = byTicket.get(child.ticketId)
    if (indexes) indexes.push(index)
    else byTicket.set(child.ticketId, [index])
  })
  await runConcurrently([...byTicket.values()], concurrency, async (indexes) => {
    let failure: { error: unknown } | undefined
    for (const index of indexes) {
      if (failure) {
        items[index] = { ok: false, error: failure.error }
        continue
      }
      try {
        items[index] = { ok: true, ...(await write(children[index]!)) }
      } catch (error) {
        failure = { error }
        items[index] = { ok: false, error }
      }
    }
  })
  return items
}
