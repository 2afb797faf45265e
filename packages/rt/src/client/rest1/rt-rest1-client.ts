import { type CallOptions, ValidationError } from '@ticketbridge/core'
import type { QueryParameters } from '@ticketbridge/http'
import type { Rest1FormFields } from './rt-rest1-form-encoder'
import { parseRest1Forms, readRest1Field } from './rt-rest1-form-parser'
import { parseRest1AttachmentListing, rest1AttachmentOf, toHistoryEntry } from './rt-rest1-parse'
import { Rest1TicketResource } from './rt-rest1-tickets'
import type { Rest1Attachment, Rest1AttachmentSummary, Rest1HistoryEntry, Rest1HistorySummary, Rest1Record } from './rt-rest1-types'
import { segment, unexpected } from './rt-rest1-wire'

/**
 * RT's REST 1.0 interface (`/REST/1.0/`), for servers without REST2 (RT before 4.4, or REST2
 * disabled). Every answer is HTTP 200 with the real status in the body; the transport's
 * classifier turns error bodies into typed errors before anything here runs, so methods only
 * see successes. Covers python-rtkit's fifteen operations and more: tickets (create, show,
 * edit, search), comments and replies with attachments, links, attachments and their exact
 * bytes, history (short, long, one entry), users and queues.
 *
 * The ticket methods live in `rt-rest1-tickets.ts`; this class adds the session, attachments,
 * history, users and queues, and raw requests.
 */
export class Rest1Client extends Rest1TicketResource {
  /** Logs in now with the configured user and password (otherwise the first request does). No-op with a token. */
  async login(options: CallOptions = {}): Promise<void> {
    await this.session?.login(options.signal)
  }

  /** Ends the session (`POST /REST/1.0/logout`); the next request logs in again. No-op with a token. */
  async logout(options: CallOptions = {}): Promise<void> {
    if (!this.session?.cookie) return
    try {
      await this.http.post('/logout', undefined, { ...options, responseType: 'text', idempotent: true })
    } finally {
      this.session.forget()
    }
  }

  /** Every attachment part of a ticket (`GET ticket/<id>/attachments`), message bodies and MIME containers included. */
  async listAttachments(ticketId: string | number, options: CallOptions = {}): Promise<Rest1AttachmentSummary[]> {
    const payload = await this.read(`/ticket/${segment(ticketId)}/attachments`, undefined, options)
    return parseRest1AttachmentListing(payload)
  }

  /** One attachment's metadata, headers and text content (`GET ticket/<id>/attachments/<id>`). */
  async getAttachment(ticketId: string | number, attachmentId: string | number, options: CallOptions = {}): Promise<Rest1Attachment> {
    const payload = await this.read(`/ticket/${segment(ticketId)}/attachments/${segment(attachmentId)}`, undefined, options)
    const [form] = parseRest1Forms(payload)
    if (!form) throw unexpected(`ticket/${ticketId}/attachments/${attachmentId}`, 'an attachment form', payload)
    return rest1AttachmentOf(form, attachmentId)
  }

  /**
   * An attachment's exact bytes (`GET ticket/<id>/attachments/<id>/content`): everything after
   * the status line and the blank line below it, binary-safe.
   */
  async getAttachmentContent(ticketId: string | number, attachmentId: string | number, options: CallOptions = {}): Promise<Uint8Array> {
    const response = await this.http.get<Uint8Array>(`/ticket/${segment(ticketId)}/attachments/${segment(attachmentId)}/content`, {
      ...options,
      responseType: 'bytes',
    })
    const bytes = response.data
    const lineEnd = bytes.indexOf(0x0a)
    if (lineEnd === -1 || !/^RT\/\S+ 200/.test(new TextDecoder().decode(bytes.subarray(0, lineEnd)))) {
      throw unexpected(`ticket/${ticketId}/attachments/${attachmentId}/content`, 'a status line', new TextDecoder().decode(bytes.subarray(0, 200)))
    }
    // The status line is followed by one blank line, then the bytes.
    const start = bytes[lineEnd + 1] === 0x0a ? lineEnd + 2 : lineEnd + 1
    return bytes.slice(start)
  }

  /** The short history (`GET ticket/<id>/history`): transaction ids and descriptions, oldest first. */
  async getHistory(ticketId: string | number, options: CallOptions = {}): Promise<Rest1HistorySummary[]> {
    const payload = await this.read(`/ticket/${segment(ticketId)}/history`, undefined, options)
    const entries: Rest1HistorySummary[] = []
    for (const line of payload.split('\n')) {
      const match = /^(\d+): (.*)$/.exec(line)
      if (match) entries.push({ id: match[1]!, description: match[2]! })
    }
    return entries
  }

  /** The long history (`GET ticket/<id>/history?format=l`): one entry per transaction, oldest first. */
  async getHistoryLong(ticketId: string | number, options: CallOptions = {}): Promise<Rest1HistoryEntry[]> {
    const payload = await this.read(`/ticket/${segment(ticketId)}/history`, { format: 'l' }, options)
    return parseRest1Forms(payload)
      .filter((form) => readRest1Field(form, 'id') !== undefined)
      .map((form) => toHistoryEntry(form))
  }

  /** One transaction of a ticket's history (`GET ticket/<id>/history/id/<txn>`). */
  async getHistoryEntry(ticketId: string | number, transactionId: string | number, options: CallOptions = {}): Promise<Rest1HistoryEntry> {
    const payload = await this.read(`/ticket/${segment(ticketId)}/history/id/${segment(transactionId)}`, undefined, options)
    const form = parseRest1Forms(payload).find((candidate) => readRest1Field(candidate, 'id') !== undefined)
    if (!form) throw unexpected(`ticket/${ticketId}/history/id/${transactionId}`, 'a history entry', payload)
    return toHistoryEntry(form)
  }

  /** A user by id or name (`GET user/<id or name>`). */
  async getUser(idOrName: string | number, options: CallOptions = {}): Promise<Rest1Record> {
    return this.readRecord('user', idOrName, options)
  }

  /** A queue by id or name (`GET queue/<id or name>`). */
  async getQueue(idOrName: string | number, options: CallOptions = {}): Promise<Rest1Record> {
    return this.readRecord('queue', idOrName, options)
  }

  /**
   * Creates a user (`POST user/new`); needs the AdminUsers right. Fields as RT names them:
   * `Name`, `EmailAddress`, `RealName`, `Privileged` (1 or 0), `Organization`…
   */
  async createUser(fields: Rest1FormFields, options: CallOptions = {}): Promise<{ id: string }> {
    const payload = await this.write('/user/new', { id: 'user/new', ...fields }, undefined, { ...options, idempotent: false })
    const id = /User (\d+) created/.exec(payload)?.[1]
    if (!id) {
      const comments = parseRest1Forms(payload)[0]?.comments ?? []
      throw new ValidationError(`RT did not create the user: ${comments.join(' ') || 'no reason given'}.`, {
        status: 400,
        vendor: 'rt',
        issues: [{ message: comments.join(' ') || 'RT did not create the user' }],
      })
    }
    return { id }
  }

  /** Sends any REST 1.0 request through the same transport (path relative to `/REST/1.0`); the payload after the status line. */
  async request(
    method: 'GET' | 'POST',
    path: string,
    options: CallOptions & { query?: QueryParameters; content?: Rest1FormFields } = {},
  ): Promise<string> {
    const { query, content, ...call } = options
    if (method === 'GET') return this.read(path, query, call)
    const payload = await this.write(path, content ?? {}, undefined, { ...call, idempotent: false, allowEmpty: true, ...(query ? { query } : {}) })
    return payload ?? ''
  }
}
