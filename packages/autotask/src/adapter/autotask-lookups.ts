import type { CommentVisibility, PriorityLevel, StatusCategory } from '@ticketbridge/core'
import type { AutotaskPicklist } from '../client/autotask-metadata'
import type { AutotaskPicklistValue } from '../client/autotask-schemas'
import type { ResolvedAutotaskAdapterOptions } from './autotask-adapter-settings'

/**
 * The category of an Autotask ticket status. Only New (1) and Complete (5) are fixed system
 * values; every other status is tenant data, so the category comes from the label: "Waiting
 * Customer" is pending, "Resolved" resolved, "Cancelled" closed, anything else in progress.
 * The settings' `statusCategories` (by label or value) win over this.
 */
export function statusCategoryOf(value: AutotaskPicklistValue, overrides: Record<string, StatusCategory>): StatusCategory {
  const override = overrides[value.value] ?? overrides[value.label] ?? findIgnoringCase(overrides, value.label)
  if (override) return override
  const label = value.label.toLowerCase()
  if (value.value === '1' || /^new\b/.test(label)) return 'new'
  if (value.value === '5' || /\b(complete|completed|closed|cancel+ed|cancel|done|void)\b/.test(label)) return 'closed'
  if (/\bresolved?\b/.test(label)) return 'resolved'
  if (/\b(wait|waiting|pending|on hold|hold|paused|deferred|awaiting|scheduled)\b/.test(label)) return 'pending'
  return 'open'
}

/** The level of an Autotask priority, from its label ("Critical" is urgent, "Medium" normal), unless the settings say. */
export function priorityLevelOf(value: AutotaskPicklistValue, overrides: Record<string, PriorityLevel>): PriorityLevel {
  const override = overrides[value.value] ?? overrides[value.label] ?? findIgnoringCase(overrides, value.label)
  if (override) return override
  const label = value.label.toLowerCase()
  if (/\b(critical|urgent|emergency|p1|highest|severe)\b/.test(label)) return 'urgent'
  if (/\b(high|p2|important)\b/.test(label)) return 'high'
  if (/\b(low|p4|minor|planning|lowest)\b/.test(label)) return 'low'
  return 'normal'
}

/** Whether a note publish level hides the note from the customer: the tenant's internal levels say "Internal" in their label. */
function isInternalPublishLevel(value: AutotaskPicklistValue): boolean {
  return /\binternal\b/i.test(value.label)
}

function findIgnoringCase<T>(record: Record<string, T>, key: string): T | undefined {
  const lower = key.toLowerCase()
  for (const [name, value] of Object.entries(record)) if (name.toLowerCase() === lower) return value
  return undefined
}

/** The tenant's ticket picklists and note publish levels, with the mappings to the common model. */
export interface AutotaskTicketLookups {
  statuses: AutotaskPicklist
  priorities: AutotaskPicklist
  queues: AutotaskPicklist
  issueTypes: AutotaskPicklist
  statusCategory(value: number | null | undefined): StatusCategory
  priorityLevel(value: number | null | undefined): PriorityLevel
}

export function createTicketLookups(
  picklists: { statuses: AutotaskPicklist; priorities: AutotaskPicklist; queues: AutotaskPicklist; issueTypes: AutotaskPicklist },
  options: ResolvedAutotaskAdapterOptions,
): AutotaskTicketLookups {
  return {
    ...picklists,
    statusCategory(value) {
      const entry = picklists.statuses.values.find((candidate) => candidate.value === String(value))
      if (!entry) return value === 1 ? 'new' : value === 5 ? 'closed' : 'open'
      return statusCategoryOf(entry, options.statusCategories)
    },
    priorityLevel(value) {
      const entry = picklists.priorities.values.find((candidate) => candidate.value === String(value))
      return entry ? priorityLevelOf(entry, options.priorityLevels) : 'normal'
    },
  }
}

/** How comment visibility maps onto the tenant's note publish levels. */
export interface AutotaskPublishLevels {
  /** The level public comments are written with. */
  public: number | undefined
  /** The level internal comments are written with; undefined when the tenant has none. */
  internal: number | undefined
  /** The visibility of a stored note's level. Unknown levels count as internal: never show what may be private. */
  visibilityOf(value: number | null | undefined): CommentVisibility
}

export function createPublishLevels(publish: AutotaskPicklist, options: ResolvedAutotaskAdapterOptions): AutotaskPublishLevels {
  const resolve = (choice: number | string | undefined): number | undefined => {
    if (choice === undefined) return undefined
    if (typeof choice === 'number') return choice
    const value = publish.valueOf(choice)
    return value === undefined ? undefined : Number(value)
  }
  const internalValues = new Set(publish.values.filter(isInternalPublishLevel).map((value) => value.value))
  const configuredInternal = resolve(options.notePublish.internal)
  if (configuredInternal !== undefined) internalValues.add(String(configuredInternal))
  const configuredPublic = resolve(options.notePublish.public)
  if (configuredPublic !== undefined) internalValues.delete(String(configuredPublic))
  const publicDefault =
    publish.active.find((value) => !internalValues.has(value.value) && value.isDefaultValue) ??
    publish.active.find((value) => !internalValues.has(value.value))
  const internalDefault = publish.active.find((value) => internalValues.has(value.value))
  const known = new Set(publish.values.map((value) => value.value))
  return {
    public: configuredPublic ?? (publicDefault ? Number(publicDefault.value) : undefined),
    internal: configuredInternal ?? (internalDefault ? Number(internalDefault.value) : undefined),
    visibilityOf(value) {
      if (value === null || value === undefined) return 'internal'
      const key = String(value)
      if (!known.has(key) && configuredPublic !== Number(value)) return 'internal'
      return internalValues.has(key) ? 'internal' : 'public'
    },
  }
}
