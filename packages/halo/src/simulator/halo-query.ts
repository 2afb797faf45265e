/**
 * Query parameters as Halo's ASP.NET binding reads them: names matched case-insensitively,
 * booleans as `true`/`false` (or 1/0), "array of int" filters as comma-joined ids (halo.md §3.4).
 * Unknown names are simply never asked for, so they are ignored, as on a real instance; the
 * spec check is what flags them.
 */
export class HaloQuery {
  private readonly values = new Map<string, string>()

  constructor(readonly parameters: URLSearchParams) {
    for (const [name, value] of parameters) {
      const key = name.toLowerCase()
      if (!this.values.has(key)) this.values.set(key, value)
    }
  }

  /** The raw value, undefined when absent or empty. */
  get(name: string): string | undefined {
    const value = this.values.get(name.toLowerCase())
    return value === undefined || value.trim() === '' ? undefined : value.trim()
  }

  has(name: string): boolean {
    return this.get(name) !== undefined
  }

  /** `true` for true/1, `false` for false/0, undefined otherwise. */
  boolean(name: string): boolean | undefined {
    const value = this.get(name)?.toLowerCase()
    if (value === 'true' || value === '1') return true
    if (value === 'false' || value === '0') return false
    return undefined
  }

  /** A whole number, undefined when absent or not a number (Halo ignores what it cannot bind). */
  integer(name: string): number | undefined {
    const value = this.get(name)
    return value !== undefined && /^-?\d+$/.test(value) ? Number(value) : undefined
  }

  /** A comma-joined list of ids, undefined when absent. */
  integerList(name: string): number[] | undefined {
    const value = this.get(name)
    if (value === undefined) return undefined
    return value
      .split(',')
      .map((part) => part.trim())
      .filter((part) => /^-?\d+$/.test(part))
      .map(Number)
  }
}
