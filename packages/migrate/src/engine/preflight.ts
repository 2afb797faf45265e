import {
  type AdapterCapabilities,
  listForTickets,
  secondsAtRateLimit,
  type Ticket,
  type TicketChildren,
  type TicketingAdapter,
  type TicketQuery,
} from '@ticketbridge/core'
import { estimateRequests } from './estimate-requests'
import { hasValue } from './has-value'
import type { KeptSourceReads } from './kept-source-reads'
import { ticketBatchSize } from './ticket-batches'
import type { MappingFile } from '../mapping/mapping-file'
import { SeenSourceValues } from '../mapping/unused-mapping-entries'
import { isUnmapped, missingMappingTargets, type ResolvedMapping, type TargetLookups, type UnmappedValue } from '../mapping/resolve-mapping'

export interface PreflightReport {
  source: { vendor: string; capabilities: AdapterCapabilities }
  target: { vendor: string; capabilities: AdapterCapabilities }
  tickets: number
  /** Source values with no counterpart in the target, with how many tickets carry each. */
  unmapped: (UnmappedValue & { count: number })[]
  /** Required target custom fields the mapping does not fill, with how many tickets lack them. */
  missingRequired: { field: string; count: number }[]
  /** What the target cannot keep as it is (each becomes a warning on the records concerned). */
  degradations: string[]
  /** Problems that stop the run before anything is written. */
  blocking: string[]
  estimate: {
    sampledTickets: number
    commentsPerTicket: number
    attachmentsPerTicket: number
    /** Sampled only where both ends keep time entries (else 0). */
    timeEntriesPerTicket: number
    /** Sampled only where both ends keep relations (else 0); a link shows on both its tickets. */
    relationsPerTicket: number
    requests: { source: number; target: number }
    /** Seconds at each adapter's rate limit (`adapter.rateLimit`); absent where it has none. */
    secondsAtRateLimit: { source?: number; target?: number }
  }
}

/**
 * Looks before it writes: checks both adapters' capabilities and the mapping against every
 * source ticket (one listing pass, no per-ticket requests), samples a few tickets for comments
 * and files, and estimates the requests and time the migration costs at each vendor's limit.
 * Where the source reads many tickets' children at once, the sample is the run's first batch,
 * and `kept` holds it and the listing for the run: a migration reads neither twice.
 */
