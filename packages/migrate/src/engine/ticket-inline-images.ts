import type { AdapterWarning, Attachment, RichText, Ticket } from '@ticketbridge/core'
import { type InlineImage, moveInlineImages } from '../rich-text/move-inline-images'
import type { MigrationContext } from './migration-context'

/** An image taken out of a body, to be uploaded with the ticket's files. */
export interface QueuedInlineImage {
  image: InlineImage
  /** The source comment it was embedded in, so the file can be linked to that comment's copy. */
  commentSourceId?: string
}

/**
 * One ticket's rich-text work: its bodies' inline images taken out (see {@link moveInlineImages})
 * and queued for upload after the ticket's files. The source file list, which image addresses
 * are matched against, is read at most once and handed to the file step, which needs it anyway:
 * rewriting costs no extra request.
 */
export class TicketInlineImages {
  readonly queued: QueuedInlineImage[] = []
  private files: Promise<Attachment[]> | undefined

  constructor(
    private readonly context: Pick<MigrationContext, 'source' | 'signal'>,
    private readonly ticket: Ticket,
  ) {}

  /** The body with its images moved out and referenced by file name, and a warning per image. */
  async rewrite(body: RichText, field: string, commentSourceId?: string): Promise<{ body: RichText; warnings: AdapterWarning[] }> {
    if (body.html === undefined || !/<img\b/i.test(body.html)) return { body, warnings: [] }
    const result = moveInlineImages(body, field, await this.sourceFiles())
    for (const image of result.images) {
      if (this.queued.some((entry) => entry.image.digest === image.digest)) continue
      this.queued.push({ image, ...(commentSourceId !== undefined ? { commentSourceId } : {}) })
    }
    return { body: result.body, warnings: result.warnings }
  }

  /** The ticket's source files as read with its batch, so they are not listed again. */
  useListedFiles(files: Attachment[]): void {
    this.files = Promise.resolve(files)
  }

  /** The ticket's source files, listed once. */
  sourceFiles(): Promise<Attachment[]> {
    this.files ??= this.context.source.attachments.list(this.ticket.id, { signal: this.context.signal }).toArray({ limit: 100_000 })
    return this.files
  }

  /** The source files if a rewrite already listed them, so the file step does not list them again. */
  listedFiles(): Promise<Attachment[]> | undefined {
    return this.files
  }
}
