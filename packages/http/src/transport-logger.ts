import { redactText, redactValue } from '@ticketbridge/core'

/** How much the transport logs: `off`, or a level and everything more severe. */
export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug'

/** The fields of a log line: plain data, redacted before the logger sees it. */
export type LogFields = Record<string, unknown>

/**
 * Where the transport writes its log lines; pino, winston and console all fit with a one-line
 * adapter. The transport redacts the message and every field before calling it.
 */
export interface TransportLogger {
  debug(message: string, fields?: LogFields): void
  info(message: string, fields?: LogFields): void
  warn(message: string, fields?: LogFields): void
  error(message: string, fields?: LogFields): void
}

const severity: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 }

/** Whether a line at `level` is written when the logger is set to `threshold`. */
export function isLogLevelEnabled(threshold: LogLevel, level: Exclude<LogLevel, 'off'>): boolean {
  return severity[level] <= severity[threshold]
}

/**
 * Wraps a logger with a level threshold and redaction, so that nothing the transport logs can
 * carry a credential, whatever field it ends up in.
 */
export interface LevelledLogger {
  enabled(level: Exclude<LogLevel, 'off'>): boolean
  log(level: Exclude<LogLevel, 'off'>, message: string, fields: LogFields): void
}

/** Builds the redacting, level-filtered logger the transport writes through. */
export function createLevelledLogger(logger: TransportLogger | undefined, level: LogLevel): LevelledLogger {
  const enabled = (lineLevel: Exclude<LogLevel, 'off'>): boolean => logger !== undefined && isLogLevelEnabled(level, lineLevel)
  return {
    enabled,
    log(lineLevel, message, fields) {
      if (!logger || !enabled(lineLevel)) return
      logger[lineLevel](redactText(message), redactValue(fields) as LogFields)
    },
  }
}
