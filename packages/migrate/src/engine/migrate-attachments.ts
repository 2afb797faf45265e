import { createHash } from 'node:crypto'
import type { Ticket } from '@ticketbridge/core'
import { childKey } from './child-key'
import { type MigrationContext, tally } from './migration-context'
import type { TicketInlineImages } from './ticket-inline-images'

const digest = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** A file to place on the target ticket: a source file (downloaded) or an image taken out of a body. */
interface FileToPlace {
  key: string
  filename: string
  contentType: string
  data: Uint8Array
  /** The source comment whose copy the file belongs to, where the target links files to comments. */
  commentSourceId?: string
}

/**
 * Moves the ticket's files, then the inline images its bodies gave up (named by content, so a
 * resumed run finds the same file). Returns the sha256 of every file, for verification.
 */
export async function migrateAttachments(
  context: MigrationContext,
  ticket: Ticket,
  targetTicketId: string,
  inlineImages: TicketInlineImages,
  carried: ReadonlySet<string> = new Set(),
): Promise<string[]> {
  const { source, ledger, counts } = context
  const digests: string[] = []
  const placement: FilePlacement = { targetFiles: undefined }
  // The rewrite step may have listed the files already; that list is reused, not fetched again.
  const listed = inlineImages.listedFiles()
  const files = listed ? await listed : source.attachments.list(ticket.id, { signal: context.signal })
  for await (const attachment of files) {
    const key = childKey(ticket.id, attachment.id)
    const known = await ledger.get('attachment', key)
    // Sent inside its comment this attempt, and counted there.
    if (carried.has(key) && known?.fingerprint) {
      digests.push(known.fingerprint)
      continue
    }
    if (known?.state === 'completed' && known.fingerprint) {
      digests.push(known.fingerprint)
      tally(counts.attachments, 'skipped')
      continue
    }
    const data = await failsWithTicket(context, () => source.attachments.download(attachment, { signal: context.signal }))
    const file: FileToPlace = {
      key,
      filename: attachment.filename,
      contentType: attachment.contentType,
      data,
      ...(attachment.commentId ? { commentSourceId: attachment.commentId } : {}),
    }
    digests.push(await placeFile(context, ticket, targetTicketId, file, placement))
  }
  for (const { image, commentSourceId } of inlineImages.queued) {
    const key = childKey(ticket.id, `inline-${image.digest.slice(0, 16)}`)
    if (carried.has(key)) {
      digests.push(image.digest)
      continue
    }
    if ((await ledger.get('attachment', key))?.state === 'completed') {
      digests.push(image.digest)
      tally(counts.attachments, 'skipped')
      continue
    }
    digests.push(
      await placeFile(
        context,
        ticket,
        targetTicketId,
        { key, filename: image.filename, contentType: image.contentType, data: image.data, ...(commentSourceId ? { commentSourceId } : {}) },
        placement,
      ),
    )
  }
  return digests
}

/** The target ticket's files, listed once per ticket and only to resolve a `pending` file. */
interface FilePlacement {
  targetFiles: { filename: string; size: number; id: string }[] | undefined
  /** Target files already matched to a source file. */
  claimed?: Set<string>
}

/** Uploads one file under the ledger's bracket; a `pending` one is first looked for by name and size. Returns its sha256. */
async function placeFile(
  context: MigrationContext,
  ticket: Ticket,
  targetTicketId: string,
  file: FileToPlace,
  placement: FilePlacement,
): Promise<string> {
  const { target, ledger, runId, counts } = context
  const known = await ledger.get('attachment', file.key)
  const fingerprint = digest(file.data)
  const limit = target.capabilities.attachments.maxBytes
  if (limit !== undefined && file.data.byteLength > limit) {
    await ledger.putChild(ticket.id, runId, {
      kind: 'attachment',
      sourceId: file.key,
      state: 'failed',
      // Worded as the adapters word the same refusal: the report reads the sizes out of it.
      error: `${file.filename} is ${file.data.byteLength} bytes; the target accepts at most ${limit} bytes.`,
      fingerprint,
    })
    tally(counts.attachments, 'failed')
    return fingerprint
  }
  let targetId: string | undefined
  // On an adopted ticket another ledger may have moved any file.
  if (known?.state === 'pending' || (known === undefined && context.adoptedTickets.has(ticket.id))) {
    placement.targetFiles ??= await failsWithTicket(context, () =>
      target.attachments.list(targetTicketId, { signal: context.signal }).toArray({ limit: 10_000 }),
    )
    placement.claimed ??= new Set(
      (await context.ledger.children('attachment', ticket.id)).flatMap((record) => (record.targetId ? [record.targetId] : [])),
    )
    targetId = placement.targetFiles.find(
      (candidate) => !placement.claimed!.has(candidate.id) && candidate.filename === file.filename && candidate.size === file.data.byteLength,
    )?.id
    if (targetId !== undefined) placement.claimed.add(targetId)
  }
  if (targetId === undefined) {
    await ledger.putChild(ticket.id, runId, { kind: 'attachment', sourceId: file.key, state: 'pending', fingerprint })
    const commentTargetId =
      file.commentSourceId && target.capabilities.attachments.linkToComment
        ? ((await ledger.get('comment', childKey(ticket.id, file.commentSourceId)))?.targetId ?? undefined)
        : undefined
    const result = await failsWithTicket(context, () =>
      target.attachments.upload(
        targetTicketId,
        { filename: file.filename, contentType: file.contentType, data: file.data, ...(commentTargetId ? { commentId: commentTargetId } : {}) },
        { silent: true, signal: context.signal },
      ),
    )
    targetId = result.record.id
    if (result.warnings.length > 0) await ledger.setWarnings(runId, 'attachment', file.key, result.warnings)
    tally(counts.attachments, 'created')
  } else tally(counts.attachments, 'matched')
  await ledger.putChild(ticket.id, runId, {
    kind: 'attachment',
    sourceId: file.key,
    targetId,
    state: 'completed',
    createdByMigration: true,
    fingerprint,
  })
  return fingerprint
}

/** A read or write of one file that throws stops its ticket: the file counts as failed with it. */
async function failsWithTicket<T>(context: MigrationContext, step: () => Promise<T>): Promise<T> {
  try {
    return await step()
  } catch (error) {
    tally(context.counts.attachments, 'failed')
    throw error
  }
}
