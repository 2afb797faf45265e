import { type CallOptions, type Paginated, ValidationError } from '@ticketbridge/core'
import type { AutotaskEntityModels, AutotaskEntityRoute } from '../generated/autotask-entities'
import type { AutotaskConnection } from './autotask-connection'
import { AutotaskEntity, type AutotaskWriteOptions } from './autotask-entity'
import { autotaskFilter } from './autotask-filter'
import type { AutotaskMetadata } from './autotask-metadata'
import type { AutotaskListOptions, AutotaskQuery, AutotaskRecord } from './autotask-query'

/** A ticket (`TicketModel`) as the client returns it. */
export type AutotaskTicket = AutotaskRecord<AutotaskEntityModels['Tickets']>
/** A ticket note (`TicketNoteModel`) as the client returns it. */
export type AutotaskTicketNote = AutotaskRecord<AutotaskEntityModels['TicketNotes']>

/** A note to add to a ticket. */
export interface AutotaskNoteInput {
  /** The note text (plain text: Autotask keeps no HTML in notes). */
  description: string
  /** Defaults to the first line of the description. */
  title?: string
  /** The `noteType` picklist value or label; defaults to the tenant's default (else 1). */
  noteType?: number | string
  /** The `publish` picklist value or label (who may read it); defaults to the tenant's default (else 1). */
  publish?: number | string
}

/** Longest note title Autotask stores. */
const noteTitleLength = 250

/** Ticket notes: the `TicketNotes` entity (written under `/Tickets/{id}/Notes`) and helpers. */
export class AutotaskTicketNotes extends AutotaskEntity<AutotaskEntityModels['TicketNotes']> {
  /** A ticket's notes, paged by id. */
  forTicket(ticketId: number, options: AutotaskListOptions = {}): Paginated<AutotaskTicketNote> {
    return this.queryAll({ filter: [autotaskFilter.eq('ticketID', ticketId)] }, options)
  }

  /**
   * The notes of many tickets with as few requests as Autotask allows: `ticketID in [...]` lists
   * of up to 500 tickets, 500 notes per page. One request per ticket would cost the hourly budget
   * a request per ticket instead.
   */
  forTickets(ticketIds: readonly number[], query: AutotaskQuery = {}, options: CallOptions = {}): Paginated<AutotaskTicketNote> {
    return this.queryIn('ticketID', ticketIds, query, options)
  }

  /** Adds a note to a ticket (`POST /Tickets/{ticketId}/Notes`) and returns its id. */
  async add(ticketId: number, note: AutotaskNoteInput, options: AutotaskWriteOptions = {}): Promise<number> {
    if (typeof note.description !== 'string' || note.description.trim() === '') {
      throw new ValidationError('A note needs a description. Nothing was sent.', {
        status: 0,
        vendor: 'autotask',
        issues: [{ field: 'description', message: 'required' }],
      })
    }
    const [noteType, publish] = await Promise.all([
      this.picklistValue('noteType', note.noteType, options),
      this.picklistValue('publish', note.publish, options),
    ])
    const title = (note.title ?? note.description.split(/\r?\n/).find((line) => line.trim() !== '') ?? 'Note').trim().slice(0, noteTitleLength)
    return this.create({ ticketID: ticketId, title, description: note.description, noteType, publish }, { ...options, parentId: ticketId })
  }

  /** A picklist value from a value, a label, or (when absent) the tenant's default, else 1. */
  private async picklistValue(field: string, wanted: number | string | undefined, options: CallOptions): Promise<number> {
    if (typeof wanted === 'number') return wanted
    const picklist = await this.picklist(field, options)
    if (wanted === undefined) {
      const fallback = picklist.defaultValue() ?? picklist.active[0]?.value ?? 1
      return Number(fallback)
    }
    const value = picklist.valueOf(wanted)
    if (value === undefined) {
      throw new ValidationError(
        `No ${field} labelled "${wanted}"; the tenant has ${picklist.active.map((entry) => entry.label).join(', ') || 'none'}. Nothing was sent.`,
        {
          status: 0,
          vendor: 'autotask',
          issues: [{ field, message: `unknown label ${wanted}` }],
        },
      )
    }
    return Number(value)
  }
}

