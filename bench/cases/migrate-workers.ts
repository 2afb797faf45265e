import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { findBuiltInConnector } from '@ticketbridge/connectors'
import type { RunningSimulator } from '@ticketbridge/http'
import { openLedger } from '@ticketbridge/migrate'
import type { BenchCase, BenchTable } from '../support/bench-case'
import { seedExactHelpDesk } from '../support/seed-exact-help-desk'
import { median } from '../support/statistics'
import { createThrowawayDatabase, queryRows, type ThrowawayDatabase } from '../support/throwaway-database'
import { environmentWithout, TicketbridgeProcesses } from '../support/ticketbridge-processes'

/**
 * Each Halo tenant's enforced budget: 20 requests in any 1 s, small enough that two jobs writing
 * into one tenant must share it, so the budget, not the machine, sets the pace.
 */
const tenantBudget = { requests: 20, windowMs: 1_000 }
const boundPerSecond = tenantBudget.requests / (tenantBudget.windowMs / 1000)
const tenantCount = 3
const sourceVendors = ['rt', 'autotask'] as const
const workerCounts = [1, 2, 3]
const slotsPerWorker = 2
/**
 * Tickets in each of the 6 source desks. The issue's full size is 500 (TICKETBRIDGE_BENCH_TICKETS=500,
 * about 20 minutes); the default keeps the whole case (3 variants) to about 3–5 minutes on 2 cores.
 */
const ticketsPerDesk = Number(process.env.TICKETBRIDGE_BENCH_TICKETS ?? 100)
if (!Number.isInteger(ticketsPerDesk) || ticketsPerDesk < 1)
  throw new Error(`TICKETBRIDGE_BENCH_TICKETS must be a whole number of tickets, 1 or more (it is ${process.env.TICKETBRIDGE_BENCH_TICKETS}).`)
/** Jobs whose progress rows have not moved for this long are stuck, not slow (each writes its progress every second). */
const stallTimeoutMs = 3 * 60_000
const ledgerWrites = 2_000
const ledgerParallelism = 8
const ledgerRepetitions = 3

type HaloTenant = RunningSimulator<{ rateLimitRefusals: number }>

interface Desk {
  vendor: (typeof sourceVendors)[number]
  simulator: RunningSimulator
  tenant: number
}

interface Fleet {
  tenants: HaloTenant[]
  /** In queue order: round-robin over the tenants, so the first jobs on the queue never share a tenant. */
  desks: Desk[]
  close(): Promise<void>
}

/** The variables that point a child `ticketbridge` at a running simulator. */
function environmentOf(vendor: string, simulator: RunningSimulator): Record<string, string> {
  const connector = findBuiltInConnector(vendor)
  return Object.fromEntries(Object.entries(simulator.settings).map(([key, value]) => [connector.settings[key]!.environment, value]))
}

/** Three Halo tenants enforcing the budget, and for each an RT and an Autotask desk (unlimited), seeded. */
async function startFleet(): Promise<Fleet> {
  const started: RunningSimulator[] = []
  const close = async () => {
    for (const simulator of started.splice(0)) await simulator.close()
  }
  try {
    const tenants: HaloTenant[] = []
    for (let tenant = 0; tenant < tenantCount; tenant += 1) {
      const running = (await findBuiltInConnector('halo').startSimulator({ budget: tenantBudget, record: true })) as HaloTenant
      started.push(running)
      tenants.push(running)
    }
    const desks: Desk[] = []
    for (const vendor of sourceVendors) {
      for (let tenant = 0; tenant < tenantCount; tenant += 1) {
        const simulator = await findBuiltInConnector(vendor).startSimulator({})
        started.push(simulator)
        desks.push({ vendor, simulator, tenant })
      }
    }
    await Promise.all(
      desks.map(async (desk) => {
        const adapter = desk.simulator.connect()
        try {
          await seedExactHelpDesk(adapter, ticketsPerDesk)
        } finally {
          await adapter.close()
        }
      }),
    )
    return { tenants, desks, close }
  } catch (error) {
    await close()
    throw error
  }
}

