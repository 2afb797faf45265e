import { largestToArrayLimit, type Page, type Paginated } from '@ticketbridge/core'

/** A {@link Paginated} whose pages come from generators: opened lazily, on each iteration anew. */
export function generatorPaginated<T>(pages: () => AsyncGenerator<Page<T>>): Paginated<T> {
  return {
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* page.items
    },
    async toArray({ limit }) {
      if (!Number.isInteger(limit) || limit < 0 || limit > largestToArrayLimit) {
        throw new RangeError(`toArray needs a whole limit between 0 and ${largestToArrayLimit}; iterate with for await for more.`)
      }
      const items: T[] = []
      if (limit === 0) return items
      for await (const page of pages()) {
        for (const item of page.items) {
          items.push(item)
          if (items.length >= limit) return items
        }
      }
      return items
    },
  }
}

/**
 * A listing whose query needs an asynchronous step first (the tenant's picklists, to turn status
 * categories into status values), then pages mapped to the common model. `open` runs on each
 * iteration; a failure of any page rejects the iteration.
 */
export function deferredPaginated<Raw, T>(open: () => Promise<Paginated<Raw> | undefined>, map: (items: Raw[]) => T[] | Promise<T[]>): Paginated<T> {
  return generatorPaginated(async function* () {
    const inner = await open()
    if (!inner) {
      yield { items: [] }
      return
    }
    for await (const page of inner.pages()) yield { items: await map(page.items), ...(page.nextCursor !== undefined ? { nextCursor: page.nextCursor } : {}) }
  })
}

/** Several listings one after the other, as one. */
export function concatenatedPaginated<T>(parts: (() => Paginated<T>)[]): Paginated<T> {
  return generatorPaginated(async function* () {
    for (const part of parts) for await (const page of part().pages()) yield page
  })
}

/** Rows already read, as a one-page listing. */
export function arrayPaginated<T>(items: T[]): Paginated<T> {
  return generatorPaginated(async function* () {
    yield { items }
  })
}
