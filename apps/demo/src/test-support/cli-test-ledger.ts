import { existsSync } from 'node:fs'
import { basename, join } from 'node:path'
import { describeLedgerLocation, type MigrationLedger, openLedger } from '@ticketbridge/migrate'

/** A CLI test's ledger: the flags that name it, and a way to look inside it between runs. */
export interface CliTestLedger {
  /** `--ledger <file>`, or `--ledger postgres://… --ledger-name <name>`. */
  flags: string[]
  /** The same flags as the CLI prints them in a command to go on with (a PostgreSQL password hidden). */
  printedFlags: string
  /** Whether a run has made it (a SQLite file exists; a PostgreSQL ledger records a run). */
  exists(): Promise<boolean>
  /** Reads it with `read`, through one reader kept open; `empty` while a SQLite file has not been made. */
  read<Result>(read: (ledger: MigrationLedger) => Promise<Result>, empty: Result): Promise<Result>
  close(): Promise<void>
}

/**
 * The ledger a CLI test names `file`: in the test's folder by default, or a ledger in PostgreSQL
 * when `TICKETBRIDGE_TEST_LEDGER=postgres` and `DATABASE_URL` are set (CI runs these tests both ways).
 */
export function cliTestLedger(folder: string, file: string): CliTestLedger {
  const postgres = process.env.TICKETBRIDGE_TEST_LEDGER === 'postgres' ? process.env.DATABASE_URL : undefined
  if (process.env.TICKETBRIDGE_TEST_LEDGER === 'postgres' && !postgres)
    throw new Error('TICKETBRIDGE_TEST_LEDGER=postgres needs DATABASE_URL (.ci/start-postgres).')
  const name = `test-${basename(folder)}-${file}`
  const path = join(folder, file)
  let reader: Promise<MigrationLedger> | undefined
  const open = (): Promise<MigrationLedger> | undefined => {
    if (!postgres && !existsSync(path)) return undefined
    reader ??= postgres ? openLedger(postgres, { name }) : openLedger(path)
    return reader
  }
  return {
    flags: postgres ? ['--ledger', postgres, '--ledger-name', name] : ['--ledger', path],
    printedFlags: postgres ? `--ledger '${describeLedgerLocation(postgres)}' --ledger-name ${name}` : `--ledger ${path}`,
    async exists() {
      if (!postgres) return existsSync(path)
      const ledger = await open()
      return ((await ledger?.runs()) ?? []).length > 0
    },
    async read(read, empty) {
      const ledger = await open()
      return ledger ? read(ledger) : empty
    },
    async close() {
      const closing = reader
      reader = undefined
      await (await closing)?.close()
    },
  }
}
