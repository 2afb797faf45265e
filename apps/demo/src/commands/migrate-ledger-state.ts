import { MigrationLedger } from '@ticketbridge/migrate'

/** Reads what a ledger says about earlier runs, for the CLI's safety checks. */
export class MigrationLedgerState {
  private readonly ledger: MigrationLedger

  constructor(path: string) {
    this.ledger = new MigrationLedger(path)
  }

  /** When the last run started, if it never finished (a killed or interrupted run). */
  interruptedRun(): string | undefined {
    const last = this.ledger.runs().at(-1)
    return last && (last.status === 'running' || last.status === 'interrupted' || last.status === 'failed') ? last.startedAt : undefined
  }

  /** How many runs a ledger file records (0 for a ledger no run has used). */
  static runCount(path: string): number {
    const state = new MigrationLedgerState(path)
    try {
      return state.ledger.runs().length
    } finally {
      state.close()
    }
  }

  close(): void {
    this.ledger.close()
  }
}
