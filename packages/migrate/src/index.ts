/**
 * @ticketbridge/migrate: moves a help desk between any two TicketingAdapters with nothing lost
 * or duplicated. Preflight before writing, an id map and ledger (SQLite, or PostgreSQL for many
 * migrations and workers) so a killed run
 * resumes and a re-run duplicates nothing, verification against the target, and reports.
 */
export { createMigration, type Migration, type MigrationOptions } from './engine/create-migration'
export { MigrationInterruptedError } from './engine/migration-interrupted-error'
export type { MigrationProgressEvent } from './engine/migration-progress'
export type { PreflightReport } from './engine/preflight'
export type { EntityCounts, CountedEntity } from './engine/migration-context'
export { externalIdStamp } from './engine/migration-context'
export { MigrationLedger, type LedgerKind, type LedgerRecord, type LedgerState, type LedgerCounts, type RunRecord } from './ledger/migration-ledger'
export type { LedgerDriver } from './ledger/ledger-driver'
export { describeLedgerLocation, isPostgresLocation, openLedger } from './ledger/open-ledger'
export { describePostgresAddress, postgresConnectionError, registerPostgresPasswords } from './ledger/postgres-address'
export { LedgerBusyError } from './ledger/ledger-busy-error'
export { defaultLedgerName } from './engine/migration-ledger-location'
export { mappingFileSchema, type MappingFile, type MappingFileInput } from './mapping/mapping-file'
export { loadMappingFile, parseMappingFile } from './mapping/load-mapping-file'
export type { MigrationReport } from './report/migration-report'
export { describePhase, type MigrationPhase } from './report/migration-phases'
export { type CutOverPhase, type CutOverPhasePlan, planCutOver, standardCutOver } from './engine/plan-cut-over'
export {
  type MigrationListOrder,
  type MigrationPhaseFilter,
  parseInstantOption,
} from './engine/source-ticket-query'
export { renderReportText } from './report/render-report-text'
export { renderReportHtml } from './report/render-report-html'
export { verifyMigration, type VerifyReport, type VerifyDifference } from './verify/verify-migration'
