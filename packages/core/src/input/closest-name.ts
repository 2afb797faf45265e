import { distance } from 'fastest-levenshtein'

/**
 * The known name a mistyped one most likely meant, for a "did you mean" in an error: the same
 * letters in another case first, else the nearest within two edits (one for words of three
 * letters or fewer, which are two edits from too many others).
 */
export function closestName(typed: string, known: Iterable<string>): string | undefined {
  const lower = typed.toLowerCase()
  const candidates = [...known]
  const sameLetters = candidates.find((candidate) => candidate.toLowerCase() === lower)
  if (sameLetters) return sameLetters
  const limit = lower.length <= 3 ? 1 : 2
  let best: { candidate: string; edits: number } | undefined
  for (const candidate of candidates) {
    const edits = distance(lower, candidate.toLowerCase())
    if (edits <= limit && edits < (best?.edits ?? Number.POSITIVE_INFINITY)) best = { candidate, edits }
  }
  return best?.candidate
}

/** "; did you mean 'x'?" when one known name is close to the typed one, else "". */
export function didYouMean(typed: string, known: Iterable<string>): string {
  const suggestion = closestName(typed, known)
  return suggestion ? ` Did you mean '${suggestion}'?` : ''
}