interface JobRow {
  id: string
  label: string
  state: string
  done: number | null
  total: number | null
  phase: string | null
  queued_at: Date
  updated_at: Date
  finished_at: Date | null
}

const endedStates = new Set(['finished', 'incomplete', 'failed'])

interface VariantResult {
  workers: number
  jobs: number
  seconds: number
  /** Per tenant: requests its simulator answered during the run. */
  tenantRequests: number[]
  refusals: number
  finished: number
  incomplete: number
  failed: number
}

/** Queues the fleet's migrations in its order, each naming a secrets file of its own, as an operator would. */
async function queueJobs(processes: TicketbridgeProcesses, fleet: Fleet, queueUrl: string, folder: string, secretsFolder: string): Promise<void> {
  for (const [index, desk] of fleet.desks.entries()) {
    const environment = { ...environmentOf(desk.vendor, desk.simulator), ...environmentOf('halo', fleet.tenants[desk.tenant]!) }
    const secretsFile = join(secretsFolder, `desk-${index}.env`)
    writeFileSync(
      secretsFile,
      Object.entries(environment)
        .map(([name, value]) => `${name}=${value}`)
        .join('\n'),
    )
    const queued = await processes.run(['migrate', '--from', desk.vendor, '--to', 'halo', '--queue', queueUrl, '--secrets-file', secretsFile], {
      cwd: folder,
      env: environmentWithout(environment),
    })
    if (queued.code !== 0 || !/Queued job /.test(queued.output))
      throw new Error(`Queueing ${desk.vendor} → tenant ${desk.tenant} failed:\n${queued.output}`)
  }
}

/** Runs every clean-up step, even after one fails; then throws the first failure. */
async function cleanUp(steps: (() => Promise<void> | void)[]): Promise<void> {
  const failures: unknown[] = []
  for (const step of steps) {
    try {
      await step()
    } catch (error) {
      failures.push(error)
    }
  }
  if (failures.length > 0) throw failures[0]
}

/**
 * Workers started and ready (their start-up is not a migration's cost), then the six jobs queued
 * in order; measured from the first queued to the last ended, as the job table has them.
 */
async function runVariant(serverUrl: string, workers: number): Promise<VariantResult> {
  const processes = new TicketbridgeProcesses()
  const folder = mkdtempSync(join(tmpdir(), 'ticketbridge-bench-workers-'))
  const secretsFolder = join(folder, 'secrets')
  let database: ThrowawayDatabase | undefined
  let fleet: Fleet | undefined
  try {
    database = await createThrowawayDatabase(serverUrl, 'ticketbridge_bench_workers')
    mkdirSync(secretsFolder)
    fleet = await startFleet()
    const workerArguments = ['worker', '--queue', database.url, '--secrets-dir', secretsFolder, '--concurrency', String(slotsPerWorker)]
    const started = Array.from({ length: workers }, () =>
      processes.start([...workerArguments, '--report-dir', join(folder, 'reports')], { cwd: folder, env: environmentWithout() }),
    )
    await Promise.all(started.map((worker) => worker.waitFor(/running up to/, 60_000)))
    await queueJobs(processes, fleet, database.url, folder, secretsFolder)
    const outputs = () => started.map((worker, index) => `worker ${index + 1}:\n${worker.output()}`).join('\n')
    const jobs = await waitForJobs(database.url, fleet.desks.length, started, outputs)
    const first = Math.min(...jobs.map((job) => job.queued_at.getTime()))
    const last = Math.max(...jobs.map((job) => job.finished_at!.getTime()))
    const count = (state: string) => jobs.filter((job) => job.state === state).length
    return {
      workers,
      jobs: jobs.length,
      seconds: (last - first) / 1000,
      // Answered: the 429s (none, if the workers keep to the budget) are counted apart.
      tenantRequests: fleet.tenants.map((tenant) => tenant.requestCount() - tenant.simulator.rateLimitRefusals),
      refusals: fleet.tenants.reduce((sum, tenant) => sum + tenant.simulator.rateLimitRefusals, 0),
      finished: count('finished'),
      incomplete: count('incomplete'),
      failed: count('failed'),
    }
  } finally {
    // Workers first: the database is dropped only once nothing uses it.
    await cleanUp([() => processes.stopAll(), () => fleet?.close(), () => database?.drop(), () => rmSync(folder, { recursive: true, force: true })])
  }
}

