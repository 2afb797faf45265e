import type { TicketingAdapterV1 } from '../../adapter/v1/ticketing-adapter-v1'
import { commentCreateInputSchema } from '../../model/comment-input'
import { fileUploadSchema } from '../../model/file-upload'
import { ticketRelationCreateInputSchema } from '../../model/ticket-relation-input'
import { timeEntryCreateInputSchema } from '../../model/time-entry-input'
import { adapterListForTickets } from './adapter-list-for-tickets'
import type { AdapterRuntime } from './adapter-runtime'
import { checkCarriedFiles } from './check-carried-files'
import { writeMany, writeOne } from './driver-write'
import { commentLinkWarning, commentWriteWarnings, withStandardWarnings } from './standard-write-warnings'

/** `comments` of the adapter over the driver's. */
export function createAdapterCommentOperations(runtime: AdapterRuntime): TicketingAdapterV1['comments'] {
  const { driver, source } = runtime
  const capabilities = driver.capabilities

  /** The comment checked, and the files it carries (check-carried-files.ts). */
  function check(input: unknown) {
    const checked = runtime.parse(commentCreateInputSchema, input, 'comment')
    checkCarriedFiles(checked.attachments, capabilities.comments.attachments, { vendor: driver.vendor, title: driver.title, capabilities }, 'comment')
    return checked
  }

  return {
    list: (ticketId, options) => runtime.paginate(options, (cursor, context) => driver.comments.listPage(ticketId, cursor, context)),
    listForTickets: adapterListForTickets(runtime, () => driver.comments),
    create: (ticketId, input, options) =>
      runtime.write('comments.create', driver.capabilities.comments.create, options, async (context) => {
        const checked = check(input)
        const result = await writeOne(driver.comments, { ticketId, input: checked }, context)
        return withStandardWarnings(result, commentWriteWarnings(source, checked, result.record))
      }),
    createMany: (comments, options) =>
      runtime.batch('comments.create', driver.capabilities.comments.create, options, comments, {
        check: ({ ticketId, input }) => ({ ticketId, input: check(input) }),
        send: (checked, context) => writeMany(driver.comments, checked, context),
        warnings: (checked, record) => commentWriteWarnings(source, checked.input, record),
      }),
  }
}

/** `attachments` of the adapter over the driver's. */
export function createAdapterAttachmentOperations(runtime: AdapterRuntime): TicketingAdapterV1['attachments'] {
  const { driver, source } = runtime
  const { attachments } = driver
  const capabilities = driver.capabilities.attachments
  return {
    list: (ticketId, options) => runtime.paginate(options, (cursor, context) => attachments.listPage(ticketId, cursor, context)),
    listForTickets: adapterListForTickets(runtime, () => attachments),
    download: (attachment, options) =>
      runtime.read(options, (context) => {
        if (!capabilities.download || !attachments.download) throw runtime.unsupported('attachments.download')
        return attachments.download(attachment, context)
      }),
    upload: (ticketId, file, options) =>
      runtime.write('attachments.upload', capabilities.upload, options, async (context) => {
        const checked = runtime.parse(fileUploadSchema, file, 'file')
        if (checked.commentId === undefined || capabilities.linkToComment) return attachments.upload!(ticketId, checked, context)
        // Files belong to the ticket only here: attach it there and say so.
        const { commentId: _left, ...toTicket } = checked
        return withStandardWarnings(await attachments.upload!(ticketId, toTicket, context), [commentLinkWarning(source)])
      }),
  }
}

/** `timeEntries` of the adapter over the driver's; refused where `capabilities.timeEntries` is false. */
export function createAdapterTimeEntryOperations(runtime: AdapterRuntime): TicketingAdapterV1['timeEntries'] {
  const { driver } = runtime
  const supported = driver.capabilities.timeEntries
  return {
    list: (ticketId, options) =>
      runtime.paginate(options, (cursor, context) => {
        if (!supported || !driver.timeEntries) throw runtime.unsupported('timeEntries.list')
        return driver.timeEntries.listPage(ticketId, cursor, context)
      }),
    listForTickets: adapterListForTickets(runtime, () => {
      if (!supported || !driver.timeEntries) throw runtime.unsupported('timeEntries.list')
      return driver.timeEntries
    }),
    create: (ticketId, input, options) =>
      runtime.write('timeEntries.create', supported, options, async (context) => {
        const checked = runtime.parse(timeEntryCreateInputSchema, input, 'time entry')
        return writeOne(driver.timeEntries!, { ticketId, input: checked }, context)
      }),
  }
}

/** `relations` of the adapter over the driver's; refused where `capabilities.relations` is false. */
export function createAdapterRelationOperations(runtime: AdapterRuntime): TicketingAdapterV1['relations'] {
  const { driver } = runtime
  const supported = driver.capabilities.relations
  return {
    list: (ticketId, options) =>
      runtime.read(options, (context) => {
        if (!supported || !driver.relations) throw runtime.unsupported('relations.list')
        return driver.relations.list(ticketId, context)
      }),
    create: (ticketId, input, options) =>
      runtime.write('relations.create', supported, options, async (context) => {
        const checked = runtime.parse(ticketRelationCreateInputSchema, input, 'relation')
        return driver.relations!.create(ticketId, checked, context)
      }),
  }
}
