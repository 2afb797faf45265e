import { type CallOptions, InvalidResponseError, NotFoundError, ValidationError } from '@ticketbridge/core'
import type { HttpResponse, HttpTransport, QueryParameters } from '@ticketbridge/http'
import { encodeMultipart } from '../rt-multipart'
import type { RtUpload } from '../rt-upload'
import type { Rest1ClientOptions } from './rt-rest1-client-options'
import { encodeRest1Form, joinRest1CustomFieldValues, rest1CustomFieldKey, type Rest1FormFields } from './rt-rest1-form-encoder'
import { parseRest1Forms, parseRest1StatusLine, readRest1Field, type Rest1Form } from './rt-rest1-form-parser'
import { fixedOffsetTimeZone } from '../rt-time-zone'
import { hasRest1TicketDate, rest1TicketOf } from './rt-rest1-parse'
import type { Rest1Session } from './rt-rest1-session'
import type { Rest1Record, Rest1Ticket } from './rt-rest1-types'
import { rest1ObjectId } from './rt-rest1-values'

/**
 * What every REST 1.0 resource sends through: the transport, the session, and RT's status line
 * and form bodies. `Rest1Client` is this base with its resources stacked on it (tickets, then
 * attachments, history and the directory), so `client.rest1` stays one flat set of methods.
 */
export class Rest1Resource {
  protected readonly http: HttpTransport
  protected readonly session: Rest1Session | undefined
  readonly #timeZone: (options: CallOptions) => Promise<string>

  constructor(options: Rest1ClientOptions) {
    this.http = options.transport
    this.session = options.session
    const { timeZone, utcOffsetMinutes } = options
    const fixed = typeof timeZone === 'string' ? timeZone : fixedOffsetTimeZone(utcOffsetMinutes ?? 0)
    this.#timeZone = typeof timeZone === 'function' ? timeZone : async () => fixed
  }

  /**
   * The RT user's time zone, which REST 1.0 writes ticket dates in (and reads dates given to it
   * in): the one configured, or found once on RT (RtClient). An IANA name, or `+05:30` for the
   * deprecated fixed offset.
   */
  timeZone(options: CallOptions = {}): Promise<string> {
    return this.#timeZone(options)
  }

  /** The transport, for requests this client has no method for. */
  get transport(): HttpTransport {
    return this.http
  }

  protected async read(path: string, query: QueryParameters | undefined, options: CallOptions): Promise<string> {
    const response = await this.http.get<string>(path, { ...options, responseType: 'text', ...(query ? { query } : {}) })
    return payloadOf(response, path)
  }

  protected async write(
    path: string,
    fields: Rest1FormFields,
    attachments: readonly RtUpload[] | undefined,
    options: CallOptions & { idempotent: boolean; allowEmpty: true; query?: QueryParameters },
  ): Promise<string | undefined>
  protected async write(
    path: string,
    fields: Rest1FormFields,
    attachments: readonly RtUpload[] | undefined,
    options: CallOptions & { idempotent: boolean; allowEmpty?: false },
  ): Promise<string>
  protected async write(
    path: string,
    fields: Rest1FormFields,
    attachments: readonly RtUpload[] | undefined,
    options: CallOptions & { idempotent: boolean; allowEmpty?: boolean; query?: QueryParameters },
  ): Promise<string | undefined> {
    const { idempotent, allowEmpty, query, ...call } = options
    let body: URLSearchParams | Uint8Array
    let headers: Record<string, string> | undefined
    if (attachments && attachments.length > 0) {
      const names = attachments.map((attachment, index) => checkedAttachmentName(attachment.filename, index))
      // RT pairs the names on the Attachment: line with the parts attachment_1, attachment_2, … in order.
      const multipart = encodeMultipart([
        { name: 'content', value: encodeRest1Form({ ...fields, Attachment: names.join(', ') }) },
        ...attachments.map((attachment, index) => ({
          name: `attachment_${index + 1}`,
          filename: names[index]!,
          contentType: attachment.contentType ?? 'application/octet-stream',
          data: attachment.data,
        })),
      ])
      body = multipart.body
      headers = { 'Content-Type': multipart.contentType }
    } else {
      body = new URLSearchParams({ content: encodeRest1Form(fields) })
    }
    const response = await this.http.post<string>(path, body, {
      ...call,
      responseType: 'text',
      idempotent,
      ...(query ? { query } : {}),
      ...(headers ? { headers } : {}),
    })
    // An edit that changes nothing answers HTTP 200 with an empty body (rt.md §2.1).
    if (response.data === '') {
      if (allowEmpty) return undefined
      throw unexpected(path, 'an RT status line', '')
    }
    return payloadOf(response, path)
  }

  protected async readRecord(type: 'user' | 'queue', idOrName: string | number, options: CallOptions): Promise<Rest1Record> {
    const payload = await this.read(`/${type}/${segment(idOrName)}`, undefined, options)
    const [form] = parseRest1Forms(payload)
    const id = form ? rest1ObjectId(readRest1Field(form, 'id')) : undefined
    if (!form || id === undefined) throw unexpected(`${type}/${idOrName}`, `a ${type} form`, payload)
    if (!/^\d+$/.test(id)) {
      // RT echoes the name it could not find as the id (`id: user/nosuchuser`).
      throw new NotFoundError(`RT has no ${type} ${idOrName}.`, {
        status: 404,
        vendor: 'rt',
        method: 'GET',
        url: `${this.http.baseUrl}/${type}/${idOrName}`,
      })
    }
    return { id, fields: form.fields, form }
  }

  /** Ticket forms as records; the time zone is asked for only when a form has a date to read. */
  protected async ticketsOf(forms: readonly Rest1Form[], options: CallOptions): Promise<Rest1Ticket[]> {
    const timeZone = hasRest1TicketDate(forms) ? await this.#timeZone(options) : 'UTC'
    return forms.map((form) => rest1TicketOf(form, timeZone))
  }
}

export function customFieldEntries(customFields: Readonly<Record<string, string | readonly string[]>> | undefined): Record<string, string> {
  const entries: Record<string, string> = {}
  for (const [name, value] of Object.entries(customFields ?? {})) {
    entries[rest1CustomFieldKey(name)] = typeof value === 'string' ? value : joinRest1CustomFieldValues(value)
  }
  return entries
}

/** RT reads attachment names from the comma-separated `Attachment:` line and keeps only the basename. */
function checkedAttachmentName(filename: string, index: number): string {
  if (/[,'"\\/\n]/.test(filename) || filename.trim() === '') {
    throw new ValidationError(
      `RT REST 1.0 cannot carry the file name "${filename}": names travel in a comma-separated form line, so commas, quotes, slashes and line breaks are not allowed. Rename the file.`,
      { status: 0, vendor: 'rt', issues: [{ field: `attachments[${index}].filename`, message: 'contains a comma, quote, slash or line break' }] },
    )
  }
  return filename.trim()
}

function payloadOf(response: HttpResponse<string>, path: string): string {
  const statusLine = parseRest1StatusLine(response.data)
  if (!statusLine) throw unexpected(path, 'an RT status line', response.data)
  return statusLine.payload
}

export function unexpected(path: string, expected: string, body: string): InvalidResponseError {
  return new InvalidResponseError(`RT REST 1.0 answered ${path} without ${expected}. Check that baseUrl is RT's web root.`, {
    vendor: 'rt',
    status: 200,
    body,
  })
}

export function segment(value: string | number): string {
  return encodeURIComponent(String(value))
}
