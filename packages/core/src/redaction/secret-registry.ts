/**
 * Secret values known to this process (tokens, passwords, client secrets, Autotask's Secret).
 * Clients register the credentials they are given, so that whatever path a value takes into a
 * message, a log line or a report, redaction finds it by value and not only by field name.
 */
const registeredSecrets = new Set<string>()
/** The sorted list, kept until the set changes: redaction runs on every log line. */
let sortedSecrets: string[] | undefined

/** Shortest value worth registering: shorter ones would blank out ordinary words. */
export const shortestRegisteredSecret = 4

/** Remembers a secret value so that every redaction in this process removes it. */
export function registerSecret(value: string | undefined | null): void {
  if (typeof value !== 'string') return
  const trimmed = value.trim()
  if (trimmed.length < shortestRegisteredSecret) return
  // A transport registers its credentials on every request: a value already known changes nothing.
  if (registeredSecrets.has(trimmed)) return
  registeredSecrets.add(trimmed)
  // Values also travel URL-encoded and base64-encoded (basic auth): register those forms too.
  const encoded = encodeURIComponent(trimmed)
  if (encoded !== trimmed) registeredSecrets.add(encoded)
  sortedSecrets = undefined
}

/** The registered secrets, longest first so that a secret containing another is removed whole. */
export function listRegisteredSecrets(): readonly string[] {
  sortedSecrets ??= [...registeredSecrets].sort((left, right) => right.length - left.length)
  return sortedSecrets
}

/** Forgets every registered secret (tests only). */
export function clearRegisteredSecrets(): void {
  registeredSecrets.clear()
  sortedSecrets = undefined
}
