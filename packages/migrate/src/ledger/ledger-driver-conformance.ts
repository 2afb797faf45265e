import { randomBytes } from 'node:crypto'
import type { AdapterWarning } from '@ticketbridge/core'
import { afterEach, describe, expect, it } from 'vitest'
import type { LedgerDriver } from './ledger-driver'
import type { LedgerKind, LedgerRecord, LedgerWarning, LedgerWrite } from './ledger-record'

/** Opens a ledger by name in the store under test; a name not used before gives an empty ledger. */
type OpenLedger = (ledgerName?: string) => Promise<LedgerDriver>

/** A name no other test uses, so suites can share one store (a PostgreSQL database) without colliding. */
export function uniqueLedgerName(prefix = 'conformance'): string {
  return `${prefix}-${randomBytes(6).toString('hex')}`
}

function ticket(sourceId: string, overrides: Partial<LedgerWrite> = {}): LedgerWrite {
  return { kind: 'ticket', sourceId, parentSourceId: null, targetId: null, state: 'pending', sourceUpdatedAt: null, runId: null, ...overrides }
}

function comment(sourceId: string, ticketId: string, overrides: Partial<LedgerWrite> = {}): LedgerWrite {
  return { ...ticket(sourceId, overrides), kind: 'comment', parentSourceId: ticketId }
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const collected: T[] = []
  for await (const item of items) collected.push(item)
  return collected
}

const ids = (records: readonly LedgerRecord[]) => records.map((record) => record.sourceId)

/**
 * The behaviour every {@link LedgerDriver} must share, run by each driver's own test file (as
 * unjs/unstorage runs one suite on every storage driver). `open` must give an empty ledger for a
 * new name and the same ledger again for a name already opened; the suite closes what it opens.
 */
export function describeLedgerDriver(name: string, open: (ledgerName: string) => Promise<LedgerDriver>): void {
  describe(`LedgerDriver conformance: ${name}`, () => {
    const opened: LedgerDriver[] = []
    const openLedger: OpenLedger = async (ledgerName = uniqueLedgerName()) => {
      const driver = await open(ledgerName)
      opened.push(driver)
      return driver
    }
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((driver) => driver.close()))
    })

    describeRecords(openLedger)
    describeLists(openLedger)
    describeWarningsAndMeta(openLedger)
    describeRuns(openLedger)
  })
}

function describeRecords(openLedger: OpenLedger): void {
  it('returns what was put, and nothing for a record never put', async () => {
    const ledger = await openLedger()
    const record: LedgerRecord = {
      kind: 'attachment',
      sourceId: 'a-1',
      parentSourceId: 't-1',
      targetId: 'target-9',
      state: 'created',
      sourceUpdatedAt: '2024-03-01T10:00:00.000Z',
      attempts: 3,
      error: 'timed out once',
      runId: 7,
      createdByMigration: true,
      fingerprint: 'sha256:abc',
    }
    await ledger.put(record)
    expect(await ledger.get('attachment', 'a-1')).toEqual(record)
    expect(await ledger.get('ticket', 'a-1')).toBeUndefined()
    expect(await ledger.get('attachment', 'a-2')).toBeUndefined()
  })

  it('gives a new record 0 attempts, no error, not created by the migration and no fingerprint', async () => {
    const ledger = await openLedger()
    await ledger.put(ticket('t-1'))
    expect(await ledger.get('ticket', 't-1')).toEqual({ ...ticket('t-1'), attempts: 0, error: null, createdByMigration: false, fingerprint: null })
  })

  it('keeps attempts, createdByMigration and fingerprint left out, clears an error left out, overwrites the rest', async () => {
    const ledger = await openLedger()
    await ledger.put(ticket('t-1', { attempts: 2, createdByMigration: true, fingerprint: 'f-1', error: 'refused' }))
    await ledger.put(ticket('t-1', { state: 'created', targetId: 'x-1', runId: 4, sourceUpdatedAt: '2024-01-01T00:00:00.000Z' }))
    expect(await ledger.get('ticket', 't-1')).toEqual({
      ...ticket('t-1', { state: 'created', targetId: 'x-1', runId: 4, sourceUpdatedAt: '2024-01-01T00:00:00.000Z' }),
      attempts: 2,
      createdByMigration: true,
      fingerprint: 'f-1',
      error: null,
    })
  })

  it('overwrites the kept fields when given, a null fingerprint included', async () => {
    const ledger = await openLedger()
    await ledger.put(ticket('t-1', { attempts: 2, createdByMigration: true, fingerprint: 'f-1' }))
    await ledger.put(ticket('t-1', { fingerprint: 'f-2' }))
    expect((await ledger.get('ticket', 't-1'))?.fingerprint).toBe('f-2')
    await ledger.put(ticket('t-1', { attempts: 0, createdByMigration: false, fingerprint: null, error: 'gone' }))
    expect(await ledger.get('ticket', 't-1')).toMatchObject({ attempts: 0, createdByMigration: false, fingerprint: null, error: 'gone' })
    await ledger.put(ticket('t-1', { attempts: 5 }))
    expect(await ledger.get('ticket', 't-1')).toMatchObject({ attempts: 5, createdByMigration: false, fingerprint: null, error: null })
  })

  it('keeps records of different kinds with one source id apart', async () => {
    const ledger = await openLedger()
    await ledger.put(ticket('1', { targetId: 'ticket-target' }))
    await ledger.put(comment('1', '1', { targetId: 'comment-target' }))
    expect((await ledger.get('ticket', '1'))?.targetId).toBe('ticket-target')
    expect((await ledger.get('comment', '1'))?.targetId).toBe('comment-target')
  })

  it('keeps two ledgers of one store apart', async () => {
    const first = await openLedger()
    const second = await openLedger()
    await first.put(ticket('t-1', { state: 'completed', targetId: 'first' }))
    await second.put(ticket('t-1', { state: 'failed' }))
    await second.put(ticket('t-2'))
    await first.setMeta('source', 'halo')
    await first.setWarnings(1, 'ticket', 't-1', [{ type: 'other', message: 'first only' }])
    const firstRun = await first.startRun({ ledger: 'first' })
    await second.startRun({ ledger: 'second' })
    expect((await first.get('ticket', 't-1'))?.targetId).toBe('first')
    expect((await second.get('ticket', 't-1'))?.state).toBe('failed')
    expect(await first.counts()).toEqual({ ticket: { completed: 1 } })
    expect(await second.counts()).toEqual({ ticket: { failed: 1, pending: 1 } })
    expect(ids(await collect(second.allOfKind('ticket')))).toEqual(['t-1', 't-2'])
    expect(await second.getMeta('source')).toBeUndefined()
    expect(await collect(second.warnings())).toEqual([])
    // The second ledger's run does not interrupt the first's.
    expect((await first.runs()).map((run) => [run.id, run.status])).toEqual([[firstRun, 'running']])
    expect((await second.runs()).map((run) => run.options)).toEqual([{ ledger: 'second' }])
  })
}

