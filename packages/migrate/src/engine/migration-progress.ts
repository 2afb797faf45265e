/** What the engine reports while it works, for progress bars and logs. */
export type MigrationProgressEvent =
  | { phase: 'preflight'; message: string }
  | { phase: 'directory'; kind: 'organization' | 'person'; done: number }
  | {
      phase: 'tickets'
      done: number
      total?: number
      failed: number
      sourceId: string
      outcome: 'created' | 'matched' | 'updated' | 'skipped' | 'failed' | 'retry'
    }
  /** A wait before trying again what failed transiently: tickets (a round of retries) or the source listing. */
  | { phase: 'retry'; what: 'tickets' | 'listing'; round: number; rounds: number; count: number; waitMs: number; reason: string }
  | { phase: 'verify'; done: number; total: number }
  | { phase: 'rollback'; done: number; total: number }
