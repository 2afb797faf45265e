/**
 * Runs `work` on every item of an iterable or async iterable with at most `concurrency` in
 * flight, pulling items only as workers free up, so a source of a million tickets is never held
 * in memory. The first rejection stops the pulling and is rethrown once running work has settled.
 */
export async function runConcurrently<T>(
  items: AsyncIterable<T> | Iterable<T>,
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const iterator: AsyncIterator<T> | Iterator<T> = Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]()
  let failure: { error: unknown } | undefined
  // An async iterator must not be asked for two items at once: pulls wait for each other.
  let lastPull: Promise<unknown> = Promise.resolve()
  const next = (): Promise<IteratorResult<T>> => {
    const pull = lastPull.then(() => iterator.next())
    lastPull = pull.catch(() => undefined)
    return pull
  }
  async function worker(): Promise<void> {
    while (!failure) {
      let result: IteratorResult<T>
      try {
        result = await next()
      } catch (error) {
        failure ??= { error }
        return
      }
      if (result.done || failure) return
      try {
        await work(result.value)
      } catch (error) {
        failure ??= { error }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, () => worker()))
  if (failure) {
    await iterator.return?.()
    throw failure.error
  }
}
