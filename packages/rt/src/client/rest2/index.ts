export {
  Rest2Client,
  decodeAttachmentContent,
  type Rest2AttachmentEncoding,
  type Rest2ClientOptions,
  type Rest2CollectionOptions,
  type Rest2LinkChanges,
  type Rest2MessageInput,
  type Rest2RecordOptions,
  type Rest2RecordResponse,
  type Rest2TicketCreateInput,
  type Rest2TicketLinks,
} from './rt-rest2-client'
export { classifyRest2Response } from './rt-rest2-classify-error'
export { encodeRest2FileName } from './rt-rest2-file-name'
export { nextRest2Page, paginateRest2 } from './rt-rest2-paging'
export * from './rt-rest2-types'
