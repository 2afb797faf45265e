import type { PriorityDefinition, PriorityLevel, TicketPriority } from '@ticketbridge/core'

/** One priority band: RT numbers from `value` up to the next band's value have this name and level. */
export interface RtPriorityBand {
  name: string
  /** The lowest RT priority number of the band; also the number written when the band is chosen. */
  value: number
  level: PriorityLevel
}

/**
 * RT priorities are numbers. The default bands follow RT 5's own labels (`%PriorityAsString`:
 * Low 0, Medium 50, High 100) and add Urgent from 150: 0–49 low, 50–99 normal, 100–149 high,
 * 150 and above urgent. Numbers below the first band belong to it.
 */
export const defaultRtPriorityBands: readonly RtPriorityBand[] = [
  { name: 'Low', value: 0, level: 'low' },
  { name: 'Medium', value: 50, level: 'normal' },
  { name: 'High', value: 100, level: 'high' },
  { name: 'Urgent', value: 150, level: 'urgent' },
]

/** Maps RT priority numbers to the common levels by bands, and back. */
export class RtPriorities {
  readonly #bands: RtPriorityBand[]

  constructor(bands: readonly RtPriorityBand[] = defaultRtPriorityBands) {
    this.#bands = [...bands].sort((left, right) => left.value - right.value)
  }

  /** The synthetic definitions `lookups.priorities()` returns: one per band, its id the band's number. */
  definitions(): PriorityDefinition[] {
    return this.#bands.map((band) => ({ id: String(band.value), name: band.name, level: band.level }))
  }

  /** A ticket's priority: the band's level and name, and the RT number as id. */
  priorityOf(value: string | number | undefined): TicketPriority {
    const number = Number(value)
    const band = this.bandOf(Number.isFinite(number) ? number : 0)
    return { level: band.level, id: String(Number.isFinite(number) ? number : 0), name: band.name }
  }

  bandOf(value: number): RtPriorityBand {
    let found = this.#bands[0]!
    for (const band of this.#bands) if (value >= band.value) found = band
    return found
  }

  /** The RT number for a level (its first band), or `undefined` when no band has it. */
  valueForLevel(level: PriorityLevel): number | undefined {
    return this.#bands.find((band) => band.level === level)?.value
  }

  /** The RT number for a band name (case-insensitive). */
  valueForName(name: string): number | undefined {
    return this.#bands.find((band) => band.name.toLowerCase() === name.trim().toLowerCase())?.value
  }
}
