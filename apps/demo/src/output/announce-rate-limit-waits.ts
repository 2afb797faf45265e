import type { RateLimitNotice } from './rate-limit-notice'

/**
 * Shows each rate-limit wait while it lasts. In a terminal `show` redraws the progress line
 * (which says `waiting 41 s for halo's rate limit`) every second; elsewhere (CI, a pipe) a wait
 * prints one line when it starts and one when it ends, not a line a second. `stop()` ends it,
 * saying a wait still open is over.
 */
export function announceRateLimitWaits(
  notice: RateLimitNotice | undefined,
  show: () => void,
  stream: NodeJS.WriteStream = process.stderr,
): { stop(): void } {
  let countdown: NodeJS.Timeout | undefined
  const interactive = stream.isTTY === true
  const over = () => stream.write('The rate-limit wait is over; going on.\n')
  notice?.onChange(() => {
    if (!interactive) {
      // A wait that grows while it lasts (another request told to wait longer) is still one wait.
      if (countdown) return
      const waiting = notice.describe()
      if (waiting) stream.write(`${waiting.charAt(0).toUpperCase()}${waiting.slice(1)}.\n`)
      countdown = setInterval(() => {
        if (notice.describe() || !countdown) return
        clearInterval(countdown)
        countdown = undefined
        over()
      }, 1_000).unref()
      return
    }
    show()
    countdown ??= setInterval(() => {
      show()
      if (!notice.describe() && countdown) {
        clearInterval(countdown)
        countdown = undefined
      }
    }, 1_000).unref()
  })
  return {
    stop() {
      if (!countdown) return
      clearInterval(countdown)
      countdown = undefined
      // The last wait ended before the run did; off a terminal its end still gets its line.
      if (!interactive) over()
    },
  }
}
