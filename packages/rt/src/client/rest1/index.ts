export { Rest1Client } from './rt-rest1-client'
export type { Rest1ClientOptions, Rest1CommentInput, Rest1SearchOptions, Rest1TicketCreateInput } from './rt-rest1-client-options'
export { classifyRest1Response, type Rest1ClassifiableResponse } from './rt-rest1-classify-error'
export { encodeRest1Form, joinRest1CustomFieldValues, rest1CustomFieldKey, type Rest1FormFields, type Rest1FormValue } from './rt-rest1-form-encoder'
export {
  parseRest1Forms,
  parseRest1StatusLine,
  readRest1Field,
  splitRest1CustomFieldValues,
  splitRest1Forms,
  splitRest1List,
  type Rest1Form,
  type Rest1StatusLine,
} from './rt-rest1-form-parser'
export { createRest1Session, type Rest1Session } from './rt-rest1-session'
export * from './rt-rest1-types'
export { formatRtDatabaseDate, parseRest1DatabaseDate, parseRest1Date, parseRest1Size, rest1ObjectId } from './rt-rest1-values'
