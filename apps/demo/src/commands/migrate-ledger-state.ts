import { type MigrationLedger, openLedger } from '@ticketbridge/migrate'
import { type LedgerLocation, ledgerMayExist } from './ledger-location'

/** Reads what a ledger says about earlier runs, for the CLI's safety checks. */
export class MigrationLedgerState {
  private constructor(private readonly ledger: MigrationLedger) {}

  /** The ledger's state, or undefined where there is no ledger yet (a SQLite file not made). */
  static async open(location: LedgerLocation): Promise<MigrationLedgerState | undefined> {
    if (!ledgerMayExist(location)) return undefined
    return new MigrationLedgerState(await openLedger(location.ledger, { name: location.ledgerName }))
  }

  /** When the last run started, if it never finished (a killed or interrupted run). */
  async interruptedRun(): Promise<string | undefined> {
    const last = (await this.ledger.runs()).at(-1)
    return last && (last.status === 'running' || last.status === 'interrupted' || last.status === 'failed') ? last.startedAt : undefined
  }

  /** How many runs the ledger records (0 for a ledger no run has used, or none at all). */
  static async runCount(location: LedgerLocation): Promise<number> {
    const state = await MigrationLedgerState.open(location)
    if (!state) return 0
    try {
      return (await state.ledger.runs()).length
    } finally {
      await state.close()
    }
  }

  close(): Promise<void> {
    return this.ledger.close()
  }
}
