/** Types shared by the REST2 resources (RT::REST2::Resource): the request's context and the rows collections list. */
import type { RtAttachment, RtCustomField, RtGroup, RtQueue, RtTicket, RtTransaction, RtUser } from '../rt-records'
import type { RequestContext } from '../rt-request'

/** A REST2 request's context: the authenticated user on top of the shared one. */
export interface Rest2Context extends RequestContext {
  user: RtUser
}

/** A row a collection lists. */
export type CollectionItem =
  | { kind: 'ticket'; row: RtTicket }
  | { kind: 'transaction'; row: RtTransaction }
  | { kind: 'attachment'; row: RtAttachment }
  | { kind: 'queue'; row: RtQueue }
  | { kind: 'user'; row: RtUser }
  | { kind: 'customfield'; row: RtCustomField }
  | { kind: 'group'; row: RtGroup }
