import { afterAll, beforeAll, describe } from 'vitest'
import type { TicketingAdapterV1 } from '@ticketbridge/core'
import type { ConformanceContext, ConformanceHarness, ConformanceOptions } from './conformance-harness'
import { defineAttachmentCases } from './cases/attachment-cases'
import { defineBatchCases } from './cases/batch-cases'
import { defineCarriedFileCases } from './cases/carried-file-cases'
import { defineCommentCases } from './cases/comment-cases'
import { defineDirectoryCases } from './cases/directory-cases'
import { defineErrorCases } from './cases/error-cases'
import { defineSecretCases } from './cases/secret-cases'
import { defineTicketCases } from './cases/ticket-cases'
import { defineTicketOrderCases } from './cases/ticket-order-cases'
import { defineTransportCases } from './cases/transport-cases'

/**
 * The conformance suite: one behavioural test suite that every TicketingAdapter runs, whatever
 * the vendor. Call it from a test file with a harness that builds the adapter:
 *
 * ```ts
 * describeTicketingAdapter('my vendor', () => ({ createAdapter: () => createMyAdapter(settings), secrets: [token] }))
 * ```
 *
 * Cases an adapter cannot run (a capability it declares missing, a hook the harness lacks) skip
 * themselves and say why. The harness is built lazily, in `beforeAll`, so a live-tenant suite
 * gated on environment variables costs nothing when they are absent.
 */
export function describeTicketingAdapter(
  name: string,
  harness: ConformanceHarness | (() => ConformanceHarness | Promise<ConformanceHarness>),
  options: ConformanceOptions = {},
): void {
  describe(`TicketingAdapter conformance: ${name}`, () => {
    let adapter: TicketingAdapterV1 | undefined
    let resolvedHarness: ConformanceHarness | undefined
    const context: ConformanceContext = {
      get adapter() {
        if (!adapter) throw new Error('The adapter is built in beforeAll; it failed or has not run.')
        return adapter
      },
      get harness() {
        if (!resolvedHarness) throw new Error('The harness is built in beforeAll; it failed or has not run.')
        return resolvedHarness
      },
      runTag: `TB${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1296)
        .toString(36)
        .toUpperCase()}`,
      caughtErrors: [],
    }

    beforeAll(async () => {
      resolvedHarness = typeof harness === 'function' ? await harness() : harness
      adapter = await resolvedHarness.createAdapter()
      if (adapter.specificationVersion !== 'v1') throw new Error(`${name} implements ${String(adapter.specificationVersion)}, not v1.`)
    }, options.caseTimeoutMs ?? 60_000)

    afterAll(async () => {
      await adapter?.close()
      await resolvedHarness?.dispose?.()
    })

    defineTicketCases(context, options)
    defineTicketOrderCases(context, options)
    defineCommentCases(context, options)
    defineBatchCases(context, options)
    defineCarriedFileCases(context, options)
    defineAttachmentCases(context, options)
    defineDirectoryCases(context, options)
    defineErrorCases(context, options)
    defineTransportCases(context, options)
    options.extra?.(context)
    defineSecretCases(context, options)
  })
}
