/** What the engine reports while it works, for progress bars and logs. */
export type MigrationProgressEvent =
  | { phase: 'preflight'; message: string }
  | { phase: 'directory'; kind: 'organization' | 'person'; done: number }
  | { phase: 'tickets'; done: number; total?: number; failed: number; sourceId: string; outcome: 'created' | 'updated' | 'skipped' | 'failed' }
  | { phase: 'verify'; done: number; total: number }
  | { phase: 'rollback'; done: number; total: number }
