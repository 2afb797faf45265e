import type { Paginated } from '@ticketbridge/core'
import { z } from 'zod'
import { type HaloCallOptions, HaloCollection, type HaloRequestContext } from '../halo-collection'
import type { HaloListQuery, HaloQueryOf, HaloWritable } from '../halo-openapi-types'
import { haloId, optionalFlag, optionalId, optionalNumber, optionalText } from '../halo-schema-fields'
import { haloFieldInfoSchema } from './halo-custom-fields'

/** A field of a ticket type (`RequestTypeField`), with its definition in `fieldinfo`. */
export const haloTicketTypeFieldSchema = z.looseObject({
  id: optionalId,
  fieldid: optionalId,
  fieldname: optionalText,
  seq: optionalNumber,
  groupid: optionalId,
  /** Agent "new ticket" screen: the code says hidden, visible or mandatory. */
  technew: optionalNumber,
  techdetail: optionalNumber,
  endusernew: optionalNumber,
  enduserdetail: optionalNumber,
  fieldinfo: haloFieldInfoSchema.nullish(),
})
export type HaloTicketTypeFieldRow = z.infer<typeof haloTicketTypeFieldSchema>

/** A ticket type (`RequestType`). */
export const haloTicketTypeSchema = z.looseObject({
  id: haloId,
  name: optionalText,
  use: optionalText,
  inactive: optionalFlag,
  visible: optionalFlag,
  cancreate: optionalFlag,
  agentscanselect: optionalFlag,
  initial_status: optionalId,
  default_sla: optionalId,
  workflow_id: optionalId,
  hasmandatorytechfields: optionalFlag,
  /** Present when asked with `includedetails=true`. */
  fields: z.array(haloTicketTypeFieldSchema).nullish(),
})
export type HaloTicketType = z.infer<typeof haloTicketTypeSchema>

/** A ticket type's field, summarised for callers that build tickets. */
export interface HaloTicketTypeField {
  fieldId: number
  name: string
  label: string
  /** Required when an agent logs a ticket of this type. */
  mandatory: boolean
  /** FieldInfo `type` (0 text, 1 memo, 2 single select, 3 multi select, 4 date, 6 checkbox, … [I]). */
  type?: number
  inputType?: number
  /** Whether it is a custom field (`CF…`). */
  custom: boolean
  /** The choices of a select field. */
  lookupValues: { id: number; name: string }[]
  raw: HaloTicketTypeFieldRow
}

/**
 * The `technew` code Halo uses for "mandatory" on the agent's new-ticket screen. The codes are
 * not documented (halo.md §4.4, [I]); 2 is what instances show for mandatory fields, and a
 * definition's own `mandatory` flag wins when present.
 */
const mandatoryScreenCode = 2

/**
 * Ticket types (`/TicketType`): the list (a bare array) and, per type, its fields with their
 * mandatory flags and lookup values.
 *
 * @example
 * const fields = await client.ticketTypes.fields(24)
 * const required = fields.filter((field) => field.mandatory).map((field) => field.name)
 */
export class HaloTicketTypes extends HaloCollection<{
  row: HaloTicketType
  listQuery: HaloListQuery<'/TicketType'>
  getQuery: HaloQueryOf<'/TicketType/{id}', 'get'>
  deleteQuery: Record<never, never>
  input: HaloWritable<'RequestType'>
}> {
  constructor(context: HaloRequestContext) {
    super(context, { path: '/TicketType', listKey: 'tickettypes', paged: false, row: haloTicketTypeSchema, what: 'ticket type' })
  }

  override list(query: HaloListQuery<'/TicketType'> = {}, options: HaloCallOptions = {}): Paginated<HaloTicketType> {
    return super.list(query, options)
  }

  /** One ticket type with its fields unless `includedetails: false`. */
  override get(id: number | string, query: HaloQueryOf<'/TicketType/{id}', 'get'> = {}, options: HaloCallOptions = {}): Promise<HaloTicketType> {
    return super.get(id, { includedetails: true, ...query }, options)
  }

  /** The fields of a ticket type, with mandatory flags and the values of select fields. */
  async fields(id: number, options: HaloCallOptions = {}): Promise<HaloTicketTypeField[]> {
    const ticketType = await this.get(id, { includedetails: true }, options)
    return (ticketType.fields ?? []).map((row) => {
      const info = row.fieldinfo ?? undefined
      const name = info?.name ?? row.fieldname ?? String(row.fieldid ?? '')
      return {
        fieldId: Number(row.fieldid ?? info?.id ?? 0),
        name,
        label: info?.label ?? name,
        mandatory: info?.mandatory ?? row.technew === mandatoryScreenCode,
        ...(typeof info?.type === 'number' ? { type: info.type } : {}),
        ...(typeof info?.inputtype === 'number' ? { inputType: info.inputtype } : {}),
        custom: Boolean(info?.custom) || /^CF/.test(name),
        lookupValues: (info?.values ?? []).flatMap((value) =>
          value.id !== undefined && value.id !== null ? [{ id: Number(value.id), name: value.name ?? String(value.id) }] : [],
        ),
        raw: row,
      }
    })
  }
}
