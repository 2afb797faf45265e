import type { MigrationReport } from './migration-report'

/**
 * The report's request counts as a sentence, or undefined where nothing was counted:
 * `Requests: 30 to autotask, 22 to halo.`; in a dry run the target's are what it would receive.
 */
export function describeRequests(report: MigrationReport): string | undefined {
  const { requests } = report
  if (!requests || (requests.source === undefined && requests.target === undefined)) return undefined
  const parts: string[] = []
  if (requests.source !== undefined) parts.push(`${requests.source.toLocaleString('en-US')} to ${report.source}`)
  if (requests.target !== undefined) {
    parts.push(
      report.dryRun
        ? `about ${requests.target.toLocaleString('en-US')} that ${report.target} would receive (counted by this dry run's stand-in, the run's own batches)`
        : `${requests.target.toLocaleString('en-US')} to ${report.target}`,
    )
  }
  return `Requests: ${parts.join(', ')}.`
}
