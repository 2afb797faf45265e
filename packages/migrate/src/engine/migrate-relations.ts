import {
  type AdapterWarning,
  runConcurrently,
  type Ticket,
  type TicketRelation,
  type TicketRelationKind,
  UnsupportedOperationError,
} from '@ticketbridge/core'
import type { LedgerRecord } from '../ledger/migration-ledger'
import { type MigrationContext, tally } from './migration-context'
import { rethrowIfFatal } from './fatal-errors'
import { failureText } from './failure-text'

/**
 * One link between two tickets, written one way only. Vendors show a link on both tickets (RT
 * lists "A refers to B" as `related` on A and on B, "A member of B" as `parent` on A and `child`
 * on B); the canonical form names it once: a child points at its parent (`parent`), a `related`
 * pair starts at the smaller id, a duplicate points at its original.
 */
export interface CanonicalRelation {
  ticketId: string
  kind: Exclude<TicketRelationKind, 'child'>
  relatedTicketId: string
}

/** Whether this migration moves relations: only where both ends keep them. */
function movesRelations(context: Pick<MigrationContext, 'source' | 'target'>): boolean {
  return context.source.capabilities.relations && context.target.capabilities.relations
}

const compareIds = (left: string, right: string) => left.localeCompare(right, 'en', { numeric: true })

/** The one form of a relation, whichever of its two tickets listed it. */
export function canonicalRelation(relation: Pick<TicketRelation, 'ticketId' | 'relatedTicketId' | 'kind'>): CanonicalRelation {
  const { ticketId, relatedTicketId, kind } = relation
  if (kind === 'child') return { ticketId: relatedTicketId, kind: 'parent', relatedTicketId: ticketId }
  if (kind === 'related' && compareIds(ticketId, relatedTicketId) > 0) return { ticketId: relatedTicketId, kind, relatedTicketId: ticketId }
  return { ticketId, kind, relatedTicketId }
}

/** The ledger key of a relation (source ids) or its target counterpart (target ids): `ticket/kind/related`. */
export function relationKey(relation: CanonicalRelation): string {
  return `${relation.ticketId}/${relation.kind}/${relation.relatedTicketId}`
}

/**
 * First pass, per ticket: lists the source ticket's relations and records each in the ledger as a
 * `pending` relation (its canonical form in the fingerprint). Nothing is written to the target
 * yet: the related ticket may not have moved. {@link migrateRelations} creates them at the end.
 */
export async function recordTicketRelations(context: MigrationContext, ticket: Ticket): Promise<void> {
  if (!movesRelations(context)) return
  const { source, ledger, runId, counts } = context
  const seen = context.relationsRecorded
  for (const relation of await source.relations.list(ticket.id, { signal: context.signal })) {
    const canonical = canonicalRelation({ ...relation, ticketId: ticket.id })
    if (canonical.ticketId === canonical.relatedTicketId) continue
    const key = relationKey(canonical)
    const firstSighting = !seen.has(key)
    seen.add(key)
    const known = await ledger.get('relation', key)
    if (known) {
      // Done before; one still to create counts when the second pass creates it (or not).
      if (firstSighting && (known.state === 'completed' || known.state === 'skipped')) tally(counts.relations, 'skipped')
      continue
    }
    await ledger.put({
      kind: 'relation',
      sourceId: key,
      parentSourceId: canonical.ticketId,
      targetId: null,
      state: 'pending',
      sourceUpdatedAt: null,
      runId,
      fingerprint: JSON.stringify(canonical),
    })
  }
}

/**
 * Second pass, after every ticket moved: creates each relation not yet completed whose two tickets
 * both have a target id. The target tickets' relations are listed first (once per ticket), so a
 * relation that already exists (a resumed run, a lost answer, a link made by hand) is not created
 * again. A relation whose partner has not moved (outside a `since` window, or failed) stays
 * `pending` with a warning; a later run that moves the partner creates it. Relations leaving one
 * ticket are created one after the other (REST 1.0 of RT rewrites a ticket's whole link list).
 */
