/** Time as the simulator reads it; injectable so tests move it by hand. */
export interface AutotaskSimulatorClock {
  /** Epoch milliseconds. */
  now(): number
}

/** Settings of {@link AutotaskRequestLimits}. */
export interface AutotaskRequestLimitsOptions {
  /** External requests per rolling window per database (Autotask: 10,000 per 60 minutes). */
  hourlyLimit: number
  /** Length of the rolling window in milliseconds (60 minutes). */
  windowMs: number
  /** Requests in flight per (tracking identifier, object endpoint) (3 since Autotask 2023.1). */
  concurrencyLimitPerEndpoint: number
  /** Added delay per request from 50 % and from 75 % of the threshold (autotask.md §16: ~0.5 s, ~1 s). */
  usageLatency: { atHalfMs: number; atThreeQuartersMs: number }
  clock: AutotaskSimulatorClock
}

/**
 * Autotask's request limits: a rolling-hour request budget per database shared by every
 * integration (requests beyond it fail until the window slides), usage-based latency above
 * half of it, and a cap on concurrent requests per tracking identifier and object endpoint.
 */
export class AutotaskRequestLimits {
  private readonly startTimes: number[] = []
  private oldest = 0
  private readonly inFlight = new Map<string, number>()

  constructor(private readonly options: AutotaskRequestLimitsOptions) {}

  /** Requests counted in the current window. */
  currentCount(): number {
    this.prune()
    return this.startTimes.length - this.oldest
  }

  /** Counts a request; false (not counted) when the threshold is already reached. */
  admit(): boolean {
    if (this.currentCount() >= this.options.hourlyLimit) return false
    this.startTimes.push(this.options.clock.now())
    return true
  }

  /** The delay Autotask adds at the current usage. */
  usageLatencyMs(): number {
    const usage = this.currentCount() / this.options.hourlyLimit
    if (usage >= 0.75) return this.options.usageLatency.atThreeQuartersMs
    if (usage >= 0.5) return this.options.usageLatency.atHalfMs
    return 0
  }

  /** Takes a thread of an endpoint; false when all are busy. */
  acquire(endpoint: string): boolean {
    const busy = this.inFlight.get(endpoint) ?? 0
    if (busy >= this.options.concurrencyLimitPerEndpoint) return false
    this.inFlight.set(endpoint, busy + 1)
    return true
  }

  release(endpoint: string): void {
    const busy = this.inFlight.get(endpoint) ?? 0
    if (busy <= 1) this.inFlight.delete(endpoint)
    else this.inFlight.set(endpoint, busy - 1)
  }

  get hourlyLimit(): number {
    return this.options.hourlyLimit
  }

  get concurrencyLimitPerEndpoint(): number {
    return this.options.concurrencyLimitPerEndpoint
  }

  /** Forgets counted requests (threads in flight finish on their own). */
  reset(): void {
    this.startTimes.length = 0
    this.oldest = 0
  }

  private prune(): void {
    const cutoff = this.options.clock.now() - this.options.windowMs
    while (this.oldest < this.startTimes.length && this.startTimes[this.oldest]! <= cutoff) this.oldest += 1
    if (this.oldest > 1024 && this.oldest * 2 > this.startTimes.length) {
      this.startTimes.splice(0, this.oldest)
      this.oldest = 0
    }
  }
}

/**
 * Autotask's attachment limits through the API (autotask.md §11): one file may not exceed
 * about 6-7 MB, and after 10,000,000 bytes within five minutes attachment creation is refused
 * for five minutes.
 */
export class AutotaskAttachmentBudget {
  private uploads: { at: number; bytes: number }[] = []
  private suspendedUntil = 0

  constructor(
    private readonly options: { maximumFileBytes: number; maximumBytesPerWindow: number; windowMs: number; clock: AutotaskSimulatorClock },
  ) {}

  /** Records an upload of `bytes`, or says why Autotask refuses it. */
  admit(bytes: number): string | undefined {
    const now = this.options.clock.now()
    if (now < this.suspendedUntil) {
      return `Attachment creation is suspended until ${new Date(this.suspendedUntil).toISOString()}: more than ${this.options.maximumBytesPerWindow} bytes of attachments were sent within five minutes.`
    }
    if (bytes > this.options.maximumFileBytes) {
      return `The attachment is ${bytes} bytes; the API accepts files of at most ${this.options.maximumFileBytes} bytes.`
    }
    this.uploads = this.uploads.filter((upload) => upload.at > now - this.options.windowMs)
    const recent = this.uploads.reduce((total, upload) => total + upload.bytes, 0)
    if (recent + bytes > this.options.maximumBytesPerWindow) {
      this.suspendedUntil = now + this.options.windowMs
      return `More than ${this.options.maximumBytesPerWindow} bytes of attachments within five minutes: attachment creation is suspended for five minutes.`
    }
    this.uploads.push({ at: now, bytes })
    return undefined
  }

  reset(): void {
    this.uploads = []
    this.suspendedUntil = 0
  }
}
