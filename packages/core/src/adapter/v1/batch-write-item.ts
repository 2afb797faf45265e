import type { CommentCreateInput } from '../../model/comment-input'
import type { AdapterWarning } from './adapter-warning'

/**
 * One item of a batch write as callers see it: the id the vendor gave and the warnings, or that
 * item's error. Batches answer ids, not records: the vendors that answer a write with an id only
 * (Autotask's `itemId`, RT's `Location`) are not asked again; read what you need afterwards.
 */
export type BatchWriteItem = { ok: true; id: string; warnings: AdapterWarning[] } | { ok: false; error: unknown }

/** A comment of a batch: the ticket it goes on and what to write. */
export interface CommentBatchInput {
  ticketId: string
  input: CommentCreateInput
}
