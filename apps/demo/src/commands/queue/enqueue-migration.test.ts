import { ConfigurationError } from '@ticketbridge/core'
import { describe, expect, it } from 'vitest'
import { enqueueMigration } from './enqueue-migration'
import { resolveQueueUrl } from './queue-option'

/** Mistakes a queued migration is refused for before anything is sent to the queue (no PostgreSQL needed to say so). */
describe('migrate --queue refuses', () => {
  const queue = 'postgres://ticketbridge:pass-word-1@127.0.0.1:1/ticketbridge'

  it('a queue that is not PostgreSQL, or none', () => {
    expect(() => resolveQueueUrl('redis://127.0.0.1:6379', {})).toThrow(/runs on PostgreSQL/)
    expect(() => resolveQueueUrl(undefined, {})).toThrow(/--queue postgres:\/\/… \(or set TICKETBRIDGE_QUEUE\)/)
    expect(resolveQueueUrl(undefined, { TICKETBRIDGE_QUEUE: queue })).toBe(queue)
  })

  it('a dry run, and a ledger in a file no other machine reaches', async () => {
    await expect(enqueueMigration({ from: 'rt', to: 'halo', queue, dryRun: true })).rejects.toThrow(/A dry run is not queued/)
    const fileLedger = enqueueMigration({ from: 'rt', to: 'halo', queue, ledger: 'client-a.sqlite' })
    await expect(fileLedger).rejects.toBeInstanceOf(ConfigurationError)
    await expect(fileLedger).rejects.toThrow(/keeps its ledger in PostgreSQL/)
  })

  it('a queue that does not answer, without showing its password', async () => {
    const error = await enqueueMigration({
      from: 'rt',
      to: 'halo',
      queue,
      set: ['rt.url=http://127.0.0.1:9', 'halo.resourceUrl=http://127.0.0.1:9/api', 'halo.authUrl=http://127.0.0.1:9/auth', 'halo.clientId=client'],
    }).catch((caught: unknown) => caught)
    expect(ConfigurationError.isInstance(error), String(error)).toBe(true)
    expect((error as Error).message).toMatch(/Cannot use the job queue at postgres:\/\/ticketbridge:\*\*\*@127\.0\.0\.1:1/)
    expect((error as Error).message).not.toContain('pass-word-1')
  })
})
