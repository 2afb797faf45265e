import { AbortError, defineErrorClass } from '@ticketbridge/core'
import type { MigrationReport } from '../report/migration-report'

/**
 * The caller's signal stopped a run (Ctrl-C, SIGTERM): the ledger marks the run interrupted, and
 * this error carries the report of what the run did until then, for the caller to write before
 * it exits. Running again with `--resume` continues from the ledger.
 */
export class MigrationInterruptedError extends AbortError {
  declare static isInstance: (error: unknown) => error is MigrationInterruptedError
  declare readonly report: MigrationReport

  constructor(report: MigrationReport, cause: unknown) {
    super('The migration was interrupted; what it moved is in the ledger. Run it again with --resume to continue.', { cause })
    // Not enumerable: the error's JSON for logs stays a message, not the whole report.
    Object.defineProperty(this, 'report', { value: report, enumerable: false })
  }
}
defineErrorClass(MigrationInterruptedError, 'MigrationInterruptedError')
