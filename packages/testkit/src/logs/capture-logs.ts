import { inspect } from 'node:util'

type LogMethod = (message: string, fields?: Record<string, unknown>) => void

/** A logger of the transport's shape that keeps every line, for tests that look for secrets in logs. */
export interface CapturedLogs {
  logger: { debug: LogMethod; info: LogMethod; warn: LogMethod; error: LogMethod }
  /** `level message fields`, one entry per call; fields printed in full depth, so nested values are seen. */
  lines: string[]
}

export function captureLogs(): CapturedLogs {
  const lines: string[] = []
  const write =
    (level: string): LogMethod =>
    (message, fields) => {
      lines.push(`${level} ${message} ${inspect(fields ?? {}, { depth: 10, breakLength: Number.POSITIVE_INFINITY })}`)
    }
  return { logger: { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') }, lines }
}
