import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AbortError, type TicketingAdapter, type TicketRelation, UnsupportedOperationError } from '@ticketbridge/core'
import { createMemoryAdapter, type MemoryAdapter } from '@ticketbridge/memory'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { seedMemoryHelpDesk } from '../test-support/seed-memory-help-desk'
import { canonicalRelation, relationKey } from './migrate-relations'
import { createMigration } from './create-migration'
import { openTestLedger, testLedger } from '../test-support/test-ledger'

let folder: string
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'ticketbridge-relations-test-'))
})
afterEach(() => rmSync(folder, { recursive: true, force: true }))

/** Ticket ids of a memory help desk seeded with `seedMemoryHelpDesk`, in creation order. */
const ticketIds = (adapter: MemoryAdapter) => [...adapter.store.tickets.keys()].map(String)

/** Every relation of the target, in source ids and canonical form, read back through the adapter. */
async function targetRelationsInSourceIds(source: TicketingAdapter, target: MemoryAdapter): Promise<string[]> {
  const sourceIdOf = new Map<string, string>()
  for (const ticket of target.store.tickets.values()) sourceIdOf.set(String(ticket.id), ticket.externalId!.replace(`${source.vendor}:`, ''))
  const keys: string[] = []
  for (const targetId of sourceIdOf.keys()) {
    for (const relation of await target.relations.list(targetId)) {
      keys.push(
        relationKey(
          canonicalRelation({
            ticketId: sourceIdOf.get(relation.ticketId)!,
            kind: relation.kind,
            relatedTicketId: sourceIdOf.get(relation.relatedTicketId)!,
          }),
        ),
      )
    }
  }
  return keys.sort()
}

/** Wraps a target so that calls to relations.create are counted (and can be made to fail). */
function watchRelationCreates(
  target: MemoryAdapter,
  behave: (input: { relatedTicketId: string; kind: TicketRelation['kind'] }, call: number) => void = () => undefined,
) {
  const calls: { ticketId: string; relatedTicketId: string; kind: string }[] = []
  const adapter: TicketingAdapter = {
    ...target,
    relations: {
      ...target.relations,
      create: async (ticketId, input, options) => {
        calls.push({ ticketId, ...input })
        behave(input, calls.length)
        const result = await target.relations.create(ticketId, input, options)
        return result
      },
    },
  }
  return { adapter, calls }
}

