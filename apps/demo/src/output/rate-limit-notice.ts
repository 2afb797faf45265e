import type { ConnectorAdapterOptions } from '@ticketbridge/http'

/** Waits shorter than this are the limiter pacing requests, not worth a word. */
const noticeableWaitMs = 1_000

/**
 * Tells the person watching a migration why it stalls: a vendor's rate limit (one of 300 requests
 * per 5 minutes) can hold every request for a minute, and a progress bar that
 * stops without a word looks like a hang.
 */
export interface RateLimitNotice {
  /** The hooks to build adapters with. */
  readonly hooks: ConnectorAdapterOptions
  /** `waiting 41 s for <vendor>'s rate limit` while a wait lasts; undefined otherwise. */
  describe(): string | undefined
  /** Called when a new wait starts. */
  onChange(listener: () => void): void
}

export function createRateLimitNotice(now: () => number = Date.now): RateLimitNotice {
  let until = 0
  let text = ''
  const listeners: (() => void)[] = []
  return {
    hooks: {
      onRateLimit(event) {
        if (event.waitMs < noticeableWaitMs) return
        const end = now() + event.waitMs
        if (end <= until) return
        until = end
        text = event.source === 'response' ? `${event.vendor} answered 429 (too many requests)` : `${event.vendor}'s rate limit`
        for (const listener of listeners) listener()
      },
    },
    describe() {
      const left = until - now()
      return left > 0 ? `waiting ${Math.ceil(left / 1000)} s for ${text}` : undefined
    },
    onChange(listener) {
      listeners.push(listener)
    },
  }
}
