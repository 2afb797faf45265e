import { paginateRest2, type RtClient } from '@ticketbridge/rt'
import { Command } from 'commander'
import { formatRecords } from '../../output/render-records'
import { commandHelp } from '../../output/command-help'
import { withNativeClient } from '../native-client-connection'
import { readUploadFile } from '../../input/read-upload-file'
import { plainRtRecord } from './rt-plain-record'
import { addConnectionOptions, type ConnectionOptions, parsePositiveInteger } from '../shared-options'
import { writeDownloadedFile } from '../../output/write-downloaded-file'

const vendors = ['rt']
const attachmentFields = ['Filename', 'ContentType', 'ContentLength', 'Created', 'TransactionId']

function listCommand(): Command {
  const command = new Command('list')
    .description("List a ticket's files (REST2 GET /ticket/{id}/attachments; message bodies without a file name are left out).")
    .argument('<ticketId>', 'the ticket number', parsePositiveInteger('ticketId'))
    .option('--json', 'print JSON instead of a table')
    .addHelpText('after', commandHelp({ examples: ['rt attachments list 42', 'rt attachments list 42 --json'], vendors }))
  addConnectionOptions(command)
  return command.action(async (ticketId: number, options: ConnectionOptions & { json?: boolean }) => {
    await withNativeClient<RtClient, void>('rt', options, async (client) => {
      const parts = await paginateRest2((page, call) =>
        client.rest2.getTicketAttachments(ticketId, { ...call, page, perPage: 100, fields: attachmentFields, orderBy: 'id' }),
      ).toArray({ limit: 10_000 })
      const files = parts.map(plainRtRecord).filter((part) => typeof part.Filename === 'string' && part.Filename !== '')
      console.log(formatRecords(files, { ...options, fields: ['id', ...attachmentFields] }))
    })
  })
}

function downloadCommand(): Command {
  const command = new Command('download')
    .description("Save an attachment's exact bytes (REST2 GET /attachment/{id}).")
    .argument('<attachmentId>', 'the attachment id (see rt attachments list)', parsePositiveInteger('attachmentId'))
    .option('--output <file>', "where to write it (default: the attachment's file name in this folder)")
    .option('--force', 'overwrite an existing file')
    .addHelpText('after', commandHelp({ examples: ['rt attachments download 317 --output ./invoice.pdf'], vendors }))
  addConnectionOptions(command)
  return command.action(async (attachmentId: number, options: ConnectionOptions & { output?: string; force?: boolean }) => {
    await withNativeClient<RtClient, void>('rt', options, async (client) => {
      const attachment = await client.rest2.getAttachment(attachmentId)
      const data = await client.rest2.getAttachmentContent(attachmentId)
      const path = await writeDownloadedFile(data, {
        ...options,
        ...(attachment.Filename ? { filename: attachment.Filename } : {}),
        fallbackName: `rt-attachment-${attachmentId}`,
      })
      console.log(`Saved attachment ${attachmentId} (${data.byteLength} bytes) to ${path}.`)
    })
  })
}

function uploadCommand(): Command {
  const command = new Command('upload')
    .description('Attach local files to a ticket as an internal comment carrying them (RT keeps files on comments and replies).')
    .argument('<ticketId>', 'the ticket number', parsePositiveInteger('ticketId'))
    .argument('<files...>', 'the files to attach')
    .option('--comment <text>', 'the text of the comment (default: the file names)')
    .option('--reply', 'send them as a reply to the requestors instead of an internal comment')
    .addHelpText(
      'after',
      commandHelp({
        examples: ['rt attachments upload 42 ./invoice.pdf --comment "Signed copy"', 'rt attachments upload 42 ./fix.patch --reply'],
        vendors,
      }),
    )
  addConnectionOptions(command)
  return command.action(async (ticketId: number, paths: string[], options: ConnectionOptions & { comment?: string; reply?: boolean }) => {
    const files = await Promise.all(paths.map(readUploadFile))
    await withNativeClient<RtClient, void>('rt', options, async (client) => {
      const input = { Content: options.comment ?? `Attached: ${files.map((file) => file.filename).join(', ')}`, ContentType: 'text/plain' }
      const attachments = files.map((file) => ({ filename: file.filename, contentType: file.contentType, data: file.data }))
      const result = options.reply
        ? await client.rest2.correspond(ticketId, input, { attachments })
        : await client.rest2.comment(ticketId, input, { attachments })
      console.log(`Attached ${files.map((file) => file.filename).join(', ')} to ticket ${ticketId} in transaction ${result.transactionId}.`)
    })
  })
}

/** `ticketbridge rt attachments list|download|upload`: a ticket's files through RT's REST2. */
export function createRtAttachmentsCommand(): Command {
  return new Command('attachments')
    .description("A ticket's files in Request Tracker: list, download, and upload (as a comment that carries them).")
    .addHelpText('after', commandHelp({ examples: ['rt attachments list 42', 'rt attachments download 317'], vendors }))
    .addCommand(listCommand())
    .addCommand(downloadCommand())
    .addCommand(uploadCommand())
}