export async function migrateRelations(context: MigrationContext, concurrency: number): Promise<void> {
  if (!movesRelations(context)) return
  const { ledger, retryFailed } = context
  const byTicket = new Map<string, LedgerRecord[]>()
  for (const record of [...(await ledger.inState('relation', 'pending')), ...(retryFailed ? await ledger.inState('relation', 'failed') : [])]) {
    const group = byTicket.get(record.parentSourceId ?? '') ?? []
    group.push(record)
    byTicket.set(record.parentSourceId ?? '', group)
  }
  const targetRelations = new Map<string, Promise<Set<string>>>()
  const relationsOf = (targetTicketId: string): Promise<Set<string>> => {
    let listed = targetRelations.get(targetTicketId)
    if (!listed) {
      listed = context.target.relations
        .list(targetTicketId, { signal: context.signal })
        .then((relations) => new Set(relations.map((relation) => relationKey(canonicalRelation({ ...relation, ticketId: targetTicketId })))))
      targetRelations.set(targetTicketId, listed)
      // A failed listing is asked again by the next relation, not remembered.
      listed.catch(() => targetRelations.delete(targetTicketId))
    }
    return listed
  }
  await runConcurrently(
    (async function* () {
      yield* byTicket.values()
    })(),
    concurrency,
    async (records) => {
      for (const record of records) await createRelation(context, record, relationsOf)
    },
  )
}

async function createRelation(
  context: MigrationContext,
  record: LedgerRecord,
  relationsOf: (targetTicketId: string) => Promise<Set<string>>,
): Promise<void> {
  const { ledger, runId, counts, target } = context
  const relation = JSON.parse(record.fingerprint ?? 'null') as CanonicalRelation | null
  if (!relation) return
  const from = (await ledger.get('ticket', relation.ticketId))?.targetId ?? undefined
  const to = (await ledger.get('ticket', relation.relatedTicketId))?.targetId ?? undefined
  if (from === undefined || to === undefined) {
    const missing = [from === undefined && relation.ticketId, to === undefined && relation.relatedTicketId].filter(Boolean).join(' and ')
    await ledger.setWarnings(runId, 'relation', record.sourceId, [
      {
        type: 'other',
        field: 'relation',
        message: `Ticket ${missing} has not been migrated yet (outside this run, or failed); the ${relation.kind} link waits for a run that moves it.`,
      },
    ])
    tally(counts.relations, 'skipped')
    return
  }
  const warnings: AdapterWarning[] = []
  let kind: CanonicalRelation['kind'] = relation.kind
  // Target ids may sort the other way round: the key is canonical in the target's ids too.
  let targetKey = relationKey(canonicalRelation({ ticketId: from, kind, relatedTicketId: to }))
  try {
    // Either ticket may show the link (RT shows it on both; others on the ticket it was made on).
    const [fromRelations, toRelations] = await Promise.all([relationsOf(from), relationsOf(to)])
    if (fromRelations.has(targetKey) || toRelations.has(targetKey)) {
      await ledger.put({ ...record, targetId: targetKey, state: 'completed', runId, error: null })
      await ledger.setWarnings(runId, 'relation', record.sourceId, [])
      tally(counts.relations, 'matched')
      return
    }
    await ledger.put({ ...record, targetId: null, state: 'pending', runId, attempts: record.attempts + 1, error: null })
    let result
    try {
      result = await target.relations.create(
        from,
        { relatedTicketId: to, kind },
        { silent: true, ...(context.signal ? { signal: context.signal } : {}) },
      )
    } catch (error) {
      // A target without duplicates (RT) still links the two tickets.
      if (kind !== 'duplicate-of' || !UnsupportedOperationError.isInstance(error)) throw error
      kind = 'related'
      const related = canonicalRelation({ ticketId: from, kind, relatedTicketId: to })
      targetKey = relationKey(related)
      warnings.push({
        type: 'converted',
        field: 'kind',
        message: `The target has no duplicate links; ticket ${relation.ticketId} is linked to ${relation.relatedTicketId} as related.`,
      })
      if (!fromRelations.has(targetKey) && !toRelations.has(targetKey)) {
        result = await target.relations.create(
          related.ticketId,
          { relatedTicketId: related.relatedTicketId, kind },
          { silent: true, ...(context.signal ? { signal: context.signal } : {}) },
        )
      }
    }
    if (result) warnings.push(...result.warnings)
    fromRelations.add(targetKey)
    toRelations.add(targetKey)
    await ledger.put({ ...record, targetId: targetKey, state: 'completed', runId, createdByMigration: true, error: null })
    await ledger.setWarnings(runId, 'relation', record.sourceId, warnings)
    tally(counts.relations, 'created')
  } catch (error) {
    rethrowIfFatal(error)
    await ledger.put({ ...record, targetId: null, state: 'failed', runId, error: failureText(error) })
    await ledger.setWarnings(runId, 'relation', record.sourceId, warnings)
    tally(counts.relations, 'failed')
  }
}
