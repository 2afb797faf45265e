import type { Paginated } from '@ticketbridge/core'
import { z } from 'zod'
import { type HaloCallOptions, HaloCollection, localValidationError, type HaloRequestContext } from '../halo-collection'
import type { HaloListQuery, HaloQueryOf, HaloWritable } from '../halo-openapi-types'
import { haloId, optionalDate, optionalFlag, optionalId, optionalNumber, optionalText } from '../halo-schema-fields'

/**
 * An action (`Actions`): a note, an email or time worked on a ticket. Its `id` is a sequence
 * number within the ticket, so an action is identified by (`ticket_id`, `id`).
 */
export const haloActionSchema = z.looseObject({
  id: haloId,
  ticket_id: optionalId,
  outcome: optionalText,
  outcome_id: optionalId,
  /** The author's display name (an answer field the spec does not declare). */
  who: optionalText,
  who_type: optionalNumber,
  who_agentid: optionalId,
  actionby_agent_id: optionalId,
  actionby_user_id: optionalId,
  datetime: optionalDate,
  actiondatecreated: optionalDate,
  actionarrivaldate: optionalDate,
  actioncompletiondate: optionalDate,
  last_updated: optionalDate,
  note: optionalText,
  /** Only on lists asked `includehtmlnote=true`, and on single actions. */
  note_html: optionalText,
  hiddenfromuser: optionalFlag,
  emailfrom: optionalText,
  emailto: optionalText,
  emailsubject: optionalText,
  /** Hours. */
  timetaken: optionalNumber,
  new_status: optionalId,
  attachment_list: z.unknown().optional(),
  _warning: optionalText,
})
export type HaloAction = z.infer<typeof haloActionSchema>

/** An action to create, with Halo's field names. `ticket_id` and an outcome are required. */
export type HaloActionInput = HaloWritable<'Actions'>
/** Every filter of `GET /Actions` the spec declares. */
export type HaloActionQuery = HaloListQuery<'/Actions'>

/** A note: the text, who may see it, and optionally time worked. */
export interface HaloNoteInput {
  /** Plain text; give this, `note_html`, or both. */
  note?: string
  note_html?: string
  /** `true` (the default) keeps the note from the end user: a private note. */
  hiddenfromuser?: boolean
  /** The outcome (action type); one of `outcome_id` or `outcome` is required by Halo. */
  outcome_id?: number
  outcome?: string
  /** Hours worked. */
  timetaken?: number
  [field: string]: unknown
}

/** An email to the end user (or others) recorded as an action. */
export interface HaloEmailInput extends Omit<HaloNoteInput, 'hiddenfromuser'> {
  emailto: string
  emailcc?: string
  emailsubject?: string
}

type ActionTypes = {
  row: HaloAction
  listQuery: HaloActionQuery
  getQuery: HaloQueryOf<'/Actions/{id}', 'get'>
  deleteQuery: { ticket_id: number }
  input: HaloActionInput
}

function positiveInteger(value: unknown): boolean {
  const numeric = typeof value === 'string' ? Number(value) : value
  return typeof numeric === 'number' && Number.isInteger(numeric) && numeric > 0
}

/**
 * Actions (`/Actions`): a ticket's notes, emails and time entries. Reads and deletes name the
 * ticket too, because action ids are numbered per ticket.
 *
 * @example
 * await client.actions.createNote(4813, { note_html: '<p>Escalating.</p>', outcome_id: 7, timetaken: 0.25 })
 * const actions = await client.actions.listForTicket(4813, { excludesys: true, includehtmlnote: true })
 */
export class HaloActions {
  private readonly collection: HaloCollection<ActionTypes>

  constructor(context: HaloRequestContext) {
    this.collection = new HaloCollection<ActionTypes>(context, {
      path: '/Actions',
      listKey: 'actions',
      paged: false,
      row: haloActionSchema,
      what: 'action',
    })
  }

  /** Actions matching the filters (Halo returns them in one answer; `count` caps it). */
  list(query: HaloActionQuery = {}, options: HaloCallOptions = {}): Paginated<HaloAction> {
    return this.collection.list(query, options)
  }

  /** Every action of one ticket. */
  async listForTicket(ticketId: number, query: Omit<HaloActionQuery, 'ticket_id'> = {}, options: HaloCallOptions = {}): Promise<HaloAction[]> {
    return (await this.collection.listPage({ ...query, ticket_id: ticketId }, options)).rows
  }

  /** One action of a ticket. */
  get(
    ticketId: number,
    actionId: number,
    query: Omit<HaloQueryOf<'/Actions/{id}', 'get'>, 'ticket_id'> = {},
    options: HaloCallOptions = {},
  ): Promise<HaloAction> {
    return this.collection.get(actionId, { includedetails: true, ...query, ticket_id: ticketId }, options)
  }

  /** Creates one action. Halo requires `ticket_id` and an outcome (`outcome_id` or `outcome`). */
  async create(action: HaloActionInput, options: HaloCallOptions = {}): Promise<HaloAction> {
    const [created] = await this.createMany([action], options)
    return created!
  }

  /** Creates actions in batches of up to `batchSize`. */
  async createMany(actions: readonly HaloActionInput[], options: HaloCallOptions = {}): Promise<HaloAction[]> {
    actions.forEach((action, index) => {
      const at = actions.length > 1 ? `[${index}].` : ''
      if (!positiveInteger(action.ticket_id)) throw localValidationError('action', `${at}ticket_id`, 'an action belongs to a ticket; give its id')
      if (action.outcome_id === undefined && (action.outcome === undefined || action.outcome === null || action.outcome === '')) {
        throw localValidationError(
          'action',
          `${at}outcome_id`,
          'Halo requires an outcome (outcome_id or outcome); list them with client.outcomes.list()',
        )
      }
    })
    return this.collection.createMany(actions, options)
  }

  /** Adds a note, private unless `hiddenfromuser: false`, without emailing anyone. */
  async createNote(ticketId: number, note: HaloNoteInput, options: HaloCallOptions = {}): Promise<HaloAction> {
    if (note.note === undefined && note.note_html === undefined) throw localValidationError('note', 'note', 'give note or note_html')
    return this.create({ sendemail: false, hiddenfromuser: true, ...note, ticket_id: ticketId } as HaloActionInput, options)
  }

  /** Sends an email from the ticket and records it as a public action. */
  async createEmail(ticketId: number, email: HaloEmailInput, options: HaloCallOptions = {}): Promise<HaloAction> {
    if (email.note === undefined && email.note_html === undefined)
      throw localValidationError('email', 'note', 'give note or note_html as the email body')
    return this.create({ ...email, sendemail: true, hiddenfromuser: false, ticket_id: ticketId } as HaloActionInput, options)
  }

  /** Changes fields of an action; `id` and `ticket_id` are both required. */
  async update(action: HaloActionInput & { id: number; ticket_id: number }, options: HaloCallOptions = {}): Promise<HaloAction> {
    if (!positiveInteger(action.ticket_id))
      throw localValidationError('action', 'ticket_id', 'an action is identified by its ticket and its id; give both')
    return this.collection.update(action, options)
  }

  /** Deletes one action of a ticket (`DELETE /Actions/{id}?ticket_id=`). */
  delete(ticketId: number, actionId: number, options: HaloCallOptions = {}): Promise<void> {
    return this.collection.delete(actionId, { ticket_id: ticketId }, options)
  }
}
