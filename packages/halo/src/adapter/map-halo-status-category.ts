import type { StatusCategory } from '@ticketbridge/core'

/** What the instance itself says about a status: whether `excludeclosed` or `excludepending` drop it. */
export interface HaloStatusEvidence {
  id: string
  name: string
  /** True when `GET /Status?excludeclosed=true` leaves it out; undefined when the instance ignored the filter. */
  closed?: boolean
  /** True when `GET /Status?excludepending=true` leaves it out; undefined when the instance ignored the filter. */
  pending?: boolean
}

/**
 * The common category of one of the instance's statuses. Nothing is keyed on Halo's ids (each
 * instance defines its own statuses); the evidence is, in order:
 * 1. the caller's `statusCategories` setting, by id or name;
 * 2. a status named like "New" is `new`;
 * 3. the instance's own classes: statuses `excludeclosed` drops are `closed` (or `resolved` when
 *    named so), statuses `excludepending` drops are `pending`;
 * 4. the name: resolved, closed/cancelled/completed, on hold/waiting/pending, else `open`.
 */
export function mapHaloStatusCategory(status: HaloStatusEvidence, overrides: Readonly<Record<string, StatusCategory>> = {}): StatusCategory {
  const override = overrides[status.id] ?? findByName(overrides, status.name)
  if (override !== undefined) return override
  const name = status.name.toLowerCase()
  const resolvedName = /\bresolv|\bfixed\b/.test(name)
  const closedName = /\bclos|cancel|complete|\bdone\b|reject|withdrawn|duplicate/.test(name)
  const pendingName = /hold|pend|wait|await|with (the )?(user|customer|client|supplier|third|vendor)|defer|paused|scheduled/.test(name)
  if (/^\s*new\b|\bnew\s*$|^logged$|^unassigned$/.test(name) && status.closed !== true) return 'new'
  if (status.closed === true) return resolvedName && !/clos/.test(name) ? 'resolved' : 'closed'
  if (status.pending === true) return 'pending'
  if (resolvedName) return 'resolved'
  if (closedName) return 'closed'
  if (pendingName) return 'pending'
  return 'open'
}

function findByName<T>(overrides: Readonly<Record<string, T>>, name: string): T | undefined {
  const wanted = name.trim().toLowerCase()
  for (const [key, value] of Object.entries(overrides)) if (key.trim().toLowerCase() === wanted) return value
  return undefined
}
