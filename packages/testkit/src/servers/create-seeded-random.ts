/** A small deterministic generator (mulberry32): the same seed gives the same simulated help desk every time, in every simulator. */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [minimum, maximum]. */
  integer(minimum: number, maximum: number): number
  pick<T>(values: readonly T[]): T
  chance(probability: number): boolean
}

export function createSeededRandom(seed: number): SeededRandom {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let mixed = state
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1)
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61)
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    integer: (minimum, maximum) => minimum + Math.floor(next() * (maximum - minimum + 1)),
    pick: (values) => values[Math.floor(next() * values.length)]!,
    chance: (probability) => next() < probability,
  }
}