/** Tickets: the `Tickets` entity and the helpers of everyday service-desk work. */
export class AutotaskTickets extends AutotaskEntity<AutotaskEntityModels['Tickets']> {
  constructor(
    connection: AutotaskConnection,
    metadata: AutotaskMetadata,
    route: AutotaskEntityRoute,
    private readonly notesEntity: AutotaskTicketNotes,
  ) {
    super(connection, metadata, 'Tickets', route)
  }

  /** A company's tickets (optionally narrowed further by `query.filter`). */
  byCompany(companyId: number, query: AutotaskQuery = {}, options: AutotaskListOptions = {}): Paginated<AutotaskTicket> {
    return this.queryAll({ ...query, filter: [autotaskFilter.eq('companyID', companyId), ...(query.filter ?? [])] }, options)
  }

  /** The tickets assigned to a resource (primary resource). */
  byResource(resourceId: number, query: AutotaskQuery = {}, options: AutotaskListOptions = {}): Paginated<AutotaskTicket> {
    return this.queryAll({ ...query, filter: [autotaskFilter.eq('assignedResourceID', resourceId), ...(query.filter ?? [])] }, options)
  }

  /** Sets a ticket's status, by picklist value or label (`'Complete'`). */
  async setStatus(ticketId: number, status: number | string, options: AutotaskWriteOptions = {}): Promise<number> {
    let value = status
    if (typeof status === 'string') {
      const picklist = await this.picklist('status', options)
      const found = picklist.valueOf(status)
      if (found === undefined) {
        throw new ValidationError(
          `No ticket status labelled "${status}"; the tenant has ${picklist.active.map((entry) => entry.label).join(', ')}. Nothing was sent.`,
          {
            status: 0,
            vendor: 'autotask',
            issues: [{ field: 'status', message: `unknown label ${status}` }],
          },
        )
      }
      value = found
    }
    return this.update({ id: ticketId, status: Number(value) }, options)
  }

  /**
   * Assigns a ticket to a resource. Autotask needs the resource and a role together; without
   * `roleId` the resource's default service-desk role is used (one more request).
   */
  async assign(ticketId: number, assignee: { resourceId: number; roleId?: number }, options: AutotaskWriteOptions = {}): Promise<number> {
    let roleId = assignee.roleId
    if (roleId === undefined) {
      const resource = (
        await this.connection.send<{ item?: { defaultServiceDeskRoleID?: number | null } | null }>({
          method: 'GET',
          path: `/Resources/${assignee.resourceId}`,
          ...(options.signal ? { signal: options.signal } : {}),
          ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
        })
      ).data
      const found = resource?.item?.defaultServiceDeskRoleID
      if (typeof found !== 'number') {
        throw new ValidationError(`Resource ${assignee.resourceId} has no default service-desk role; pass roleId. Nothing was changed.`, {
          status: 0,
          vendor: 'autotask',
          issues: [{ field: 'roleId', message: 'required: the resource has no default service-desk role' }],
        })
      }
      roleId = found
    }
    return this.update({ id: ticketId, assignedResourceID: assignee.resourceId, assignedResourceRoleID: roleId }, options)
  }

  /** Adds a note to a ticket; see {@link AutotaskTicketNotes.add}. */
  addNote(ticketId: number, note: AutotaskNoteInput, options: AutotaskWriteOptions = {}): Promise<number> {
    return this.notesEntity.add(ticketId, note, options)
  }

  /** A ticket's notes, paged by id. */
  notes(ticketId: number, options: AutotaskListOptions = {}): Paginated<AutotaskTicketNote> {
    return this.notesEntity.forTicket(ticketId, options)
  }
}
