import type { HaloJson } from './halo-table'

/**
 * The built-in configuration every simulator starts with: statuses, SLAs with their priority
 * policies, ticket types with field rules, outcomes, categories, custom field definitions,
 * lookup sets, and a small directory (agents, teams, clients, sites, users, assets, articles).
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
    useworkinghours: false,
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
    { id: 1, name: 'Standard', workday_id: 1, workday_name: 'Office hours', trackslaresponsetime: true, trackslafixbytime: true, responsereset: false },
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
        workdaysoverride: false,
        enterslaexcuse: false,
      })
    }
  }
  return rows
}

interface CustomFieldSeed {
  id: number
  name: string
  label: string
  type: number
  usage: number
  lookup?: number
  characterlimit?: number
}

const customFieldSeeds: CustomFieldSeed[] = [
  { id: 145, name: 'CFAssetTag', label: 'Asset tag', type: 0, usage: 1, characterlimit: 50 },
  { id: 146, name: 'CFSeverity', label: 'Severity', type: 2, usage: 1, lookup: severityLookupId },
  { id: 147, name: 'CFExternalReference', label: 'External reference', type: 0, usage: 1, characterlimit: 255 },
  { id: 148, name: 'CFChangeWindow', label: 'Change window', type: 4, usage: 1 },
  { id: 160, name: 'CFAccountCode', label: 'Account code', type: 0, usage: 2, characterlimit: 20 },
  { id: 170, name: 'CFWarrantyExpiry', label: 'Warranty expiry', type: 4, usage: 5 },
]

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

/** System fields of tickets (custom 0) plus the custom field definitions (custom 1). */
export function seedFieldInfos(): HaloJson[] {
  const lookups = seedLookups()
  const system: HaloJson[] = [
    { id: 1, name: 'summary', label: 'Summary', type: 0, inputtype: 0, custom: 0, usage: 1, characterlimit: 255 },
    { id: 2, name: 'details', label: 'Details', type: 1, inputtype: 0, custom: 0, usage: 1, characterlimit: 0 },
    { id: 3, name: 'category_1', label: 'Category', type: 2, inputtype: 0, custom: 0, usage: 1, characterlimit: 0 },
  ]
  const custom = customFieldSeeds.map((seed) => ({
    id: seed.id,
    name: seed.name,
    label: seed.label,
    type: seed.type,
    inputtype: 0,
    custom: 1,
    usage: seed.usage,
    lookup: seed.lookup ?? 0,
    characterlimit: seed.characterlimit ?? 0,
    mandatory: false,
    readonly: false,
    searchable: true,
    hint: '',
    values: seed.lookup ? lookups.filter((row) => row.lookupid === seed.lookup).map((row) => ({ id: row.id, name: row.name })) : [],
  }))
  return [...system.map((field) => ({ ...field, mandatory: false, readonly: false, lookup: 0, hint: '', values: [] })), ...custom]
}

interface TicketTypeSeed {
  id: number
  name: string
  sla: number
  visible?: boolean
  /** Field id to rule code (see haloFieldRule). */
  fields: Record<number, number>
}

const ticketTypeSeeds: TicketTypeSeed[] = [
  { id: 1, name: 'Incident', sla: 1, fields: { 1: 2, 2: 2, 3: 1, 146: 1, 145: 1, 147: 1 } },
  { id: 2, name: 'Service Request', sla: 1, fields: { 1: 2, 2: 1, 3: 2, 147: 1 } },
  { id: 3, name: 'Problem', sla: 2, fields: { 1: 2, 2: 2, 147: 1 } },
  { id: 4, name: 'Change Request', sla: 1, fields: { 1: 2, 2: 2, 148: 2, 147: 1 } },
  { id: 5, name: 'Legacy Fault', sla: 1, visible: false, fields: { 1: 2, 2: 1 } },
  { id: projectTicketTypeId, name: 'Project', sla: 1, fields: { 1: 2, 2: 1 } },
]

/**
 * Ticket types as `GET /TicketType/{id}?includedetails=true` returns them: the RequestType with
 * its `fields` (RequestTypeField rows, each with its FieldInfo and the rule codes).
 */