/**
 * Polls the job table until every job has ended. A worker that exits on its own, or jobs whose rows
 * stop moving, end the wait with the workers' output and the table.
 */
async function waitForJobs(url: string, expected: number, workers: { exited: Promise<unknown> }[], outputs: () => string): Promise<JobRow[]> {
  let workerExited = false
  for (const worker of workers) void worker.exited.then(() => (workerExited = true))
  let lastChange = Date.now()
  let lastUpdate = 0
  for (;;) {
    const jobs = await queryRows<JobRow>(url, 'SELECT id, label, state, done, total, phase, queued_at, updated_at, finished_at FROM ticketbridge_job')
    if (jobs.length === expected && jobs.every((job) => endedStates.has(job.state) && job.finished_at)) return jobs
    const update = Math.max(0, ...jobs.map((job) => job.updated_at.getTime()))
    if (update !== lastUpdate) [lastUpdate, lastChange] = [update, Date.now()]
    const stalled = Date.now() - lastChange > stallTimeoutMs
    if (workerExited || stalled) {
      const table = jobs.map((job) => `${job.label}: ${job.state}, ${job.phase ?? '–'} ${job.done ?? '–'}/${job.total ?? '–'}`).join('\n')
      const reason = workerExited ? 'A worker exited before the jobs ended' : `No job moved for ${stallTimeoutMs / 60_000} minutes`
      throw new Error(`${reason}:\n${table}\n${outputs()}`)
    }
    await sleep(250)
  }
}

/** Seconds for `ledgerWrites` puts of new ticket records, `parallelism` awaited at once, into a fresh ledger. */
async function timeLedgerWrites(location: string, parallelism: number): Promise<number> {
  const ledger = await openLedger(location, { name: `bench_${randomBytes(6).toString('hex')}` })
  try {
    const runId = await ledger.startRun({ bench: 'ledger write rate' })
    let next = 0
    const writer = async () => {
      for (let index = next++; index < ledgerWrites; index = next++) {
        await ledger.put({
          kind: 'ticket',
          sourceId: String(index),
          parentSourceId: null,
          targetId: String(100_000 + index),
          state: 'completed',
          sourceUpdatedAt: '2025-01-01T00:00:00.000Z',
          runId,
        })
      }
    }
    const started = performance.now()
    await Promise.all(Array.from({ length: parallelism }, writer))
    const seconds = (performance.now() - started) / 1000
    await ledger.finishRun(runId, 'finished')
    return seconds
  } finally {
    await ledger.close()
  }
}

/** Median seconds per backend and parallelism, over repetitions that alternate the order. */
async function ledgerWriteSeconds(serverUrl: string): Promise<Map<string, number>> {
  const database = await createThrowawayDatabase(serverUrl, 'ticketbridge_bench_ledger')
  const folder = mkdtempSync(join(tmpdir(), 'ticketbridge-bench-ledger-'))
  const samples = new Map<string, number[]>()
  try {
    for (let repetition = 0; repetition < ledgerRepetitions; repetition += 1) {
      for (const parallelism of [1, ledgerParallelism]) {
        const backends = [
          { backend: 'SQLite', location: () => join(folder, `ledger-${repetition}-${parallelism}.sqlite`) },
          { backend: 'PostgreSQL', location: () => database.url },
        ]
        // Alternate which goes first, so neither always runs on a warmer machine.
        if (repetition % 2 === 1) backends.reverse()
        for (const { backend, location } of backends) {
          const key = `${backend}:${parallelism}`
          samples.set(key, [...(samples.get(key) ?? []), await timeLedgerWrites(location(), parallelism)])
        }
      }
    }
  } finally {
    await database.drop()
    rmSync(folder, { recursive: true, force: true })
  }
  return new Map([...samples].map(([key, values]) => [key, median(values)]))
}

const columns = [
  'Run',
  'Workers × slots',
  'Jobs',
  'Tickets / writes',
  'Seconds',
  'Speed-up / ratio',
  'Rate',
  'Tenant req/s, % of bound (min–max)',
  '429s',
  'Finished / incomplete',
]

