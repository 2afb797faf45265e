/**
 * What the ledger keeps of an error: `ValidationError: halo refused the data (HTTP 400 …)`. The
 * class name leads, as `String(error)` writes it, so a report read later (from the ledger, or a
 * saved JSON) can tell a failure that passes (a rate limit, a 5xx, a timeout) from a refusal
 * that fails the same way every time.
 */
export function failureText(error: unknown): string {
  if (!(error instanceof Error) && !(typeof error === 'object' && error !== null && 'message' in error)) return String(error)
  const { name, message } = error as Error
  return name && name !== 'Error' && !message.startsWith(`${name}:`) ? `${name}: ${message}` : message
}
