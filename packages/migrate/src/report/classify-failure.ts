import { describeSize, withReadableSizes } from './describe-size'
import type { MigrationReport } from './migration-report'

type Failure = MigrationReport['failures'][number]

/** Whether trying a failure again can succeed, what to do about it, and its reason as people read it. */
export interface ClassifiedFailure {
  retryable: boolean
  /** `yes: a plain re-run tries it again`, `no: …over the limit…`: said beside each failure. */
  advice: string
  /** The stored reason without the error's class name, sizes in MB. */
  reason: string
}

/**
 * Errors that fail the same way every time, and what has to change first. Any other class passes
 * or may (RateLimitError, ServerError, TimeoutError, NetworkError, InvalidResponseError, ConflictError).
 */
const lasting: Record<string, string> = {
  ValidationError: 'the target refused the data: correct the record or the mapping, then --retry-failed',
  NotFoundError: 'a record it refers to does not exist: check it on both ends, then --retry-failed',
  UnsupportedOperationError: 'the target cannot take it through its API: move it by hand',
  PermissionError: 'the credentials lack a right: grant it, then --retry-failed',
  AuthenticationError: 'the credentials were refused: correct them, then --retry-failed',
  ConfigurationError: 'a setting is wrong: correct it, then --retry-failed',
}

/** `scan.pdf is 13002342 bytes; halo accepts at most 10485760 bytes.`: the engine's and the adapters' size refusals. */
const sizeRefusal = /^(.*?) is (\d+) bytes; (.+?) accepts at most (\d+)(?: bytes)?/

/**
 * Classifies a failure by the error the ledger kept (`ValidationError: …`; the class leads since
 * the engine records it so) and, for reasons stored before that or without a class, by the HTTP
 * status or wording in the message. A ticket left `pending` failed for a passing reason: the
 * engine leaves only those pending. A file over the target's size limit can never succeed.
 */
export function classifyFailure(failure: Failure, targetVendor: string): ClassifiedFailure {
  const named = /^([A-Z][A-Za-z]*Error): ([\s\S]*)$/.exec(failure.reason)
  const errorName = named?.[1]
  const message = named?.[2] ?? failure.reason
  const size = sizeRefusal.exec(message)
  if (size) {
    const [, file, bytes, who, limit] = size
    const vendor = who === 'the target' ? targetVendor : who!
    return {
      retryable: false,
      advice: `no: ${file} is larger than ${vendor} accepts; shrink or split it, or move it by hand`,
      reason: `${file}: ${describeSize(Number(bytes))} over ${vendor}'s ${describeSize(Number(limit))} limit`,
    }
  }
  const reason = withReadableSizes(message)
  const retryable = errorName ? !(errorName in lasting) : retryableByWording(failure, message)
  if (retryable) return { retryable, advice: `yes: ${howToRetry(failure)}`, reason }
  return { retryable, advice: `no: ${(errorName && lasting[errorName]) ?? lastingAdvice(message)}`, reason }
}

/** For a reason stored without its error's class: the HTTP status, else the wording. Unknown causes may pass. */
function retryableByWording(failure: Failure, message: string): boolean {
  if (failure.kind === 'ticket' && failure.state === 'pending') return true
  const status = /\bHTTP (\d{3})\b/.exec(message)?.[1]
  if (status) return ['408', '409', '412', '425', '429'].includes(status) || status.startsWith('5')
  if (/timed out|no answer within|ECONNRESET|socket hang up|connection (?:was )?(?:reset|closed|refused)|network/i.test(message)) return true
  return !/nothing was sent|refused|invalid|does not exist|not found|cannot|unsupported/i.test(message)
}

function lastingAdvice(message: string): string {
  if (/does not exist|not found/i.test(message)) return lasting.NotFoundError!
  if (/cannot|unsupported/i.test(message)) return lasting.UnsupportedOperationError!
  return 'it fails the same way every time: correct the cause, then --retry-failed'
}

/** Which run tries a record again: unfinished tickets (and what hangs on them) any run; the others --retry-failed. */
function howToRetry(failure: Failure): string {
  if (failure.kind === 'ticket')
    return failure.state === 'failed' ? '--retry-failed tries it again' : 'the next run (a plain re-run or --resume) continues it'
  if (failure.kind === 'comment' || failure.kind === 'attachment' || failure.kind === 'time-entry')
    return 'the next run tries it again with its ticket'
  return '--retry-failed tries it again'
}

/** The header of a list of failures: whether trying again helps, for all, none or some of them. */
export function describeFailureCounts(classified: readonly ClassifiedFailure[]): string {
  const retryable = classified.filter((failure) => failure.retryable).length
  const lastingCount = classified.length - retryable
  const one = classified.length === 1
  if (lastingCount === 0) return `${one ? 'it' : 'each'} can succeed on a later run (see "retry")`
  if (retryable === 0)
    return one
      ? 'it cannot succeed by trying again as it is: it needs a change first'
      : 'none can succeed by trying again as they are: each needs a change first'
  return `${retryable} can succeed on a later run; ${lastingCount} cannot without a change first`
}
