import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { inspect } from 'node:util'
import { ConfigurationError } from '@ticketbridge/core'
import pg from 'pg'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { describeLedgerDriver, uniqueLedgerName } from './ledger-driver-conformance'
import { LedgerBusyError } from './ledger-busy-error'
import { ledgerSchemaVersion, PostgresLedgerDriver, writerLockNamespace } from './postgres-ledger-driver'

const databaseUrl = process.env.DATABASE_URL ?? ''
const packageFolder = fileURLToPath(new URL('../..', import.meta.url))
const usedNames = new Set<string>()
const opened: PostgresLedgerDriver[] = []

async function open(name: string, url = databaseUrl): Promise<PostgresLedgerDriver> {
  usedNames.add(name)
  const driver = await PostgresLedgerDriver.open({ url, name })
  opened.push(driver)
  return driver
}

/** The test database's address with one part changed. */
function addressWith(change: (url: URL) => void): string {
  const url = new URL(databaseUrl)
  change(url)
  return url.href
}

async function withAdministrator<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** A plain node process holding the writer lock of `name`, as a migration worker would, until killed. */
async function startLockHolder(name: string): Promise<ChildProcess> {
  const script = `
    import pg from 'pg'
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await client.connect()
    const { rows } = await client.query('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', [Number(process.env.LOCK_NAMESPACE), process.env.LEDGER_NAME])
    console.log(rows[0].locked ? 'locked' : 'busy')
    setInterval(() => {}, 60_000)`
  // The address goes through the environment: a command line is visible to every user in ps.
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    cwd: packageFolder,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOCK_NAMESPACE: String(writerLockNamespace), LEDGER_NAME: name },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const [output] = (await once(child.stdout!, 'data')) as [Buffer]
  expect(output.toString().trim()).toBe('locked')
  return child
}

async function startRunWhenFree(driver: PostgresLedgerDriver, timeoutMilliseconds: number): Promise<number> {
  const deadline = Date.now() + timeoutMilliseconds
  for (;;) {
    try {
      return await driver.startRun({})
    } catch (error) {
      if (!LedgerBusyError.isInstance(error) || Date.now() > deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
}

describe.skipIf(!databaseUrl)('PostgresLedgerDriver (set DATABASE_URL (.ci/start-postgres) to run)', () => {
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((driver) => driver.close()))
  })

  afterAll(async () => {
    const names = [...usedNames]
    await withAdministrator(async (client) => {
      for (const table of ['ticketbridge_record', 'ticketbridge_warning', 'ticketbridge_run', 'ticketbridge_ledger_meta']) {
        await client.query(`DELETE FROM ${table} WHERE ledger = ANY($1)`, [names])
      }
    })
  })

  describeLedgerDriver('PostgreSQL', (name) => open(name))

  it('names the address without its password, and the ledger, and shows no password when inspected', async () => {
    const name = uniqueLedgerName('location')
    const driver = await open(name)
    const password = new URL(databaseUrl).password
    expect(driver.location).toBe(`${addressWith((url) => (url.password = ''))}#${name}`)
    if (password) expect(`${driver.location} ${inspect(driver, { depth: 10, showHidden: true })} ${JSON.stringify(driver)}`).not.toContain(password)
  })

  it('lets one process write a ledger at a time: a second gets LedgerBusyError until the first finishes', async () => {
    const name = uniqueLedgerName('busy')
    const first = await open(name)
    const second = await open(name)
    const other = await open(uniqueLedgerName('busy-other'))
    const firstRun = await first.startRun({})
    const refusal = await second.startRun({}).catch((error: unknown) => error)
    expect(LedgerBusyError.isInstance(refusal)).toBe(true)
    expect(ConfigurationError.isInstance(refusal)).toBe(true)
    expect(refusal).toMatchObject({ name: 'LedgerBusyError', option: 'ledger', ledgerName: name })
    expect((refusal as Error).message).toMatch(new RegExp(`Another process is running .*"${name}".*Wait for it to finish, or stop it`))
    // Another ledger in the same database is not held up.
    await other.finishRun(await other.startRun({}), 'finished')
    await first.finishRun(firstRun, 'finished')
    const secondRun = await second.startRun({})
    expect((await second.runs()).map((run) => [run.id, run.status])).toEqual([
      [firstRun, 'finished'],
      [secondRun, 'running'],
    ])
    // close frees the lock as finishRun does.
    await second.close()
    await first.finishRun(await first.startRun({}), 'finished')
  })

  it('frees the ledger when the process holding it is killed (SIGKILL)', async () => {
    const name = uniqueLedgerName('killed')
    const holder = await startLockHolder(name)
    try {
      const driver = await open(name)
      await expect(driver.startRun({})).rejects.toSatisfy(LedgerBusyError.isInstance)
      holder.kill('SIGKILL')
      await once(holder, 'exit')
      const runId = await startRunWhenFree(driver, 10_000)
      expect((await driver.runs()).map((run) => run.id)).toEqual([runId])
    } finally {
      holder.kill('SIGKILL')
    }
  }, 30_000)

  it('creates the schema once when four workers open a fresh database at the same time', async () => {
    const database = `ticketbridge_schema_${randomBytes(5).toString('hex')}`
    await withAdministrator((client) => client.query(`CREATE DATABASE ${database}`))
    try {
      const url = addressWith((address) => (address.pathname = `/${database}`))
      const drivers = await Promise.all([1, 2, 3, 4].map((worker) => open(`worker-${worker}`, url)))
      await Promise.all(drivers.map((driver, index) => driver.setMeta('worker', String(index))))
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      const { rows } = await client.query<{ version: number }>('SELECT version FROM ticketbridge_schema_version ORDER BY version')
      await client.end()
      expect(rows.map((row) => row.version)).toEqual(Array.from({ length: ledgerSchemaVersion }, (_, index) => index + 1))
      await Promise.all(opened.splice(0).map((driver) => driver.close()))
    } finally {
      await withAdministrator((client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`))
    }
  }, 30_000)

  it('reports a wrong password as a ConfigurationError that does not contain it', async () => {
    const wrong = `wrong-${randomBytes(8).toString('hex')}`
    const error = await PostgresLedgerDriver.open({ url: addressWith((url) => (url.password = wrong)), name: 'never' }).catch(
      (caught: unknown) => caught,
    )
    expect(ConfigurationError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ option: 'ledger' })
    const message = (error as Error).message
    expect(message).toMatch(/Cannot use the PostgreSQL ledger at postgres:\/\/.*password authentication failed.*correct them in the address/)
    const everything = `${message} ${inspect(error)} ${JSON.stringify(error)}`
    expect(everything).not.toContain(wrong)
    const real = new URL(databaseUrl).password
    if (real) expect(everything).not.toContain(real)
  })

  it('reports an unknown database and a closed port as ConfigurationErrors saying what to do', async () => {
    const unknown = await PostgresLedgerDriver.open({ url: addressWith((url) => (url.pathname = '/no_such_ledger_database')), name: 'never' }).catch(
      (caught: unknown) => caught,
    )
    expect(ConfigurationError.isInstance(unknown) && unknown.message).toMatch(/no_such_ledger_database.*No database of that name/)
    const closed = await PostgresLedgerDriver.open({ url: addressWith((url) => (url.port = '1')), name: 'never' }).catch((caught: unknown) => caught)
    expect(ConfigurationError.isInstance(closed) && closed.message).toMatch(/127\.0\.0\.1:1\/.*Nothing answers there/)
  })
})
