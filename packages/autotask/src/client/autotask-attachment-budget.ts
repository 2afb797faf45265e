import { abortableSleep } from '@ticketbridge/http'

/** Settings of {@link AttachmentByteBudget}. */
export interface AttachmentByteBudgetOptions {
  /** Bytes allowed in any window. */
  limitBytes: number
  windowMs: number
  now?: () => number
  sleep?: (delayMs: number, signal?: AbortSignal) => Promise<void>
}

/**
 * Autotask accepts at most 10,000,000 bytes of attachments per 5 minutes per database; past that
 * it refuses every upload for 5 minutes. This keeps a log of recent uploads and makes an upload
 * wait until its bytes fit, so a burst slows down instead of locking the tenant out. One budget
 * per tenant (see {@link sharedAttachmentByteBudget}).
 */
export class AttachmentByteBudget {
  private readonly uploads: { at: number; bytes: number }[] = []
  private readonly now: () => number
  private readonly sleep: (delayMs: number, signal?: AbortSignal) => Promise<void>
  private tail: Promise<void> = Promise.resolve()

  constructor(private readonly options: AttachmentByteBudgetOptions) {
    this.now = options.now ?? Date.now
    this.sleep = options.sleep ?? abortableSleep
  }

  /** Bytes counted in the current window. */
  used(): number {
    this.expire(this.now())
    return this.uploads.reduce((sum, upload) => sum + upload.bytes, 0)
  }

  /**
   * Waits until `bytes` fit in the window, then records them. Callers are served in order, so a
   * large file is not starved by small ones. A file larger than the whole window is let through
   * alone (Autotask decides), after the window has emptied.
   */
  reserve(bytes: number, signal?: AbortSignal): Promise<void> {
    const turn = this.tail.then(() => this.waitAndRecord(bytes, signal))
    // The next caller waits for this one, whether it was admitted or aborted.
    this.tail = turn.catch(() => undefined)
    return turn
  }

  private async waitAndRecord(bytes: number, signal: AbortSignal | undefined): Promise<void> {
    for (;;) {
      const now = this.now()
      this.expire(now)
      const used = this.uploads.reduce((sum, upload) => sum + upload.bytes, 0)
      if (used + bytes <= this.options.limitBytes || this.uploads.length === 0) {
        this.uploads.push({ at: now, bytes })
        return
      }
      // Wait until enough of the oldest uploads leave the window.
      let freed = 0
      let waitUntil = now
      for (const upload of this.uploads) {
        freed += upload.bytes
        waitUntil = upload.at + this.options.windowMs
        if (used - freed + bytes <= this.options.limitBytes) break
      }
      await this.sleep(Math.max(1, waitUntil - now), signal)
    }
  }

  private expire(now: number): void {
    while (this.uploads.length > 0 && this.uploads[0]!.at + this.options.windowMs <= now) this.uploads.shift()
  }
}

const sharedBudgets = new Map<string, AttachmentByteBudget>()

/** The attachment byte budget of a tenant, shared by every client of it in this process. */
export function sharedAttachmentByteBudget(tenantKey: string, options: AttachmentByteBudgetOptions): AttachmentByteBudget {
  let budget = sharedBudgets.get(tenantKey)
  if (!budget) {
    budget = new AttachmentByteBudget(options)
    sharedBudgets.set(tenantKey, budget)
  }
  return budget
}
