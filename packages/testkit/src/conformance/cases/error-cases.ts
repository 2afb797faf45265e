import { AuthenticationError, ConflictError, PermissionError, type TicketingAdapterV1, UnsupportedOperationError } from '@ticketbridge/core'
import { expect } from 'vitest'
import { expectRejection } from '../catch-error'
import type { ConformanceContext, ConformanceOptions } from '../conformance-harness'
import { conformanceCase } from './conformance-case'
import { createTestTicket } from './ticket-cases'

/** The first operation an adapter declares it cannot do, as a call that must fail. */
function firstUnsupportedCall(adapter: TicketingAdapterV1): { name: string; call: () => Promise<unknown> } | undefined {
  const { capabilities } = adapter
  const calls: [boolean, string, () => Promise<unknown>][] = [
    [capabilities.tickets.create, 'tickets.create', () => adapter.tickets.create({ subject: 'x', description: { text: 'x' } })],
    [capabilities.tickets.update, 'tickets.update', () => adapter.tickets.update('1', { subject: 'x' })],
    [capabilities.tickets.delete, 'tickets.delete', () => adapter.tickets.delete('1')],
    [capabilities.comments.create, 'comments.create', () => adapter.comments.create('1', { body: { text: 'x' }, visibility: 'public' })],
    [capabilities.attachments.upload, 'attachments.upload', () => adapter.attachments.upload('1', { filename: 'x', data: new Uint8Array(1) })],
    [capabilities.people.create, 'people.create', () => adapter.people.create({ kind: 'contact', name: 'x' })],
    [capabilities.organizations.create, 'organizations.create', () => adapter.organizations.create({ name: 'x' })],
    [capabilities.timeEntries, 'timeEntries.create', () => adapter.timeEntries.create('1', { minutes: 1 })],
    [capabilities.relations, 'relations.create', () => adapter.relations.create('1', { relatedTicketId: '2', kind: 'related' })],
  ]
  const found = calls.find(([supported]) => !supported)
  return found ? { name: found[1], call: found[2] } : undefined
}

export function defineErrorCases(context: ConformanceContext, options: ConformanceOptions): void {
  conformanceCase(context, options, 'refuses bad credentials with AuthenticationError', async (current, skip) => {
    if (!current.harness.createAdapterWithBadCredentials) return skip('the harness has no adapter with bad credentials')
    const adapter = await current.harness.createAdapterWithBadCredentials()
    try {
      const error = await expectRejection(current, () => adapter.tickets.list().toArray({ limit: 1 }), AuthenticationError)
      expect(error.vendor).toBe(adapter.vendor)
    } finally {
      await adapter.close()
    }
  })

  conformanceCase(context, options, 'refuses a write without the right with PermissionError', async (current, skip) => {
    if (!current.harness.createAdapterWithoutPermission) return skip('the harness has no adapter without rights')
    if (!current.adapter.capabilities.tickets.create) return skip('tickets.create is not supported')
    const adapter = await current.harness.createAdapterWithoutPermission()
    try {
      await expectRejection(
        current,
        () => adapter.tickets.create({ subject: `${current.runTag} forbidden`, description: { text: 'no' } }),
        PermissionError,
      )
    } finally {
      await adapter.close()
    }
  })

  conformanceCase(context, options, 'reports a concurrent change as ConflictError', async (current, skip) => {
    if (!current.harness.provokeConflict) return skip('the harness cannot provoke a conflict')
    if (!current.adapter.capabilities.tickets.create) return skip('tickets.create is not supported')
    const ticket = await createTestTicket(current.adapter, `${current.runTag} conflict`)
    await expectRejection(current, () => current.harness.provokeConflict!(current.adapter, ticket.id), ConflictError)
  })

  conformanceCase(context, options, 'throws UnsupportedOperationError for what capabilities declare missing', async (current, skip) => {
    let adapter = current.adapter
    let unsupported = firstUnsupportedCall(adapter)
    let restricted: TicketingAdapterV1 | undefined
    if (!unsupported && current.harness.createRestrictedAdapter) {
      restricted = await current.harness.createRestrictedAdapter()
      adapter = restricted
      unsupported = firstUnsupportedCall(adapter)
    }
    try {
      if (!unsupported) return skip('the adapter supports every optional operation and the harness has no restricted one')
      const error = await expectRejection(current, unsupported.call, UnsupportedOperationError)
      expect(error.operation).toContain(unsupported.name.split('.')[0])
    } finally {
      await restricted?.close()
    }
  })
}