describe('relations', () => {
  it('moves every kind of relation once, after both tickets moved, and verifies them', async () => {
    const source = createMemoryAdapter({ vendor: 'memory-source' })
    await seedMemoryHelpDesk(source, 6)
    const [a, b, c, d, e] = ticketIds(source) as [string, string, string, string, string]
    // A link both tickets record (as RT shows it): one link in the target, not two.
    await source.relations.create(a, { relatedTicketId: b, kind: 'related' })
    await source.relations.create(b, { relatedTicketId: a, kind: 'related' })
    await source.relations.create(c, { relatedTicketId: a, kind: 'parent' })
    await source.relations.create(a, { relatedTicketId: c, kind: 'child' })
    await source.relations.create(d, { relatedTicketId: a, kind: 'child' })
    await source.relations.create(e, { relatedTicketId: b, kind: 'duplicate-of' })
    const target = createMemoryAdapter({ vendor: 'memory-target' })
    const watched = watchRelationCreates(target)
    const ledgerAt = testLedger(folder, 'ledger.sqlite')
    const migration = createMigration({ source, target: watched.adapter, ...ledgerAt })
    const report = await migration.run()
    const verify = await migration.verify()
    await migration.close()

    const expected = [`${a}/related/${b}`, `${c}/parent/${a}`, `${a}/parent/${d}`, `${e}/duplicate-of/${b}`].sort()
    expect(await targetRelationsInSourceIds(source, target)).toEqual(expected)
    expect(watched.calls).toHaveLength(4)
    expect(report.counts.relations).toMatchObject({ read: 4, created: 4, failed: 0 })
    expect(verify.relations).toEqual({ source: 4, target: 4 })
    expect(verify.passed).toBe(true)

    const again = createMigration({ source, target: watched.adapter, ...ledgerAt })
    const rerun = await again.run()
    await again.close()
    expect(watched.calls).toHaveLength(4)
    expect(rerun.counts.relations.created).toBe(0)
  })

  it('waits with a warning for a partner outside the since window, then links it when it moves', async () => {
    const source = createMemoryAdapter({ vendor: 'memory-source' })
    await seedMemoryHelpDesk(source, 3)
    const [a, b] = ticketIds(source) as [string, string]
    await new Promise((resolve) => setTimeout(resolve, 10))
    const since = new Date().toISOString()
    await new Promise((resolve) => setTimeout(resolve, 10))
    await source.relations.create(a, { relatedTicketId: b, kind: 'parent' })
    await source.tickets.update(a, { subject: 'Printer 1 is jammed (linked)' })
    const target = createMemoryAdapter({ vendor: 'memory-target' })
    const ledgerAt = testLedger(folder, 'ledger.sqlite')

    const delta = createMigration({ source, target, ...ledgerAt, since })
    const deltaReport = await delta.run()
    const deltaVerify = await delta.verify()
    await delta.close()
    expect(deltaReport.counts.tickets.created).toBe(1)
    expect(target.store.relations).toEqual([])
    expect(deltaReport.failures).toEqual([])
    expect(deltaReport.warnings).toContainEqual({
      kind: 'relation',
      sourceId: `${a}/parent/${b}`,
      warning: expect.objectContaining({ message: expect.stringContaining(`Ticket ${b} has not been migrated yet`) }),
    })
    // Nothing to check yet: the partner is not in the target.
    expect(deltaVerify.relations).toEqual({ source: 0, target: 0 })
    expect(deltaVerify.passed).toBe(true)

    const full = createMigration({ source, target, ...ledgerAt })
    const fullReport = await full.run()
    const fullVerify = await full.verify()
    await full.close()
    expect(fullReport.counts.relations.created).toBe(1)
    expect(fullReport.warnings.filter(({ kind }) => kind === 'relation')).toEqual([])
    expect(await targetRelationsInSourceIds(source, target)).toEqual([`${a}/parent/${b}`])
    expect(fullVerify.relations).toEqual({ source: 1, target: 1 })
  })

  it('does not create again a relation whose answer was lost when the process died', async () => {
    const source = createMemoryAdapter({ vendor: 'memory-source' })
    await seedMemoryHelpDesk(source, 4)
    const [a, b, c, d] = ticketIds(source) as [string, string, string, string]
    await source.relations.create(a, { relatedTicketId: b, kind: 'related' })
    await source.relations.create(c, { relatedTicketId: d, kind: 'parent' })
    const target = createMemoryAdapter({ vendor: 'memory-target' })
    const ledgerAt = testLedger(folder, 'ledger.sqlite')
    // The first relation reaches the target, then the run is killed before the ledger hears of it.
    let crashed = false
    const crashing: TicketingAdapter = {
      ...target,
      relations: {
        ...target.relations,
        create: async (ticketId, input, options) => {
          const result = await target.relations.create(ticketId, input, options)
          if (!crashed) {
            crashed = true
            throw new AbortError('simulated crash after a relation was stored')
          }
          return result
        },
      },
    }
    const first = createMigration({ source, target: crashing, ...ledgerAt, concurrency: 1 })
    await expect(first.run()).rejects.toThrow('simulated crash')
    await first.close()
    const inspect = await openTestLedger(ledgerAt)
    expect(await inspect.inState('relation', 'pending')).toHaveLength(2)
    await inspect.close()
    expect(target.store.relations).toHaveLength(1)

    const watched = watchRelationCreates(target)
    const resumed = createMigration({ source, target: watched.adapter, ...ledgerAt })
    const report = await resumed.run()
    const verify = await resumed.verify()
    await resumed.close()
    // Only the relation that never reached the target is sent.
    expect(watched.calls).toHaveLength(1)
    expect(report.counts.relations).toMatchObject({ created: 1, matched: 1, skipped: 0 })
    expect(target.store.relations).toHaveLength(2)
    expect(verify.passed).toBe(true)
  })

  it('records a refused relation as a failure, and retries it with retryFailed', async () => {
    const source = createMemoryAdapter({ vendor: 'memory-source' })
    await seedMemoryHelpDesk(source, 2)
    const [a, b] = ticketIds(source) as [string, string]
    await source.relations.create(a, { relatedTicketId: b, kind: 'related' })
    const target = createMemoryAdapter({ vendor: 'memory-target' })
    const ledgerAt = testLedger(folder, 'ledger.sqlite')
    const refusing = watchRelationCreates(target, () => target.faults.inject({ kind: 'status', status: 422 }))
    const first = createMigration({ source, target: refusing.adapter, ...ledgerAt })
    const report = await first.run()
    const verify = await first.verify()
    await first.close()
    expect(report.counts.relations.failed).toBe(1)
    expect(report.failures).toEqual([expect.objectContaining({ kind: 'relation', sourceId: `${a}/related/${b}` })])
    expect(verify.passed).toBe(false)
    expect(verify.differences).toEqual([expect.objectContaining({ field: 'relation', source: 'present', target: 'missing' })])

    const retry = createMigration({ source, target, ...ledgerAt, retryFailed: true })
    const retried = await retry.run()
    expect((await retry.verify()).passed).toBe(true)
    await retry.close()
    expect(retried.counts.relations.created).toBe(1)
    expect(retried.failures).toEqual([])
  })

  it('links a duplicate as related, with a warning, where the target has no duplicates', async () => {
    const source = createMemoryAdapter({ vendor: 'memory-source' })
    await seedMemoryHelpDesk(source, 2)
    const [a, b] = ticketIds(source) as [string, string]
    await source.relations.create(b, { relatedTicketId: a, kind: 'duplicate-of' })
    const target = createMemoryAdapter({ vendor: 'memory-target' })
    // As RT answers: it has no duplicate link.
    const withoutDuplicates = watchRelationCreates(target, (input) => {
      if (input.kind === 'duplicate-of') throw new UnsupportedOperationError('relations.create(kind: duplicate-of)', { vendor: 'memory-target' })
    })
    const migration = createMigration({ source, target: withoutDuplicates.adapter, ...testLedger(folder, 'ledger.sqlite') })
    const report = await migration.run()
    const verify = await migration.verify()
    await migration.close()
    expect(await targetRelationsInSourceIds(source, target)).toEqual([`${a}/related/${b}`])
    expect(report.warnings).toContainEqual({
      kind: 'relation',
      sourceId: `${b}/duplicate-of/${a}`,
      warning: expect.objectContaining({ type: 'converted', field: 'kind' }),
    })
    expect(verify.passed).toBe(true)
  })

  it('lists one degradation, and reads no relations, when the target keeps none', async () => {
    const memory = createMemoryAdapter({ vendor: 'memory-source' })
    await seedMemoryHelpDesk(memory, 3)
    const [a, b] = ticketIds(memory) as [string, string]
    await memory.relations.create(a, { relatedTicketId: b, kind: 'related' })
    let listed = 0
    const source: TicketingAdapter = {
      ...memory,
      relations: {
        ...memory.relations,
        list: (ticketId, options) => {
          listed += 1
          return memory.relations.list(ticketId, options)
        },
      },
    }
    const target = createMemoryAdapter({ vendor: 'memory-target', capabilities: { relations: false } })
    const migration = createMigration({ source, target, ...testLedger(folder, 'ledger.sqlite') })
    const report = await migration.run()
    const verify = await migration.verify()
    await migration.close()
    expect(report.preflight?.degradations.filter((line) => /relations/.test(line))).toEqual([
      'memory-target keeps no ticket relations: parent, child and related links in memory-source are not moved.',
    ])
    expect(listed).toBe(0)
    expect(report.counts.relations.read).toBe(0)
    expect(verify.passed).toBe(true)
  })
})

describe('canonicalRelation', () => {
  it('names a link the same way from either of its tickets', () => {
    expect(canonicalRelation({ ticketId: '7', kind: 'related', relatedTicketId: '12' })).toEqual(
      canonicalRelation({ ticketId: '12', kind: 'related', relatedTicketId: '7' }),
    )
    expect(canonicalRelation({ ticketId: '7', kind: 'parent', relatedTicketId: '12' })).toEqual(
      canonicalRelation({ ticketId: '12', kind: 'child', relatedTicketId: '7' }),
    )
    // Numeric ids compare as numbers: 9 comes before 10.
    expect(relationKey(canonicalRelation({ ticketId: '10', kind: 'related', relatedTicketId: '9' }))).toBe('9/related/10')
    expect(relationKey(canonicalRelation({ ticketId: '5', kind: 'duplicate-of', relatedTicketId: '3' }))).toBe('5/duplicate-of/3')
  })
})
