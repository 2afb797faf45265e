import { performance } from 'node:perf_hooks'
import { AutotaskClient, autotaskFilter } from '@ticketbridge/autotask'
import { createAutotaskSimulator } from '@ticketbridge/autotask/simulator'
import type { BenchCase, BenchRow } from '../support/bench-case'
import { median, percentile } from '../support/statistics'

const ticketCount = 5_000
const rounds = 3
/** Time the simulator takes per answer, so wall time reflects round trips as well as our work. */
const latencyMs = 2
const caseName = `Autotask: list ${ticketCount.toLocaleString('en-US')} tickets with their notes × ${rounds} rounds`

interface Measured {
  requests: number
  milliseconds: number
  notes: number
}

/**
 * Listing an Autotask tenant the way a migration reads it: every ticket, and every note of every
 * ticket. Both variants use the same client (500-row ticket pages paged by id, at most 3 requests
 * in flight per endpoint, as Autotask allows) against the simulator on 127.0.0.1; they differ in
 * how notes are read:
 * - one request per ticket (`ticketID eq …`), what a client without batching does;
 * - `ticketID in [500 ids]` queries, 500 notes per page (AutotaskTicketNotes.forTickets).
 * Requests are what the simulated database counted against its hourly threshold.
 */
export const benchCase: BenchCase = {
  name: 'autotask listing',
  description: `${ticketCount.toLocaleString('en-US')} tickets with 1–4 notes each on the Autotask simulator (127.0.0.1, ${latencyMs} ms per answer, 3 per endpoint at once): one notes request per ticket vs \`ticketID in […]\` batches of 500; requests are those Autotask counts against its 10,000/hour threshold.`,
  async run(): Promise<BenchRow[]> {
    const simulator = createAutotaskSimulator({ seed: ticketCount, latencyMs, hourlyLimit: 10_000_000, usageLatencyScale: 0 })
    // The seed gives some tickets no note; every ticket gets at least one, so each costs the naive variant a real answer.
    const withNotes = new Set(simulator.state.rows('TicketNotes').map((note) => Number(note.ticketID)))
    for (const ticket of simulator.state.rows('Tickets')) {
      if (withNotes.has(ticket.id)) continue
      const at = String(ticket.createDate)
      simulator.state.insert('TicketNotes', {
        ticketID: ticket.id,
        title: 'Update',
        description: 'Checked in with the user.',
        noteType: 3,
        publish: 1,
        createDateTime: at,
        lastActivityDate: at,
      })
    }
    const served = await simulator.serve({ record: false })
    // The naive variant alone spends half of Autotask's 10,000 requests an hour per listing: the
    // simulated database (and so the client's budget) allows more, so that every round fits in one run.
    const client = new AutotaskClient({
      ...simulator.credentials,
      zoneDiscoveryUrl: served.zoneDiscoveryUrl,
      thresholdResyncIntervalMs: 0,
      hourlyRequestLimit: 10_000_000,
    })
    const counted = () => simulator.thresholdInformation().currentTimeframeRequestCount

    async function listTicketIds(): Promise<number[]> {
      const ids: number[] = []
      for await (const ticket of client.tickets.queryAll({ filter: [autotaskFilter.gte('id', 0)], includeFields: ['id', 'title', 'status'] }))
        ids.push(ticket.id)
      return ids
    }

    const variants: { name: string; run: () => Promise<number> }[] = [
      {
        name: 'one notes request per ticket',
        async run() {
          const ids = await listTicketIds()
          let notes = 0
          let next = 0
          // Three workers: the most Autotask lets one integration run on an endpoint.
          const worker = async () => {
            for (let index = next++; index < ids.length; index = next++) {
              const found = await client.ticketNotes.forTicket(ids[index]!).toArray({ limit: 10_000 })
              notes += found.length
            }
          }
          await Promise.all([worker(), worker(), worker()])
          return notes
        },
      },
      {
        name: 'ticketID in […] batches of 500 (AutotaskClient)',
        async run() {
          const ids = await listTicketIds()
          let notes = 0
          for await (const page of client.ticketNotes.forTickets(ids).pages()) notes += page.items.length
          return notes
        },
      },
    ]

    try {
      await client.zone() // discovery is exempt from the threshold; keep it out of the first round
      const results = variants.map(() => [] as Measured[])
      for (let round = 0; round < rounds; round++) {
        // Alternate which variant goes first, so warm-up and drift favour neither.
        const order = round % 2 === 0 ? [0, 1] : [1, 0]
        for (const index of order) {
          const before = counted()
          const started = performance.now()
          const notes = await variants[index]!.run()
          results[index]!.push({ milliseconds: performance.now() - started, requests: counted() - before, notes })
        }
      }
      const expectedNotes = simulator.state.count('TicketNotes')
      for (const [index, measured] of results.entries()) {
        for (const run of measured) {
          if (run.notes !== expectedNotes) throw new Error(`${variants[index]!.name} read ${run.notes} notes; the tenant has ${expectedNotes}.`)
        }
      }
      const baseline = median(results[0]!.map((run) => run.milliseconds))
      return variants.map((variant, index) => {
        const runs = results[index]!
        const times = runs.map((run) => run.milliseconds * 1_000)
        const requests = median(runs.map((run) => run.requests))
        const medianMicroseconds = median(times)
        return {
          case: caseName,
          variant: variant.name,
          requests,
          medianMicroseconds,
          p95Microseconds: percentile(times, 0.95),
          requestsPerSecond: requests / (medianMicroseconds / 1_000_000),
          ratio: medianMicroseconds / (baseline * 1_000),
        }
      })
    } finally {
      await client.close()
      await served.close()
    }
  },
}
