import type { Paginated } from '@ticketbridge/core'
import { z } from 'zod'
import { type HaloCallOptions, HaloCollection, localValidationError, type HaloRequestContext } from '../halo-collection'
import type { HaloListQuery, HaloWritable } from '../halo-openapi-types'
import { haloId, optionalDate, optionalFlag, optionalId, optionalNumber, optionalText } from '../halo-schema-fields'

/** An attachment's details (`Attachment`); the bytes come from `download`. */
export const haloAttachmentSchema = z.looseObject({
  id: haloId,
  filename: optionalText,
  filesize: optionalNumber,
  datecreated: optionalDate,
  note: optionalText,
  desc: optionalText,
  isimage: optionalFlag,
  type: optionalNumber,
  content_type: optionalText,
  ticket_id: optionalId,
  /** The ticket, as list rows name it. */
  faultid: optionalId,
  action_id: optionalId,
  unique_id: optionalNumber,
  download_url: optionalText,
  _warning: optionalText,
})
export type HaloAttachment = z.infer<typeof haloAttachmentSchema>

/** Every filter of `GET /Attachment` the spec declares (`ticket_id`, `action_id`, …). */
export type HaloAttachmentQuery = HaloListQuery<'/Attachment'>

/** A file to attach: its bytes (sent base64-encoded in `data`) and where it belongs. */
export type HaloAttachmentUpload = Omit<HaloWritable<'Attachment'>, 'data'> & {
  ticket_id: number
  filename: string
  /** The file's bytes, or already base64-encoded text. */
  data: Uint8Array | string
  /** Links the file to one action of the ticket. */
  action_id?: number
}

type AttachmentTypes = {
  row: HaloAttachment
  listQuery: HaloAttachmentQuery
  getQuery: { includedetails?: boolean }
  deleteQuery: Record<never, never>
  input: HaloWritable<'Attachment'>
}

const base64Text = /^[A-Za-z0-9+/]*={0,2}$/

/**
 * Attachments (`/Attachment`): listed per ticket (or action), uploaded as base64 in a JSON
 * array, downloaded as bytes.
 *
 * @example
 * const saved = await client.attachments.upload({ ticket_id: 4813, filename: 'vpn.log', data: bytes })
 * const same = await client.attachments.download(saved.id)
 */
export class HaloAttachments {
  private readonly collection: HaloCollection<AttachmentTypes>

  constructor(private readonly context: HaloRequestContext) {
    this.collection = new HaloCollection<AttachmentTypes>(context, {
      path: '/Attachment',
      listKey: 'attachments',
      paged: false,
      row: haloAttachmentSchema,
      what: 'attachment',
    })
  }

  /** Attachments of a ticket (`ticket_id`), or of one action (`action_id` with `ticket_id`). */
  list(query: HaloAttachmentQuery, options: HaloCallOptions = {}): Paginated<HaloAttachment> {
    return this.collection.list(query, options)
  }

  /** An attachment's details (not its bytes). */
  get(id: number, options: HaloCallOptions = {}): Promise<HaloAttachment> {
    return this.collection.get(id, { includedetails: true }, options)
  }

  /** An attachment's bytes, exactly as stored. */
  async download(id: number, options: HaloCallOptions = {}): Promise<Uint8Array> {
    const { data } = await this.context.transport.get<Uint8Array>(`/Attachment/${encodeURIComponent(String(id))}`, {
      responseType: 'bytes',
      ...options,
    })
    return data
  }

  /** Uploads one file; the answer is the saved attachment with its id. */
  async upload(file: HaloAttachmentUpload, options: HaloCallOptions = {}): Promise<HaloAttachment> {
    const [saved] = await this.uploadMany([file], options)
    return saved!
  }

  /** Uploads files in batches of up to `batchSize` per POST. */
  async uploadMany(files: readonly HaloAttachmentUpload[], options: HaloCallOptions = {}): Promise<HaloAttachment[]> {
    const records = files.map((file, index) => {
      const at = files.length > 1 ? `[${index}].` : ''
      if (!Number.isInteger(file.ticket_id) || file.ticket_id <= 0)
        throw localValidationError('attachment', `${at}ticket_id`, 'an attachment belongs to a ticket; give its id')
      if (typeof file.filename !== 'string' || file.filename.trim() === '')
        throw localValidationError('attachment', `${at}filename`, 'a file needs a name')
      let data: string
      if (file.data instanceof Uint8Array) data = Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength).toString('base64')
      else if (typeof file.data === 'string' && base64Text.test(file.data)) data = file.data
      else throw localValidationError('attachment', `${at}data`, 'give the bytes as a Uint8Array or base64 text')
      return { ...file, data } as HaloWritable<'Attachment'>
    })
    return this.collection.createMany(records, options)
  }

  /** Deletes one attachment. */
  delete(id: number, options: HaloCallOptions = {}): Promise<void> {
    return this.collection.delete(id, {}, options)
  }
}