function describeLists(openLedger: OpenLedger): void {
  it('lists children in the order first written, even after updates', async () => {
    const ledger = await openLedger()
    for (const sourceId of ['c-3', 'c-1', 'c-2']) await ledger.put(comment(sourceId, 't-1'))
    await ledger.put(comment('c-9', 't-2'))
    await ledger.put({ ...comment('c-3', 't-1'), kind: 'attachment' })
    await ledger.put(comment('c-3', 't-1', { state: 'completed', targetId: 'x-3' }))
    expect(ids(await ledger.children('comment', 't-1'))).toEqual(['c-3', 'c-1', 'c-2'])
    expect(ids(await ledger.children('attachment', 't-1'))).toEqual(['c-3'])
    expect(await ledger.children('comment', 't-3')).toEqual([])
  })

  it('lists records in a state in the order first written, even after they left it and came back', async () => {
    const ledger = await openLedger()
    for (const sourceId of ['t-b', 't-a', 't-c']) await ledger.put(ticket(sourceId))
    await ledger.put(ticket('t-a', { state: 'failed', error: 'refused' }))
    expect(ids(await ledger.inState('ticket', 'pending'))).toEqual(['t-b', 't-c'])
    expect(ids(await ledger.inState('ticket', 'failed'))).toEqual(['t-a'])
    await ledger.put(ticket('t-a'))
    expect(ids(await ledger.inState('ticket', 'pending'))).toEqual(['t-b', 't-a', 't-c'])
    expect(await ledger.inState('comment', 'pending')).toEqual([])
  })

  it('iterates every record of a kind in the order first written', async () => {
    const ledger = await openLedger()
    for (const sourceId of ['t-2', 't-10', 't-1']) await ledger.put(ticket(sourceId))
    await ledger.put(comment('c-1', 't-1'))
    await ledger.put(ticket('t-2', { state: 'completed' }))
    expect(ids(await collect(ledger.allOfKind('ticket')))).toEqual(['t-2', 't-10', 't-1'])
    expect(ids(await collect(ledger.allOfKind('person')))).toEqual([])
  })

  it('iterates past one page (1,200 records) without losing or repeating any', async () => {
    const ledger = await openLedger()
    const written = Array.from({ length: 1200 }, (_, index) => `t-${(index * 7919) % 1200}`)
    for (const sourceId of written) await ledger.put(ticket(sourceId))
    for (const sourceId of written.filter((_, index) => index % 97 === 0)) await ledger.put(ticket(sourceId, { state: 'created' }))
    await ledger.put(comment('c-1', 't-1'))
    const seen: string[] = []
    for await (const record of ledger.allOfKind('ticket')) seen.push(record.sourceId)
    expect(seen).toEqual(written)
  }, 60_000)

  it('counts records per kind and state', async () => {
    const ledger = await openLedger()
    expect(await ledger.counts()).toEqual({})
    await ledger.put(ticket('t-1'))
    await ledger.put(ticket('t-2', { state: 'completed' }))
    await ledger.put(ticket('t-3', { state: 'completed' }))
    await ledger.put(comment('c-1', 't-1', { state: 'failed' }))
    await ledger.put(ticket('t-1', { state: 'completed' }))
    const person: LedgerKind = 'person'
    await ledger.put({ ...ticket('p-1', { state: 'skipped' }), kind: person })
    expect(await ledger.counts()).toEqual({ ticket: { completed: 3 }, comment: { failed: 1 }, person: { skipped: 1 } })
  })
}

