import type { HaloJson } from './halo-table'

/**
 * The built-in configuration every simulator starts with: statuses, SLAs with their priority
 * policies, outcomes, categories and lookup sets here; ticket types with field rules and custom
 * field definitions in halo-seed-ticket-types.ts; a small directory in halo-seed-agents.ts
 * (agents, teams) and halo-seed-directory.ts (clients, sites, users, assets, articles).
 *
 * Field names and shapes follow the spec's schemas (TStatus, SlaHead, Policy, RequestType,
 * RequestTypeField, FieldInfo, TOutcome, CategoryDetail, Lookup, Uname, SectionDetail, Area,
 * Site, Users, Device, KBEntry). Halo documents no code values, so these are the simulator's
 * own, stated once here and marked [I] (inferred) where halo.md does:
 * - `TStatus.type`: 0 open, 1 closed, 2 waiting (pending). `slaaction`: `N` no change, `H` hold the
 *   SLA clock, `R` release it. Ids follow a default install: 1 New, 2 In Progress, 9 Closed.
 * - `RequestTypeField.technew`/`endusernew`: 0 hidden, 1 shown, 2 mandatory.
 * - `FieldInfo.type`: 0 text, 1 memo, 2 single choice, 3 multiple choice, 4 date, 6 checkbox;
 *   `usage` (and the `typeid` filter): 1 tickets, 2 clients, 3 sites, 5 assets (halo.md §4.4).
 * - Priorities: every SLA carries the same four `priorityid`s (1 Critical … 4 Low), each as its
 *   own `Policy` row with a UUID id, so a ticket's `priority_id` is valid under any SLA.
 */

/** Status type codes used by the simulator (see the module comment). */
export const haloStatusType = { open: 0, closed: 1, waiting: 2 } as const

/** Ticket field rule codes in `RequestTypeField.technew` (see the module comment). */
export const haloFieldRule = { hidden: 0, shown: 1, mandatory: 2 } as const

/** The lookup set (`Lookup.lookupid`) holding the CFSeverity choices. */
export const severityLookupId = 1000

/** Ticket type created when a ticket names none: the instance default, here Incident. */
export const defaultTicketTypeId = 1
/** Priority given to a ticket that names none. */
export const defaultPriorityId = 3
/** Ticket type the simulator gives projects. */
export const projectTicketTypeId = 6

export function seedStatuses(): HaloJson[] {
  const status = (id: number, name: string, type: number, slaaction: string, colour: string, sequence: number): HaloJson => ({
    id,
    name,
    shortname: name.slice(0, 4).toUpperCase(),
    type,
    sequence,
    colour,
    slaaction,
    showonquickchange: true,
    // An int32 in the spec's TStatus, not a boolean.
    useworkinghours: 0,
  })
  return [
    status(1, 'New', haloStatusType.open, 'N', '#3b82f6', 1),
    status(2, 'In Progress', haloStatusType.open, 'N', '#f59e0b', 2),
    status(3, 'Action Required', haloStatusType.open, 'N', '#ef4444', 3),
    status(4, 'Waiting on User', haloStatusType.waiting, 'H', '#a855f7', 4),
    status(5, 'Waiting on Supplier', haloStatusType.waiting, 'H', '#8b5cf6', 5),
    status(8, 'Updated', haloStatusType.open, 'R', '#14b8a6', 6),
    status(18, 'Resolved', haloStatusType.closed, 'N', '#22c55e', 7),
    status(9, 'Closed', haloStatusType.closed, 'N', '#6b7280', 8),
    status(10, 'Cancelled', haloStatusType.closed, 'N', '#9ca3af', 9),
  ]
}

const priorityNames: [number, string, string][] = [
  [1, 'Critical', '#dc2626'],
  [2, 'High', '#f97316'],
  [3, 'Medium', '#eab308'],
  [4, 'Low', '#22c55e'],
]

/** Response and fix targets in hours per SLA and priority. */
const targets: Record<number, Record<number, [number, number]>> = {
  1: { 1: [1, 4], 2: [2, 8], 3: [4, 24], 4: [8, 72] },
  2: { 1: [0.5, 2], 2: [1, 4], 3: [2, 12], 4: [4, 48] },
}

export function seedSlas(): HaloJson[] {
  return [
    {
      id: 1,
      name: 'Standard',
      workday_id: 1,
      workday_name: 'Office hours',
      trackslaresponsetime: true,
      trackslafixbytime: true,
      responsereset: false,
    },
    { id: 2, name: 'Gold', workday_id: 2, workday_name: '24x7', trackslaresponsetime: true, trackslafixbytime: true, responsereset: false },
  ]
}

/** The `Policy` rows: one per priority per SLA, UUID ids. */
export function seedPriorities(): HaloJson[] {
  const rows: HaloJson[] = []
  for (const slaid of [1, 2]) {
    for (const [priorityid, name, colour] of priorityNames) {
      const [responsetime, fixtime] = targets[slaid]![priorityid]!
      rows.push({
        id: `5e1a0000-0000-4000-8000-0000000${slaid}000${priorityid}`,
        slaid,
        priorityid,
        name,
        responsetime,
        responseunits: 'hours',
        fixtime,
        fixunits: 'hours',
        colour,
        ishidden: false,
        workdaysoverride: 0,
        enterslaexcuse: false,
      })
    }
  }
  return rows
}

/** Lookup rows of a set, as `GET /Lookup?lookupid=` returns them. */
export function seedLookups(): HaloJson[] {
  const severity = ['Minor', 'Moderate', 'Major'].map((name, index) => ({
    id: index + 1,
    lookupid: severityLookupId,
    name,
    sequence: index + 1,
    inactive: false,
    value2: '',
    sub_lookup: [],
  }))
  return severity
}

export function seedOutcomes(): HaloJson[] {
  const outcome = (id: number, name: string, extra: Partial<Record<string, unknown>> = {}): HaloJson => ({
    id,
    outcome: name,
    buttonname: name,
    labellong: name,
    sequence: id,
    hidden: false,
    systemid: 0,
    hidefromuser: false,
    // An int32 on outcomes in the spec's TOutcome (a boolean on actions).
    sendemail: 0,
    newstatus: 0,
    slaholdischecked: false,
    slareleaseischecked: false,
    defaultpriority: 0,
    defaultteam: '',
    default_note: '',
    workflow_id: 0,
    requesttype: 0,
    ...extra,
  })
  return [
    outcome(1, 'Email User', { sendemail: 1 }),
    outcome(2, 'Note'),
    outcome(3, 'Close Ticket', { newstatus: 9 }),
    outcome(4, 'Resolve', { newstatus: 18 }),
    outcome(5, 'Reopen', { newstatus: 2 }),
    outcome(6, 'Log Time', { hidefromuser: true }),
    outcome(7, 'Private Note', { hidefromuser: true }),
    outcome(8, 'Waiting on User', { newstatus: 4, sendemail: 1, slaholdischecked: true }),
    outcome(20, 'Ticket Logged', { systemid: 1, hidden: true }),
  ]
}

/** The outcome of the action Halo adds when a ticket is logged. */
export const ticketLoggedOutcomeId = 20

export function seedCategories(): HaloJson[] {
  const values = ['Hardware', 'Hardware>Laptop', 'Hardware>Printer', 'Software', 'Software>Email', 'Network', 'Network>VPN', 'Access>Password Reset']
  return values.map((value, index) => ({
    id: index + 1,
    value,
    category_name: value.split('>').at(-1),
    type_id: 1,
    sla_id: 0,
    priority_id: 0,
    category_group_id: 0,
  }))
}
