import type { MigrationReport } from './migration-report'

/**
 * The one-line answer a report leads with. A dry run wrote nothing, so it is never "verified",
 * whatever its stand-in's check said; failures outrank a passed check (what failed was not moved).
 */
export type VerdictKind = 'dry-run' | 'interrupted' | 'verification-failed' | 'failures' | 'verified' | 'not-verified'

export interface Verdict {
  kind: VerdictKind
  /** `verified`, `verification failed`, …: lower case, as a label. */
  title: string
  /** What it rests on, in a sentence. */
  detail: string
}

export function reportVerdict(report: MigrationReport): Verdict {
  const failures = report.failures.length
  const failed = `${failures.toLocaleString('en-US')} failure${failures === 1 ? '' : 's'}`
  const { verify } = report
  if (report.dryRun) {
    const outcome =
      failures > 0 ? `${failed} would occur` : verify && !verify.passed ? "the stand-in's check found differences" : 'nothing would fail'
    return { kind: 'dry-run', title: 'dry run', detail: `Nothing was written to ${report.target}; ${outcome}.` }
  }
  if (report.interrupted) {
    return {
      kind: 'interrupted',
      title: 'interrupted',
      detail: `The run was stopped before it finished${failures > 0 ? `, with ${failed}` : ''}; what it did is below. Run it again with --resume to continue.`,
    }
  }
  if (verify && !verify.passed) {
    const differences = verify.differences.length
    return {
      kind: 'verification-failed',
      title: 'verification failed',
      detail: `${differences.toLocaleString('en-US')} difference${differences === 1 ? '' : 's'} between ${report.source} and ${report.target}${failures > 0 ? `, and ${failed}` : ''}.`,
    }
  }
  if (failures > 0) {
    return {
      kind: 'failures',
      title: verify ? 'failures' : 'failures, not verified',
      detail: verify
        ? `${failed}; what moved is verified (${verify.tickets.matched.toLocaleString('en-US')} tickets match).`
        : `${failed}, and the run was not verified.`,
    }
  }
  if (verify) {
    return {
      kind: 'verified',
      title: 'verified',
      detail: `${verify.tickets.matched.toLocaleString('en-US')} of ${verify.tickets.checked.toLocaleString('en-US')} tickets match in ${report.target}; nothing failed.`,
    }
  }
  return { kind: 'not-verified', title: 'not verified', detail: 'Nothing failed, but the target was not checked (run ticketbridge verify).' }
}