export function seedTicketTypes(): HaloJson[] {
  const fieldInfos = seedFieldInfos()
  return ticketTypeSeeds.map((seed) => {
    const fields = Object.entries(seed.fields).map(([fieldId, rule], index) => {
      const info = fieldInfos.find((field) => field.id === Number(fieldId))!
      return {
        id: seed.id * 100 + index + 1,
        rtid: seed.id,
        fieldid: Number(fieldId),
        fieldname: info.name,
        seq: index + 1,
        groupid: 0,
        technew: rule,
        techdetail: rule,
        endusernew: rule,
        enduserdetail: rule,
        restrictupdate: false,
        fieldinfo: { ...info, mandatory: rule === haloFieldRule.mandatory },
      }
    })
    return {
      id: seed.id,
      name: seed.name,
      sequence: seed.id,
      use: seed.id === projectTicketTypeId ? 'prjs' : 'reqs',
      visible: seed.visible ?? true,
      cancreate: true,
      agentscanselect: seed.visible ?? true,
      enduserscanselect: seed.id <= 3,
      itilrequesttype: seed.id,
      default_sla: seed.sla,
      initial_status: 1,
      workflow_id: 0,
      allowall_status: true,
      allowall_category1: true,
      default_category_1: '',
      default_summary: '',
      default_details: '',
      hasmandatorytechfields: fields.some((field) => field.technew === haloFieldRule.mandatory),
      hasmandatoryuserfields: fields.some((field) => field.endusernew === haloFieldRule.mandatory),
      fieldidlist: fields.map((field) => field.fieldid).join(','),
      fields,
    }
  })
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
    sendemail: false,
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
    outcome(1, 'Email User', { sendemail: true }),
    outcome(2, 'Note'),
    outcome(3, 'Close Ticket', { newstatus: 9 }),
    outcome(4, 'Resolve', { newstatus: 18 }),
    outcome(5, 'Reopen', { newstatus: 2 }),
    outcome(6, 'Log Time', { hidefromuser: true }),
    outcome(7, 'Private Note', { hidefromuser: true }),
    outcome(8, 'Waiting on User', { newstatus: 4, sendemail: true, slaholdischecked: true }),
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

export function seedTeams(): HaloJson[] {
  const team = (id: number, name: string, extra: Partial<Record<string, unknown>> = {}): HaloJson => ({
    id,
    name,
    sequence: id,
    forrequests: true,
    foropps: false,
    forprojects: false,
    department_id: 1,
    department_name: 'IT',
    inactive: false,
    ...extra,
  })
  return [
    team(1, 'Service Desk'),
    team(2, 'Infrastructure'),
    team(3, 'Projects', { forrequests: false, forprojects: true }),
    team(4, 'Field Services (retired)', { inactive: true }),
  ]
}

/** Agent permission the simulator enforces on writes: the login-as agent's rights (halo.md §2.2). */
export type HaloAgentPermission = 'read' | 'write'

export interface AgentSeed {
  record: HaloJson
  permission: HaloAgentPermission
}

export function seedAgents(): AgentSeed[] {
  const agent = (id: number, firstname: string, surname: string, team: string, extra: Partial<Record<string, unknown>> = {}): HaloJson => ({
    id,
    name: `${firstname} ${surname}`,
    firstname,
    surname,
    initials: `${firstname[0]}${surname[0]}`,
    email: `${firstname}.${surname}`.toLowerCase().replace(/\s+/g, '') + '@helpdesk.example.com',
    team,
    teams: [{ id: 0, name: team }],
    isdisabled: false,
    is_agent: true,
    isapiagent: false,
    jobtitle: 'Support Analyst',
    colour: '#2563eb',
    ...extra,
  })
  return [
    { record: agent(1, 'Morgan', 'Admin', 'Service Desk', { jobtitle: 'Service Desk Manager' }), permission: 'write' },
    { record: agent(2, 'Sam', 'Agent', 'Service Desk'), permission: 'write' },
    { record: agent(3, 'Alex', 'Engineer', 'Infrastructure', { jobtitle: 'Infrastructure Engineer' }), permission: 'write' },
    { record: agent(4, 'Robin', 'Reader', 'Service Desk', { jobtitle: 'Auditor' }), permission: 'read' },
    { record: agent(5, 'API', 'Integration', 'Service Desk', { isapiagent: true, jobtitle: 'Integration' }), permission: 'write' },
    { record: agent(6, 'Dana', 'Departed', 'Infrastructure', { isdisabled: true }), permission: 'read' },
  ]
}

/** The agent a client_credentials token of the full-rights application acts as. */
export const integrationAgentId = 5
/** The agent the read-only application logs in as. */
export const readOnlyAgentId = 4
/** The agent the password grant signs in (see `credentials.username`). */
export const passwordAgentId = 2

export function seedClients(): HaloJson[] {
  const client = (id: number, name: string, extra: Partial<Record<string, unknown>> = {}): HaloJson => ({
    id,
    name,
    toplevel_id: 1,
    toplevel_name: 'Customers',
    inactive: false,
    colour: '',
    notes: '',
    pritech: 2,
    sectech: 3,
    accountmanagertech: 1,
    datecreated: '2023-01-09T09:00:00',
    customfields: [],
    ...extra,
  })
  return [
    client(1, 'Contoso Ltd', { customfields: [{ id: 160, value: 'CON-001' }] }),
    client(2, 'Fabrikam Inc', { customfields: [{ id: 160, value: 'FAB-002' }] }),
    client(3, 'Northwind Traders'),
    client(4, 'Tailspin Toys', { inactive: true }),
  ]
}

export function seedSites(): HaloJson[] {
  const site = (id: number, name: string, clientId: number, slaId: number, extra: Partial<Record<string, unknown>> = {}): HaloJson => ({
    id,
    name,
    client_id: clientId,
    inactive: false,
    sla_id: slaId,
    phonenumber: `+44 20 7946 0${String(100 + id)}`,
    timezone: 'GMT Standard Time',
    notes: '',
    ...extra,
  })
  return [
    site(1, 'Head Office', 1, 1),
    site(2, 'Warehouse', 1, 1),
    site(3, 'Main Office', 2, 2),
    site(4, 'HQ', 3, 1),
    site(5, 'HQ', 4, 1, { inactive: true }),
  ]
}

export function seedUsers(): HaloJson[] {
  const user = (id: number, firstname: string, surname: string, siteId: number, domain: string, extra: Partial<Record<string, unknown>> = {}): HaloJson => ({
    id,
    name: `${firstname} ${surname}`,
    firstname,
    surname,
    emailaddress: `${firstname}.${surname}@${domain}`.toLowerCase(),
    phonenumber: '',
    mobilenumber: '',
    login: `${firstname}.${surname}`.toLowerCase(),
    site_id: siteId,
    inactive: false,
    linked_agent_id: 0,
    priority_id: 0,
    datecreated: '2023-02-01T10:30:00',
    customfields: [],
    ...extra,
  })
  return [
    user(1, 'Jane', 'Doe', 1, 'contoso.example.com', { phonenumber: '+44 20 7946 0011' }),
    user(2, 'John', 'Smith', 2, 'contoso.example.com'),
    user(3, 'Priya', 'Patel', 3, 'fabrikam.example.com'),
    user(4, 'Tom', 'Brown', 4, 'northwind.example.com'),
    user(5, 'Lee', 'Chen', 3, 'fabrikam.example.com', { inactive: true }),
  ]
}

export function seedAssets(): HaloJson[] {
  const asset = (id: number, tag: string, typeId: number, typeName: string, clientId: number, siteId: number, model: string): HaloJson => ({
    id,
    inventory_number: tag,
    key_field: model,
    key_field2: `SN-${(7340 + id * 17).toString(16).toUpperCase()}`,
    key_field3: '',
    client_id: clientId,
    site_id: siteId,
    assettype_id: typeId,
    assettype_name: typeName,
    status_id: 1,
    inactive: false,
    fields: [],
    customfields: [],
    users: [],
  })
  return [
    asset(1, 'LT-0042', 1, 'Laptop', 1, 1, 'Dell Latitude 7440'),
    asset(2, 'PR-0007', 2, 'Printer', 1, 1, 'HP LaserJet M507'),
    asset(3, 'SRV-0001', 3, 'Server', 2, 3, 'Dell PowerEdge R650'),
  ]
}

export function seedKbArticles(): HaloJson[] {
  const article = (id: number, name: string, description: string, extra: Partial<Record<string, unknown>> = {}): HaloJson => ({
    id,
    name,
    description,
    description_html: `<p>${description}</p>`,
    resolution: '',
    resolution_html: '',
    tag_string: '',
    tags: [],
    type: 0,
    inactive: false,
    date_created: '2023-03-01T09:00:00',
    date_edited: '2023-03-01T09:00:00',
    next_review_date: '1900-01-01T00:00:00',
    view_count: 0,
    useful_count: 0,
    notuseful_count: 0,
    teams: [],
    attachments: [],
    ...extra,
  })
  return [
    article(1, 'How to reset your password', 'Use the self-service portal to reset a forgotten password.', { tag_string: 'password,access', view_count: 41 }),
    article(2, 'Connecting to the VPN', 'Install the VPN client and sign in with your network account.', { tag_string: 'vpn,network', view_count: 17 }),
    article(3, 'Printer troubleshooting', 'Power-cycle the printer and clear the queue before logging a ticket.', { tag_string: 'printer' }),
    article(4, 'Sending a fax', 'The fax service was retired in 2022.', { inactive: true }),
  ]
}
