import { redactText, redactValue } from '@ticketbridge/core'
import { isLogLevelEnabled, type LogFields, type LogLevel, type TransportLogger } from './transport-logger'

/**
 * A logger that writes one line per call to the console (to stderr, so it never mixes with a
 * CLI's output on stdout): the level, the message and the fields as JSON.
 */
export function createConsoleLogger(level: LogLevel = 'info'): TransportLogger {
  const write = (lineLevel: Exclude<LogLevel, 'off'>) => (message: string, fields?: LogFields) => {
    if (!isLogLevelEnabled(level, lineLevel)) return
    const suffix = fields && Object.keys(fields).length > 0 ? ` ${JSON.stringify(redactValue(fields))}` : ''
    console.error(`[ticketbridge] ${lineLevel} ${redactText(message)}${suffix}`)
  }
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') }
}
