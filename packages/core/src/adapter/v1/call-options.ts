/** Options every adapter call takes. */
export interface CallOptions {
  /** Cancels the call; it then rejects with `AbortError` and is never retried. */
  signal?: AbortSignal
  /** Gives up on one attempt after this many milliseconds with `TimeoutError`. */
  timeoutMs?: number
}
