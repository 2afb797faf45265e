import { type CallOptions, InvalidResponseError, NotFoundError, type Paginated, ValidationError } from '@ticketbridge/core'
import type { AutotaskEntityModels } from '../generated/autotask-entities'
import type { AutotaskConnection } from './autotask-connection'
import { type AutotaskEntity, type AutotaskWriteOptions, readSingleRecord } from './autotask-entity'
import { autotaskFilter } from './autotask-filter'
import type { AutotaskListOptions, AutotaskRecord } from './autotask-query'
import { autotaskAttachmentWithDataSchema, parseAutotaskResponse } from './autotask-schemas'

/** A ticket attachment's metadata (`TicketAttachmentModel`). */
export type AutotaskTicketAttachment = AutotaskRecord<AutotaskEntityModels['TicketAttachments']>
/** A ticket note attachment's metadata (`TicketNoteAttachmentModel`). */
export type AutotaskTicketNoteAttachment = AutotaskRecord<AutotaskEntityModels['TicketNoteAttachments']>

/** A file to attach. */
export interface AutotaskAttachmentUpload {
  /** The file name Autotask shows and serves (`fullPath`). */
  fileName: string
  data: Uint8Array
  /** Defaults to the file name. */
  title?: string
  contentType?: string
  /** The `publish` picklist value (who may see it); defaults to 1. */
  publish?: number
}

/** A downloaded attachment: its bytes and its metadata. */
export interface AutotaskDownloadedAttachment<Record> {
  data: Uint8Array
  attachment: Record
}

/** Which attachments: of tickets (`/Tickets/{id}/Attachments`) or of ticket notes (`/TicketNotes/{id}/Attachments`). */
interface AttachmentKind {
  /** The parent entity whose URL holds the attachments. */
  parent: 'Tickets' | 'TicketNotes'
  /** The field of the attachment that holds the parent id, for listing through the root query. */
  parentField: 'ticketID' | 'ticketNoteID'
}

/**
 * Attachments of tickets or of ticket notes: upload bytes, download bytes, list metadata, delete.
 * Uploads are checked against the size limit and wait for the tenant's attachment budget
 * (10,000,000 bytes per 5 minutes) before they are sent. Bytes only come from the parent-child
 * GET; listings return metadata.
 */
export class AutotaskAttachments<Model> {
  constructor(
    private readonly connection: AutotaskConnection,
    /** The attachment entity (`TicketAttachments` or `TicketNoteAttachments`), for queries and metadata. */
    readonly entity: AutotaskEntity<Model>,
    private readonly kind: AttachmentKind,
  ) {}

  /** Uploads a file to a ticket (or note) and returns the attachment's id. Never retried after a timeout or 5xx. */
  async upload(parentId: number, file: AutotaskAttachmentUpload, options: AutotaskWriteOptions = {}): Promise<number> {
    const issues = []
    if (typeof file.fileName !== 'string' || file.fileName.trim() === '') issues.push({ field: 'fileName', message: 'a file needs a name' })
    if (!(file.data instanceof Uint8Array)) issues.push({ field: 'data', message: 'must be a Uint8Array (or Buffer) of the file bytes' })
    const maxBytes = this.connection.settings.attachmentMaxBytes
    if (file.data instanceof Uint8Array && file.data.byteLength > maxBytes) {
      issues.push({ field: 'data', message: `${file.data.byteLength} bytes; Autotask accepts at most ${maxBytes} through the API` })
    }
    if (issues.length > 0) {
      throw new ValidationError(`Invalid attachment: ${issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ')}. Nothing was sent.`, {
        status: 0,
        vendor: 'autotask',
        issues,
      })
    }
    const budget = await this.connection.attachmentBudget(options)
    await budget.reserve(file.data.byteLength, options.signal)
    return this.entity.create(
      {
        id: 0,
        attachmentType: 'FILE_ATTACHMENT',
        fullPath: file.fileName,
        title: file.title ?? file.fileName,
        publish: file.publish ?? 1,
        ...(file.contentType ? { contentType: file.contentType } : {}),
        data: Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength).toString('base64'),
      } as never,
      { ...options, parentId },
    )
  }

  /** Downloads an attachment's bytes (`GET /{parent}/{parentId}/Attachments/{id}`). */
  async download(parentId: number, attachmentId: number, options: CallOptions = {}): Promise<AutotaskDownloadedAttachment<AutotaskRecord<Model>>> {
    const path = `/${this.kind.parent}/${parentId}/Attachments/${attachmentId}`
    const response = await this.connection.send<unknown>({
      method: 'GET',
      path,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    })
    const record = readSingleRecord(response.data, `GET ${path}`)
    if (!record) {
      throw new NotFoundError(`Not found (HTTP 200 with no attachment on GET ${path}).`, {
        status: 404,
        vendor: 'autotask',
        method: 'GET',
        url: path,
      })
    }
    const attachment = parseAutotaskResponse(autotaskAttachmentWithDataSchema, record, `GET ${path}`)
    if (typeof attachment.data !== 'string') {
      throw new InvalidResponseError(`Autotask answered GET ${path} without the attachment's data.`, { vendor: 'autotask', url: path })
    }
    const bytes = Buffer.from(attachment.data, 'base64')
    const { data: _data, ...metadata } = attachment
    return { data: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), attachment: metadata as AutotaskRecord<Model> }
  }

  /** The attachments of a ticket (or note): metadata only, paged by id. */
  list(parentId: number, options: AutotaskListOptions = {}): Paginated<AutotaskRecord<Model>> {
    return this.entity.queryAll({ filter: [autotaskFilter.eq(this.kind.parentField, parentId)] }, options)
  }

  /** Deletes an attachment. */
  delete(parentId: number, attachmentId: number, options: AutotaskWriteOptions = {}): Promise<void> {
    return this.entity.delete(attachmentId, { ...options, parentId })
  }
}
