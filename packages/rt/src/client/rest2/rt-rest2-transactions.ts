import type { CallOptions } from '@ticketbridge/core'
import type { Rest2CollectionOptions, Rest2RecordOptions, Rest2RecordResponse } from './rt-rest2-client-options'
import { Rest2TicketResource } from './rt-rest2-tickets'
import type { Rest2Attachment, Rest2Collection, Rest2CollectionItem, Rest2JsonCondition, Rest2Transaction } from './rt-rest2-types'
import { collectionRequest, decodeAttachmentContent, segment } from './rt-rest2-wire'

/** REST2's transactions and attachments, on top of the tickets. */
export class Rest2TransactionResource extends Rest2TicketResource {
  /** A TransactionSQL search (`GET /transactions?query=…`), e.g. `ObjectType = 'RT::Ticket' AND ObjectId = 3 AND Type = 'Comment'`. */
  async searchTransactions(query: string, options: Rest2CollectionOptions = {}): Promise<Rest2Collection<Rest2CollectionItem>> {
    const { query: parameters, call } = collectionRequest(options)
    return this.getCollection('/transactions', { ...parameters, query }, call)
  }

  /** One transaction (`GET /transaction/<id>`); `_hyperlinks` has one `attachment` link per attachment. */
  async getTransaction(id: string | number, options: Rest2RecordOptions = {}): Promise<Rest2RecordResponse<Rest2Transaction>> {
    return this.getRecord<Rest2Transaction>(`/transaction/${segment(id)}`, options)
  }

  /** A transaction's attachments (`GET /transaction/<id>/attachments`). Ask `fields=Filename,ContentType,ContentLength`. */
  async getTransactionAttachments(id: string | number, options: Rest2CollectionOptions = {}): Promise<Rest2Collection<Rest2CollectionItem>> {
    const { query, call } = collectionRequest(options)
    return this.getCollection(`/transaction/${segment(id)}/attachments`, query, call)
  }

  /**
   * Every attachment part of a ticket (`GET /ticket/<id>/attachments`): message bodies, MIME
   * containers and outgoing mail included; files are those with a `Filename`. Do not ask for
   * `Parent`: RT 5.0.3 fails with 500 on top-level parts.
   */
  async getTicketAttachments(id: string | number, options: Rest2CollectionOptions = {}): Promise<Rest2Collection<Rest2CollectionItem>> {
    const { query, call } = collectionRequest(options)
    return this.getCollection(`/ticket/${segment(id)}/attachments`, query, call)
  }

  /** Searches a ticket's attachments with JSON conditions (`POST /ticket/<id>/attachments`). */
  async searchTicketAttachments(
    id: string | number,
    conditions: readonly Rest2JsonCondition[],
    options: Rest2CollectionOptions = {},
  ): Promise<Rest2Collection<Rest2CollectionItem>> {
    return this.searchByJson(`/ticket/${segment(id)}/attachments`, conditions, options)
  }

  /**
   * Searches attachments with JSON conditions (`POST /attachments`), e.g. the message bodies of
   * several transactions at once: `[{ field: 'TransactionId', operator: 'IN', value: [34, 35] }]`.
   * With `fields=Content` the content comes as text: ask it of text parts only.
   */
  async searchAttachments(
    conditions: readonly Rest2JsonCondition[],
    options: Rest2CollectionOptions = {},
  ): Promise<Rest2Collection<Rest2CollectionItem>> {
    return this.searchByJson('/attachments', conditions, options)
  }

  /** One attachment with its headers and base64 content (`GET /attachment/<id>`). */
  async getAttachment(id: string | number, options: CallOptions = {}): Promise<Rest2Attachment> {
    return (await this.getRecord<Rest2Attachment>(`/attachment/${segment(id)}`, options)).record
  }

  /** An attachment's exact bytes, decoded from the base64 `Content` of `GET /attachment/<id>`. */
  async getAttachmentContent(id: string | number, options: CallOptions = {}): Promise<Uint8Array> {
    const attachment = await this.getAttachment(id, options)
    return decodeAttachmentContent(attachment)
  }

  /** Searches transactions with JSON conditions (`POST /transactions`), e.g. the Create transactions of several tickets. */
  async searchTransactionsByJson(
    conditions: readonly Rest2JsonCondition[],
    options: Rest2CollectionOptions = {},
  ): Promise<Rest2Collection<Rest2CollectionItem>> {
    return this.searchByJson('/transactions', conditions, options)
  }
}