export async function runPreflight(options: {
  source: TicketingAdapter
  target: TicketingAdapter
  mapping: ResolvedMapping
  mappingFile: MappingFile
  targetLookups: TargetLookups
  /** The run's listing (its phase, since and order); default every ticket. */
  query?: TicketQuery
  /** Tickets sampled; by default the first batch where one read covers it, else 10. */
  sampleSize?: number
  /** Keeps the listing and the sample's reads for the run that follows. */
  kept?: KeptSourceReads
  /** Mapping entries naming target values the target lacks are notes, not a reason to stop. */
  allowUnmapped?: boolean
  /** Sees each listed ticket (a cut-over plan counts its phases in the same pass). */
  onTicket?: (ticket: Ticket) => void
  signal?: AbortSignal
}): Promise<PreflightReport> {
  const { source, target, mapping, targetLookups } = options
  const unmapped = new Map<string, UnmappedValue & { count: number }>()
  const count = (value: UnmappedValue) => {
    const key = `${value.kind}:${value.value}`
    const entry = unmapped.get(key) ?? { ...value, count: 0 }
    entry.count += 1
    unmapped.set(key, entry)
  }
  // How each source status lands (by the mapping, by name, or by category), said once per status.
  const statusNotes = new Map<string, string>()
  const noteStatusMapping = (ticket: Ticket) => {
    const key = `${ticket.status.id ?? ''}/${ticket.status.name}`
    if (statusNotes.has(key)) return
    const mapped = mapping.status(ticket)
    if (isUnmapped(mapped)) return
    const landed = targetLookups.statuses.find((status) => (mapped.id !== undefined ? status.id === mapped.id : status.category === mapped.category))
    const how =
      (options.mappingFile.statuses[ticket.status.name] ??
      (ticket.status.id !== undefined ? options.mappingFile.statuses[ticket.status.id] : undefined))
        ? 'by the mapping'
        : landed?.name.toLowerCase() === ticket.status.name.toLowerCase()
          ? 'by name'
          : 'by category'
    statusNotes.set(
      key,
      `Status ${ticket.status.name} (${ticket.status.category}) → ${landed ? `${landed.name} (${landed.category})` : (mapped.category ?? 'the default')} ${how}.`,
    )
  }
  const required = targetLookups.customFields.filter((field) => field.required)
  const missing = new Map<string, number>()
  const sample: string[] = []
  const readBatchLimit = source.capabilities.childrenReadBatchLimit
  const sampleSize = options.sampleSize ?? (readBatchLimit ? Math.min(readBatchLimit, ticketBatchSize) : 10)
  let tickets = 0
  let closedTickets = 0
  const people = new Set<string>()
  const seenValues = new SeenSourceValues()
  const { kept } = options
  kept?.start()
  const pages = source.tickets.list(options.query ?? {}, { signal: options.signal }).pages()
  for await (const page of pages) {
    kept?.keepPage(page)
    for (const ticket of page.items) noteTicket(ticket)
  }
  function noteTicket(ticket: Ticket) {
    options.onTicket?.(ticket)
    tickets += 1
    seenValues.note(ticket)
    if (sample.length < sampleSize) sample.push(ticket.id)
    for (const value of [mapping.status(ticket), mapping.priority(ticket), mapping.queue(ticket), mapping.ticketType(ticket)])
      if (isUnmapped(value)) count(value)
    noteStatusMapping(ticket)
    const mappedFields = new Set<string>()
    for (const [key, value] of Object.entries(ticket.customFields)) {
      // An empty value has nothing to lose: it neither needs a counterpart nor fills a required field.
      if (!hasValue(value)) continue
      const targetKey = mapping.customField(key)
      if (isUnmapped(targetKey)) count(targetKey)
      else mappedFields.add(targetKey)
    }
    for (const field of required) if (!mappedFields.has(field.key)) missing.set(field.key, (missing.get(field.key) ?? 0) + 1)
    if (ticket.status.category === 'resolved' || ticket.status.category === 'closed') closedTickets += 1
    for (const person of [ticket.requester, ticket.assignee]) if (person) people.add(person.id)
  }

  // The sample's comments, files and time read as the run reads a batch: together.
  const read = options.signal ? { signal: options.signal } : {}
  const total = (lists: Map<string, unknown[]>) => [...lists.values()].reduce((sum, list) => sum + list.length, 0)
  const readSample = async <T>(kind: 'comments' | 'files' | 'timeEntries', group: TicketChildren<T>) => {
    const answer = await listForTickets(group, sample, read)
    kept?.keepChildren(kind, answer)
    return total(answer)
  }
  const sampledComments = await readSample('comments', source.comments)
  const sampledAttachments = await readSample('files', source.attachments)
  const commentsPerTicket = sample.length > 0 ? sampledComments / sample.length : 0
  const attachmentsPerTicket = sample.length > 0 ? sampledAttachments / sample.length : 0
  // Time entries and relations move only where both ends keep them: sampled only then.
  const timeEntriesMove = source.capabilities.timeEntries && target.capabilities.timeEntries
  const relationsMove = source.capabilities.relations && target.capabilities.relations
  const sampledTimeEntries = timeEntriesMove ? await readSample('timeEntries', source.timeEntries) : 0
  let sampledRelations = 0
  // Relations are read ticket by ticket everywhere: a few are enough.
  for (const ticketId of sample.slice(0, 10)) {
    if (relationsMove) sampledRelations += (await source.relations.list(ticketId, { signal: options.signal })).length
  }
  const timeEntriesPerTicket = sample.length > 0 ? sampledTimeEntries / sample.length : 0
  const relationsPerTicket = sample.length > 0 ? sampledRelations / Math.min(sample.length, 10) : 0

  const { degradations, blocking } = capabilityGaps(source, target, options.mappingFile, targetLookups, options.allowUnmapped ?? false)
  degradations.push(...[...statusNotes.values()].filter((note) => note.endsWith('by category.')))
  degradations.push(...seenValues.unusedEntries(options.mappingFile))
  const { source: sourceRequests, target: targetRequests } = estimateRequests(
    {
      tickets,
      closedTickets,
      people: people.size,
      commentsPerTicket,
      attachmentsPerTicket,
      timeEntriesPerTicket,
      relationsPerTicket,
      timeEntriesMove,
      relationsMove,
    },
    source.capabilities,
    target.capabilities,
  )
  // The pace each adapter keeps to (its vendor's documented limit, or the budget it was given).
  const seconds = (adapter: TicketingAdapter, requests: number) => {
    const atBudget = secondsAtRateLimit(requests, adapter.rateLimit)
    return atBudget === undefined ? undefined : Math.ceil(atBudget)
  }
  const sourceSeconds = seconds(source, sourceRequests)
  const targetSeconds = seconds(target, targetRequests)
  return {
    source: { vendor: source.vendor, capabilities: source.capabilities },
    target: { vendor: target.vendor, capabilities: target.capabilities },
    tickets,
    unmapped: [...unmapped.values()].sort((left, right) => right.count - left.count),
    missingRequired: [...missing.entries()].map(([field, total]) => ({ field, count: total })),
    degradations,
    blocking,
    estimate: {
      sampledTickets: sample.length,
      commentsPerTicket,
      attachmentsPerTicket,
      timeEntriesPerTicket,
      relationsPerTicket,
      requests: { source: Math.ceil(sourceRequests), target: Math.ceil(targetRequests) },
      secondsAtRateLimit: {
        ...(sourceSeconds !== undefined ? { source: sourceSeconds } : {}),
        ...(targetSeconds !== undefined ? { target: targetSeconds } : {}),
      },
    },
  }
}

