import { ConfigurationError } from '@ticketbridge/core'
import { parseInstantOption } from '@ticketbridge/migrate'

const spanUnits = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const

const span = /^(\d+)\s*([mhdw])$/i

/**
 * Reads a `--since` value as an instant (ISO-8601 in UTC): a date (midnight UTC), a date and time
 * with its zone, or a span back from now ("7d", "12h", "30m", "2w").
 */
export function parseSince(value: string, option = 'since', now: () => Date = () => new Date()): string {
  const text = value.trim()
  const spanMatch = span.exec(text)
  if (spanMatch) {
    const unit = spanMatch[2]!.toLowerCase() as keyof typeof spanUnits
    return new Date(now().getTime() - Number(spanMatch[1]) * spanUnits[unit]).toISOString()
  }
  try {
    // A time must say its zone: a bare "2026-11-30T18:00" means a different instant on every machine.
    return parseInstantOption(text, option)
  } catch {
    // The engine's message names its option; this one says every form the flag takes.
  }
  throw new ConfigurationError(
    `--${option} takes a date (2026-11-30, midnight UTC), a date and time with its zone (2026-11-30T18:00:00Z or 2026-11-30T13:00:00-05:00) or a span back from now (30m, 12h, 7d, 2w); not "${value}".`,
    { option },
  )
}

/** parseSince as a commander option parser. */
export const sinceOption =
  (option = 'since') =>
  (value: string): string =>
    parseSince(value, option)