function describeWarningsAndMeta(openLedger: OpenLedger): void {
  const converted: AdapterWarning = { type: 'converted', field: 'comment.body', message: 'HTML kept as text' }
  const unsupported: AdapterWarning = { type: 'unsupported', message: 'no place for the due date' }

  it('lists warnings in the order written, with field only when one was given', async () => {
    const ledger = await openLedger()
    await ledger.setWarnings(1, 'ticket', 't-1', [converted, unsupported])
    await ledger.setWarnings(1, 'comment', 'c-1', [unsupported])
    const warnings = await collect(ledger.warnings())
    expect(warnings).toEqual<LedgerWarning[]>([
      { kind: 'ticket', sourceId: 't-1', warning: converted },
      { kind: 'ticket', sourceId: 't-1', warning: unsupported },
      { kind: 'comment', sourceId: 'c-1', warning: unsupported },
    ])
    expect(Object.keys(warnings[1]!.warning)).not.toContain('field')
  })

  it('replaces the warnings of a record with those of its latest write, and clears them with none', async () => {
    const ledger = await openLedger()
    await ledger.setWarnings(1, 'ticket', 't-1', [converted, unsupported])
    await ledger.setWarnings(1, 'ticket', 't-2', [converted])
    await ledger.setWarnings(2, 'ticket', 't-1', [unsupported])
    expect(await collect(ledger.warnings())).toEqual([
      { kind: 'ticket', sourceId: 't-2', warning: converted },
      { kind: 'ticket', sourceId: 't-1', warning: unsupported },
    ])
    await ledger.setWarnings(3, 'ticket', 't-2', [])
    expect(await collect(ledger.warnings())).toEqual([{ kind: 'ticket', sourceId: 't-1', warning: unsupported }])
  })

  it('iterates past one page of warnings in order', async () => {
    const ledger = await openLedger()
    const many = Array.from({ length: 1100 }, (_, index): AdapterWarning => ({ type: 'other', message: `warning ${index}` }))
    await ledger.setWarnings(1, 'ticket', 't-1', many)
    expect((await collect(ledger.warnings())).map((entry) => entry.warning)).toEqual(many)
  })

  it('gets, sets and overwrites meta values', async () => {
    const ledger = await openLedger()
    expect(await ledger.getMeta('source')).toBeUndefined()
    await ledger.setMeta('source', 'halo')
    await ledger.setMeta('target', 'rt')
    expect(await ledger.getMeta('source')).toBe('halo')
    await ledger.setMeta('source', 'autotask')
    expect(await ledger.getMeta('source')).toBe('autotask')
    expect(await ledger.getMeta('target')).toBe('rt')
  })
}

function describeRuns(openLedger: OpenLedger): void {
  it('starts a run as running with its options, and lists runs in the order started', async () => {
    const ledger = await openLedger()
    expect(await ledger.runs()).toEqual([])
    const before = Date.now()
    const runId = await ledger.startRun({ batchSize: 50, filters: { status: ['open'] }, dryRun: false })
    const [run] = await ledger.runs()
    expect(run).toEqual({
      id: runId,
      startedAt: expect.any(String),
      finishedAt: null,
      status: 'running',
      options: { batchSize: 50, filters: { status: ['open'] }, dryRun: false },
      summary: null,
    })
    expect(typeof runId).toBe('number')
    // Within a second of this clock: the store's own clock may be a little off.
    expect(Date.parse(run!.startedAt)).toBeGreaterThan(before - 1000)
    expect(run!.startedAt).toBe(new Date(run!.startedAt).toISOString())
  })

  it('finishes a run with its status and time', async () => {
    const ledger = await openLedger()
    const first = await ledger.startRun({})
    await ledger.finishRun(first, 'failed')
    const second = await ledger.startRun({})
    await ledger.finishRun(second, 'finished', { tickets: { read: 3, created: 2, failed: 1 } })
    const runs = await ledger.runs()
    expect(runs.map((run) => [run.id, run.status, run.summary])).toEqual([
      [first, 'failed', null],
      [second, 'finished', { tickets: { read: 3, created: 2, failed: 1 } }],
    ])
    expect(second).toBeGreaterThan(first)
    for (const run of runs) expect(Date.parse(run.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(run.startedAt))
  })

  it('marks runs left running interrupted when a new one starts, and leaves finished ones alone', async () => {
    const ledger = await openLedger()
    const finished = await ledger.startRun({ attempt: 1 })
    await ledger.finishRun(finished, 'finished')
    const killed = await ledger.startRun({ attempt: 2 })
    const current = await ledger.startRun({ attempt: 3 })
    expect((await ledger.runs()).map((run) => [run.id, run.status])).toEqual([
      [finished, 'finished'],
      [killed, 'interrupted'],
      [current, 'running'],
    ])
    await ledger.finishRun(current, 'interrupted')
    expect((await ledger.runs()).at(-1)?.status).toBe('interrupted')
  })
}