/** What the target cannot keep (degradations, each a warning) and what stops the run before it writes (blocking). */
function capabilityGaps(
  source: TicketingAdapter,
  target: TicketingAdapter,
  mappingFile: MappingFile,
  targetLookups: TargetLookups,
  allowUnmapped: boolean,
): { degradations: string[]; blocking: string[] } {
  const degradations: string[] = []
  const blocking: string[] = []
  const targetCapabilities = target.capabilities
  if (!targetCapabilities.tickets.create) blocking.push(`${target.vendor} cannot create tickets through its API.`)
  if (!targetCapabilities.comments.create) blocking.push(`${target.vendor} cannot create comments through its API.`)
  if (!targetCapabilities.comments.setAuthor)
    degradations.push('Comment authors cannot be set in the target: each comment starts with a provenance line naming its author.')
  if (!targetCapabilities.comments.setCreatedAt)
    degradations.push('Comment times cannot be set in the target: the provenance line keeps the original time.')
  if (!targetCapabilities.tickets.setCreatedAt)
    degradations.push(
      'Ticket creation times cannot be set in the target: tickets carry the time of import, and each description starts with a provenance line that keeps the original time.',
    )
  if (!targetCapabilities.comments.html) degradations.push('The target keeps comments as plain text: HTML is converted to text.')
  for (const problem of missingMappingTargets(mappingFile, targetLookups)) {
    if (allowUnmapped) degradations.push(`${problem} Those tickets get the target's default (allowUnmapped).`)
    else blocking.push(`${problem} Correct the mapping, or allow it (--allow-unmapped) to leave such tickets at the target's default.`)
  }
  if (!targetCapabilities.comments.visibilities.includes('internal'))
    blocking.push(`${target.vendor} has no internal comments: internal notes would become visible to requesters.`)
  if (!targetCapabilities.silentWrites)
    degradations.push(`${target.vendor} cannot suppress notifications for imported records: requesters may receive emails.`)
  if (!targetCapabilities.attachments.upload)
    degradations.push(`${target.vendor} cannot receive files: attachments are not moved (each one is reported).`)
  if (source.capabilities.timeEntries && !targetCapabilities.timeEntries)
    degradations.push(`${target.vendor} keeps no time entries: time worked in ${source.vendor} is not moved.`)
  if (source.capabilities.relations && !targetCapabilities.relations)
    degradations.push(`${target.vendor} keeps no ticket relations: parent, child and related links in ${source.vendor} are not moved.`)
  if (targetCapabilities.attachments.maxBytes !== undefined)
    degradations.push(`Files larger than ${targetCapabilities.attachments.maxBytes} bytes are refused by the target and reported as failed.`)

  return { degradations, blocking }
}
