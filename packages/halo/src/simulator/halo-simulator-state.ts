import { type HaloAgentPermission, seedAgents, seedTeams } from './halo-seed-agents'
import { seedAssets, seedClients, seedKbArticles, seedSites, seedUsers } from './halo-seed-directory'
import { seedCategories, seedLookups, seedOutcomes, seedPriorities, seedSlas, seedStatuses } from './halo-seed-lookups'
import { seedFieldInfos, seedTicketTypes } from './halo-seed-ticket-types'
import { type HaloJson, HaloTable } from './halo-table'

/** Which list a ticket belongs to: service requests and incidents, or projects (halo.md §4.13). */
export type HaloTicketDomain = 'reqs' | 'prjs'

/** One write the simulator accepted, with the behaviour flags the client sent (halo.md §3.1). */
export interface HaloWriteRecord {
  /** Collection path, such as `Tickets` or `Actions`. */
  resource: string
  id: number | string
  /** For actions: the ticket the action belongs to. */
  ticketId?: number
  operation: 'create' | 'update' | 'delete'
  /**
   * Flags such as `_novalidate`, `dont_do_rules`, `_dont_fire_automations`, `sendack`,
   * `_isimport`: every `_`-prefixed key and the named write switches, exactly as sent.
   */
  flags: Record<string, unknown>
  /** When, in Halo's date format. */
  at: string
}

/** The bytes behind an attachment record. */
export interface HaloAttachmentContent {
  data: Uint8Array
  contentType: string
}

/**
 * Everything the simulator stores, as Halo JSON records in tables. Tests may read and change it
 * directly (a seeded ticket, an expired SLA); the handlers see the change on the next request.
 */
export interface HaloSimulatorState {
  /** Tickets and projects (`Faults`), ids from 1001. */
  tickets: HaloTable
  ticketDomains: Map<number, HaloTicketDomain>
  /** Actions per ticket id, in action id order (the id is a per-ticket sequence). */
  actions: Map<number, HaloJson[]>
  attachments: HaloTable
  attachmentContents: Map<number, HaloAttachmentContent>
  ticketTypes: HaloTable
  statuses: HaloTable
  /** Priority `Policy` rows (UUID ids), one per priority per SLA. */
  priorities: HaloTable
  slas: HaloTable
  outcomes: HaloTable
  categories: HaloTable
  fieldInfos: HaloTable
  lookups: HaloTable
  users: HaloTable
  clients: HaloTable
  sites: HaloTable
  agents: HaloTable
  teams: HaloTable
  assets: HaloTable
  kbArticles: HaloTable
  /** What each agent may do through the API (its permissions, intersected with token scopes). */
  agentPermissions: Map<number, HaloAgentPermission>
  /** Every accepted write, oldest first. */
  writes: HaloWriteRecord[]
}

/** A fresh state with the built-in lookups and directory and no tickets. */
export function createHaloSimulatorState(): HaloSimulatorState {
  const agents = seedAgents()
  return {
    tickets: new HaloTable('Tickets', [], { firstId: 1001 }),
    ticketDomains: new Map(),
    actions: new Map(),
    attachments: new HaloTable('Attachment', [], { firstId: 9001 }),
    attachmentContents: new Map(),
    ticketTypes: new HaloTable('TicketType', seedTicketTypes()),
    statuses: new HaloTable('Status', seedStatuses()),
    priorities: new HaloTable('Priority', seedPriorities(), { uuidIds: true }),
    slas: new HaloTable('SLA', seedSlas()),
    outcomes: new HaloTable('Outcome', seedOutcomes()),
    categories: new HaloTable('Category', seedCategories()),
    fieldInfos: new HaloTable('FieldInfo', seedFieldInfos()),
    lookups: new HaloTable('Lookup', seedLookups(), { firstId: 100 }),
    users: new HaloTable('Users', seedUsers()),
    clients: new HaloTable('Client', seedClients()),
    sites: new HaloTable('Site', seedSites()),
    agents: new HaloTable(
      'Agent',
      agents.map((agent) => agent.record),
    ),
    teams: new HaloTable('Team', seedTeams()),
    assets: new HaloTable('Asset', seedAssets()),
    kbArticles: new HaloTable('KBArticle', seedKbArticles()),
    agentPermissions: new Map(agents.map((agent) => [agent.record.id as number, agent.permission])),
    writes: [],
  }
}
