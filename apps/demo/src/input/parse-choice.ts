import { ConfigurationError, didYouMean } from '@ticketbridge/core'

/** One of a fixed set of words, refused with the set and a "did you mean" when it is not one. */
export function parseChoice<Choice extends string>(value: string, choices: readonly Choice[], option: string): Choice {
  const word = value.trim().toLowerCase()
  const found = choices.find((choice) => choice === word)
  if (found) return found
  throw new ConfigurationError(`--${option} takes ${listWords(choices)}; not "${value}".${didYouMean(word, choices)}`, { option })
}

/** A comma-separated list of such words. */
export function parseChoices<Choice extends string>(value: string, choices: readonly Choice[], option: string): Choice[] {
  const words = value
    .split(',')
    .map((word) => word.trim())
    .filter(Boolean)
  if (words.length === 0) throw new ConfigurationError(`--${option} takes one or more of ${listWords(choices)}, separated by commas.`, { option })
  return words.map((word) => parseChoice(word, choices, option))
}

function listWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`
}
