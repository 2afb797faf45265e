/** Body keys vendors put their error text in, in order of preference (Halo, Autotask, RT, OAuth). */
const messageKeys = ['errorMessage', 'message', 'Message', 'error_description', 'error', 'title', 'detail'] as const

/** Longest vendor message kept; the full body stays in the error's bodyExcerpt. */
const longestVendorMessage = 500

/**
 * The vendor's own words from an error body: the first present of `errorMessage`, `message`,
 * `Message`, `error_description`, `error` (a string or an object with a message), then
 * `errors[]` (strings or objects with a message, joined; or an ASP.NET field → messages map).
 * A short plain-text body is taken as it is (Halo's 429 text); HTML never is.
 */
export function readVendorMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return plainText(body)
  if (typeof body !== 'object' || body === null) return undefined
  if (Array.isArray(body)) return joinMessages(body)
  const record = body as Record<string, unknown>
  for (const key of messageKeys) {
    const text = messageOf(record[key])
    if (text !== undefined) return cut(text)
  }
  const errors = record.errors ?? record.Errors
  if (Array.isArray(errors)) return joinMessages(errors)
  if (typeof errors === 'object' && errors !== null) {
    // ASP.NET model state: { "field": ["message", …] }
    const parts = Object.entries(errors as Record<string, unknown>).flatMap(([field, value]) =>
      (Array.isArray(value) ? value : [value])
        .map(messageOf)
        .filter((text): text is string => text !== undefined)
        .map((text) => `${field}: ${text}`),
    )
    if (parts.length > 0) return cut(parts.join('; '))
  }
  return undefined
}

function messageOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim()
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const nested = value as Record<string, unknown>
    for (const key of ['message', 'Message', 'errorMessage', 'description']) {
      if (typeof nested[key] === 'string' && (nested[key] as string).trim() !== '') return (nested[key] as string).trim()
    }
  }
  return undefined
}

function joinMessages(items: unknown[]): string | undefined {
  const parts = items.map(messageOf).filter((text): text is string => text !== undefined)
  return parts.length > 0 ? cut(parts.join('; ')) : undefined
}

function plainText(text: string): string | undefined {
  const trimmed = text.trim()
  if (trimmed === '' || trimmed.startsWith('<')) return undefined
  return cut(trimmed)
}

function cut(text: string): string {
  return text.length > longestVendorMessage ? `${text.slice(0, longestVendorMessage)}…` : text
}