function variantRow(result: VariantResult, baseline: VariantResult): (string | number)[] {
  const shares = result.tenantRequests.map((requests) => (requests / result.seconds / boundPerSecond) * 100)
  const tickets = result.jobs * ticketsPerDesk
  return [
    `queue: ${result.workers} worker${result.workers === 1 ? '' : 's'}`,
    `${result.workers} × ${slotsPerWorker}`,
    result.jobs,
    tickets,
    result.seconds.toFixed(1),
    `${(baseline.seconds / result.seconds).toFixed(2)}×`,
    `${(tickets / result.seconds).toFixed(1)} tickets/s`,
    `${Math.round(Math.min(...shares))}–${Math.round(Math.max(...shares))}%`,
    result.refusals,
    `${result.finished} / ${result.incomplete}${result.failed > 0 ? ` (${result.failed} failed)` : ''}`,
  ]
}

function ledgerRows(seconds: Map<string, number>): (string | number)[][] {
  const rows: (string | number)[][] = []
  for (const parallelism of [1, ledgerParallelism]) {
    const sqlite = seconds.get(`SQLite:${parallelism}`)!
    for (const backend of ['SQLite', 'PostgreSQL']) {
      const measured = seconds.get(`${backend}:${parallelism}`)!
      rows.push([
        `ledger put: ${backend}`,
        parallelism === 1 ? '1 at a time' : `${parallelism} at once`,
        '–',
        ledgerWrites,
        measured.toFixed(2),
        `${(sqlite / measured).toFixed(2)}×`,
        `${Math.round(ledgerWrites / measured).toLocaleString('en-US')} writes/s`,
        '–',
        '–',
        '–',
      ])
    }
  }
  return rows
}

/**
 * The "Scale out" issue's case: six queued migrations (an RT and an Autotask desk into each of
 * three Halo tenants whose simulators enforce a rolling budget) on 1, 2 and 3 worker processes
 * sharing one PostgreSQL queue and each tenant's budget. Needs DATABASE_URL; without it, one row
 * says how to run it, so `pnpm bench` never fails for lack of PostgreSQL.
 */
export const benchCase: BenchCase = {
  name: 'migrations on workers',
  description: `6 queued migrations (RT and Autotask desks of ${ticketsPerDesk} tickets into 3 Halo tenants, each enforcing ${tenantBudget.requests} requests / ${tenantBudget.windowMs / 1000} s) on 1–3 \`ticketbridge worker\` processes × ${slotsPerWorker}; seconds from the first job queued to the last ended (one run each); tenant load = requests the tenant answered (its few token calls included) / those seconds / its bound. Jobs are queued round-robin over the tenants, so the budgets cap the speed-up near 1.5×: 1 worker's 2 slots keep 2 of 3 tenants busy, 2 workers already all 3. Ledger rows: ${ledgerWrites.toLocaleString('en-US')} ledger.put of new records through openLedger, median of ${ledgerRepetitions}, ratio = SQLite's seconds / this row's.`,
  async run(): Promise<BenchTable> {
    const title = `Migrations on workers (6 jobs × ${ticketsPerDesk} tickets, 3 Halo tenants at ${tenantBudget.requests} requests / ${tenantBudget.windowMs / 1000} s each)`
    const serverUrl = process.env.DATABASE_URL
    if (!serverUrl) {
      const skipped = 'skipped: needs PostgreSQL. Start one with .ci/start-postgres, then DATABASE_URL=postgres://… pnpm bench workers'
      return { title, columns: ['Run'], rows: [[skipped]] }
    }
    const results: VariantResult[] = []
    for (const workers of workerCounts) {
      process.stderr.write(`  ${workers} worker(s)…\n`)
      results.push(await runVariant(serverUrl, workers))
    }
    process.stderr.write('  ledger write rate…\n')
    const ledgerSeconds = await ledgerWriteSeconds(serverUrl)
    return { title, columns, rows: [...results.map((result) => variantRow(result, results[0]!)), ...ledgerRows(ledgerSeconds)] }
  },
}
