import { type ChildProcess, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout } from 'node:timers/promises'
import type { TicketingAdapter } from '@ticketbridge/core'
import type { RunningSimulator } from '@ticketbridge/http'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findConnector } from '../../connectors/connectors'
import { seedHelpDesk } from '../../demo/seed-help-desk'
import { cli, environmentOf, runCli, waitForExit } from '../../test-support/run-cli'
import { createThrowawayDatabase, type ThrowawayDatabase } from '../../test-support/throwaway-database'

/** Each Halo tenant's enforced budget: small, so two jobs writing into one tenant must share it to stay under. */
const tenantBudget = { requests: 12, windowMs: 1_000 }
const ticketsPerDesk = 10

interface Desk {
  vendor: 'rt' | 'autotask'
  simulator: RunningSimulator
  adapter: TicketingAdapter
  tenant: number
}

/**
 * The scale-out promise, end to end: three worker processes share a PostgreSQL queue; six
 * migrations (an RT and an Autotask help desk into each of three Halo tenants, whose simulators
 * enforce a budget) run on them; one worker is killed with SIGKILL in the middle of its jobs.
 * Every job ends verified; each tenant holds every source ticket exactly once, counted through
 * Halo's own API; and no simulator ever answered 429.
 */
describe.skipIf(!process.env.DATABASE_URL)('ticketbridge worker (set DATABASE_URL, .ci/start-postgres, to run)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ticketbridge-workers-test-'))
  const secretsFolder = join(folder, 'secrets')
  let database: ThrowawayDatabase
  const tenants: RunningSimulator<{ rateLimitRefusals: number }>[] = []
  const tenantAdapters: TicketingAdapter[] = []
  const desks: Desk[] = []
  const workers: ChildProcess[] = []

  beforeAll(async () => {
    database = await createThrowawayDatabase(process.env.DATABASE_URL!, 'ticketbridge_workers')
    mkdirSync(secretsFolder)
    for (let tenant = 0; tenant < 3; tenant += 1) {
      const running = (await findConnector('halo').startSimulator({ budget: tenantBudget })) as RunningSimulator<{ rateLimitRefusals: number }>
      tenants.push(running)
      tenantAdapters.push(findConnector('halo').createAdapter(running.settings))
      for (const vendor of ['rt', 'autotask'] as const) {
        const simulator = await findConnector(vendor).startSimulator({})
        const adapter = findConnector(vendor).createAdapter(simulator.settings)
        await seedHelpDesk(adapter, ticketsPerDesk, 10 * tenant + (vendor === 'rt' ? 1 : 2))
        desks.push({ vendor, simulator, adapter, tenant })
      }
    }
  }, 120_000)

  afterAll(async () => {
    for (const worker of workers) worker.kill('SIGKILL')
    for (const desk of desks) {
      await desk.adapter.close()
      await desk.simulator.close()
    }
    for (const adapter of tenantAdapters) await adapter.close()
    for (const tenant of tenants) await tenant.close()
    await database?.drop()
    rmSync(folder, { recursive: true, force: true })
  })

  it('runs six queued migrations on three workers, one killed with SIGKILL: every job verified, each ticket once, no 429', async () => {
    // Queue the six: each job names its secrets file; only the file's name goes on the queue.
    const jobIds: string[] = []
    for (const [index, desk] of desks.entries()) {
      const environment = { ...environmentOf(desk.vendor, desk.simulator), ...environmentOf('halo', tenants[desk.tenant]!) }
      const secretsFile = join(secretsFolder, `desk-${index}.env`)
      writeFileSync(
        secretsFile,
        Object.entries(environment)
          .map(([name, value]) => `${name}=${value}`)
          .join('\n'),
      )
      const queued = await runCli(['migrate', '--from', desk.vendor, '--to', 'halo', '--queue', database.url, '--secrets-file', secretsFile], {
        cwd: folder,
        env: { ...blankVendorVariables(), ...environment },
      })
      expect(queued.code, queued.output).toBe(0)
      const id = /Queued job ([0-9a-f-]{36})/.exec(queued.output)?.[1]
      expect(id, queued.output).toBeDefined()
      jobIds.push(id!)
      // Not a secret of the desk is on the queue: the job's data is plain to anyone who reads the database.
      const secrets = Object.entries(environment)
        .filter(([name]) => /SECRET|PASSWORD|TOKEN/.test(name))
        .map(([, value]) => value)
      const stored = JSON.stringify(await queryRows(database.url, 'SELECT data FROM pgboss.job WHERE id = $1', [id]))
      for (const secret of secrets) expect(stored).not.toContain(secret)
    }

    const outputs: string[] = []
    for (let index = 0; index < 3; index += 1) {
      const worker = spawn(
        process.execPath,
        [cli, 'worker', '--queue', database.url, '--secrets-dir', secretsFolder, '--concurrency', '2', '--report-dir', join(folder, 'reports')],
        { cwd: folder, env: withoutVendorVariables(process.env), stdio: ['ignore', 'pipe', 'pipe'] },
      )
      outputs[index] = ''
      worker.stdout?.on('data', (chunk) => (outputs[index] += chunk))
      worker.stderr?.on('data', (chunk) => (outputs[index] += chunk))
      workers.push(worker)
    }

    // Kill the worker of a job that has moved some tickets and not all: mid-run.
    let killed: { pid: number; job: string } | undefined
    for (let attempt = 0; attempt < 600 && !killed; attempt += 1) {
      const running = await queryRows(
        database.url,
        "SELECT id, worker FROM ticketbridge_job WHERE state = 'running' AND done >= 2 AND done < total LIMIT 1",
      )
      const row = running[0] as { id: string; worker: string } | undefined
      if (row) {
        const pid = Number(row.worker.split(':').at(-1))
        const worker = workers.find((candidate) => candidate.pid === pid)
        if (worker) {
          worker.kill('SIGKILL')
          await waitForExit(worker)
          killed = { pid, job: row.id }
        }
      }
      if (!killed) await setTimeout(100)
    }
    expect(killed, outputs.join('\n')).toBeDefined()

    // Everything ends: the killed worker's jobs are handed back and resumed by the others.
    let states: { id: string; state: string; attempts: number; worker: string; error: string | null }[] = []
    for (let attempt = 0; attempt < 1_800; attempt += 1) {
      states = (await queryRows(database.url, 'SELECT id, state, attempts, worker, error FROM ticketbridge_job')) as typeof states
      if (states.length === 6 && states.every((job) => ['finished', 'incomplete', 'failed'].includes(job.state))) break
      await setTimeout(100)
    }
    expect(
      states.map((job) => job.state),
      outputs.join('\n'),
    ).toEqual(Array(6).fill('finished'))
    const resumed = states.find((job) => job.id === killed!.job)!
    expect(resumed.attempts).toBeGreaterThanOrEqual(2)
    expect(resumed.worker).not.toBe(`${resumed.worker.split(':')[0]}:${killed!.pid}`)

    // The workers' refusals, before this test's own reads: none, on any tenant.
    expect(tenants.map((tenant) => tenant.simulator.rateLimitRefusals)).toEqual([0, 0, 0])
    // The workers' last requests leave the tenants' windows before this test reads through the same budgets.
    await setTimeout(2 * tenantBudget.windowMs)
    // Counted on each tenant through Halo's API: every ticket of its two desks exactly once.
    for (const [tenant, adapter] of tenantAdapters.entries()) {
      const onTarget = await adapter.tickets.list().toArray({ limit: 1_000 })
      let expected = 0
      for (const desk of desks.filter((candidate) => candidate.tenant === tenant)) {
        const sourceTickets = await desk.adapter.tickets.list().toArray({ limit: 1_000 })
        expected += sourceTickets.length
        for (const ticket of sourceTickets)
          expect(
            onTarget.filter((candidate) => candidate.externalId === `${desk.vendor}:${ticket.id}`),
            `${desk.vendor}:${ticket.id} on tenant ${tenant}`,
          ).toHaveLength(1)
      }
      expect(onTarget).toHaveLength(expected)
    }

    // No worker printed a secret: neither a desk's nor the queue's password.
    const password = decodeURIComponent(new URL(database.url).password)
    for (const output of outputs) {
      if (password) expect(output).not.toContain(password)
      for (const desk of desks)
        for (const [name, value] of Object.entries(environmentOf(desk.vendor, desk.simulator)))
          if (/SECRET|PASSWORD|TOKEN/.test(name)) expect(output).not.toContain(value)
    }

    // `ticketbridge jobs` shows them all finished.
    const listed = await runCli(['jobs', '--queue', database.url], { cwd: folder, env: {} })
    expect(listed.code, listed.output).toBe(0)
    expect(listed.output.match(/finished/g)?.length).toBe(6)
  }, 300_000)
})

async function queryRows(url: string, sql: string, values: unknown[] = []): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(sql, values)).rows
  } finally {
    await client.end()
  }
}

/** Every vendor variable set empty (the CLI reads empty as unset): none of the shell's reaches a child. */
function blankVendorVariables(): Record<string, string> {
  return Object.fromEntries(
    Object.keys(process.env)
      .filter((name) => /^(HALO|AUTOTASK|RT)_/.test(name))
      .map((name) => [name, '']),
  )
}

/** The test's own environment without any vendor variable: a worker's secrets come from its secrets folder only. */
function withoutVendorVariables(environment: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(environment).filter(([name]) => !/^(HALO|AUTOTASK|RT)_/.test(name)))
}
