/** What one read of a ticket brought, held for the other readers that have not taken it yet. */
interface HeldRead<Reader extends string, Value> {
  value: Promise<Value>
  takenBy: Set<Reader>
  readAt: number
}

export interface SharedTicketReadsOptions<Reader extends string, Value, Context> {
  /** Who reads: each takes a ticket's value once; when all have, it is let go. */
  readers: readonly Reader[]
  /** Reads the tickets not held, all in one go; every ticket asked for must be in the answer. */
  load(ticketIds: readonly string[], context: Context): Promise<Map<string, Value>>
  /** How long a value waits for its other readers; after that they read again. Default 30 s. */
  maxAgeMs?: number
  /** Tickets held at most (the oldest let go first), so readers that never come do not fill memory. Default 2,000. */
  capacity?: number
  now?: () => number
}

/** One read per ticket for several kinds of record that come from the same requests. */
export interface SharedTicketReads<Reader extends string, Value> {
  /** The tickets' values for `reader`: taken from a read another reader started, else read now (the rest together). */
  read(ticketIds: readonly string[], reader: Reader, context: unknown): Promise<Map<string, Value>>
}

/**
 * Where a vendor answers several kinds of record with one request (RT's transactions hold
 * comments, files and time worked; Halo's actions hold comments and time entries), the engine
 * still asks for each kind apart, side by side. This lets the first ask read the tickets and the
 * others take that answer, each once: a reader that asks again reads afresh, so nothing stale is
 * served to a caller reading the same kind twice.
 */
export function createSharedTicketReads<Reader extends string, Value, Context>(
  options: SharedTicketReadsOptions<Reader, Value, Context>,
): SharedTicketReads<Reader, Value> {
  const held = new Map<string, HeldRead<Reader, Value>>()
  const maxAgeMs = options.maxAgeMs ?? 30_000
  const capacity = options.capacity ?? 2_000
  const now = options.now ?? Date.now

  function take(ticketId: string, reader: Reader): Promise<Value> | undefined {
    const entry = held.get(ticketId)
    if (!entry || entry.takenBy.has(reader) || now() - entry.readAt > maxAgeMs) return undefined
    entry.takenBy.add(reader)
    if (entry.takenBy.size >= options.readers.length) held.delete(ticketId)
    return entry.value
  }

  return {
    async read(ticketIds, reader, context) {
      const unique = [...new Set(ticketIds)]
      const values = new Map<string, Promise<Value>>()
      const missing: string[] = []
      for (const ticketId of unique) {
        const value = take(ticketId, reader)
        if (value) values.set(ticketId, value)
        else missing.push(ticketId)
      }
      if (missing.length > 0) {
        const loading = options.load(missing, context as Context)
        const readAt = now()
        for (const ticketId of missing) {
          const value = loading.then((answer) => {
            if (!answer.has(ticketId)) throw new Error(`The shared read answered nothing for ticket ${ticketId}.`)
            return answer.get(ticketId) as Value
          })
          // A failed read is not kept: the others read again and see their own outcome.
          value.catch(() => held.get(ticketId)?.value === value && held.delete(ticketId))
          values.set(ticketId, value)
          if (options.readers.length > 1) {
            held.delete(ticketId)
            held.set(ticketId, { value, takenBy: new Set([reader]), readAt })
          }
        }
        while (held.size > capacity) held.delete(held.keys().next().value!)
      }
      const answer = new Map<string, Value>()
      for (const [ticketId, value] of values) answer.set(ticketId, await value)
      return answer
    },
  }
}
