/** Types shared by the REST 1.0 form handlers (RT's html/REST/1.0/Forms/<type>/<attribute>). */
import type { RtUser } from '../rt-records'
import type { RequestContext, RequestParameters } from '../rt-request'
import type { Rest1Value } from './rt-rest1-form'

/** What a form handler gets: the logged-in user and the request's parameters. */
export interface Rest1Context extends RequestContext {
  user: RtUser
  parameters: RequestParameters
}

/** A handler's arguments, as RT's dhandler passes them. */
export interface Rest1FormCall {
  /** The object id (`1`, `new`, a resolved name's id). */
  id: string
  /** What follows the attribute in the URL (`11/content`, `id/47`). */
  args: string | undefined
  format: string | undefined
  /** Requested fields, lower-cased (`?fields=`); empty for all. */
  fields: Set<string>
  /** The submitted form's fields, when the request carries `content`. */
  changes: Map<string, Rest1Value> | undefined
  /** The order the fields were submitted in. */
  changeOrder: string[]
}

/** A handler's answer: RT's [comment, order, values, error] tuple. */
export interface Rest1FormResult {
  comment: string
  order: string[]
  values: Map<string, Rest1Value>
  failed: boolean
  /** Attachment content: written as is, without RT's form formatting. */
  rawContent?: Buffer
  /** The Content-Type RT switches to for non-text raw content. */
  contentType?: string
  /**
   * The answer is a whole `show` request for these object ids (RT's `$m->subexec` from the
   * long history format), with these fields.
   */
  subRequest?: { ids: string[]; fields: string }
}

export type Rest1FormHandler = (context: Rest1Context, call: Rest1FormCall) => Rest1FormResult

/** A result with only a comment (and the error flag). */
export function rest1Comment(comment: string, failed = true): Rest1FormResult {
  return { comment, order: [], values: new Map(), failed }
}
