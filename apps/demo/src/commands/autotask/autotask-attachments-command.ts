import type { AutotaskClient } from '@ticketbridge/autotask'
import { Command } from 'commander'
import { formatRecords } from '../../output/render-records'
import { confirmDelete, parseAutotaskId } from './autotask-entity-of'
import { commandHelp } from '../../output/command-help'
import { withNativeClient } from '../native-client-connection'
import { readUploadFile } from '../../input/read-upload-file'
import { addConnectionOptions, type ConnectionOptions } from '../shared-options'
import { writeDownloadedFile } from '../../output/write-downloaded-file'

const vendors = ['autotask']
const listedFields = ['id', 'title', 'fullPath', 'contentType', 'fileSize', 'attachDate', 'publish']

function listCommand(): Command {
  const command = new Command('list')
    .description("List a ticket's attachments (TicketAttachments; metadata only).")
    .argument('<ticketId>', 'the ticket id', parseAutotaskId('ticketId'))
    .option('--json', 'print JSON instead of a table')
    .addHelpText('after', commandHelp({ examples: ['autotask attachments list 12345', 'autotask attachments list 12345 --json'], vendors }))
  addConnectionOptions(command)
  return command.action(async (ticketId: number, options: ConnectionOptions & { json?: boolean }) => {
    await withNativeClient<AutotaskClient, void>('autotask', options, async (client) => {
      const attachments = await client.ticketAttachments.list(ticketId).toArray({ limit: 10_000 })
      console.log(formatRecords(attachments, { ...options, fields: listedFields }))
    })
  })
}

function uploadCommand(): Command {
  const command = new Command('upload')
    .description('Attach a local file to a ticket (POST /Tickets/{id}/Attachments; Autotask takes up to 6 MB a file through the API).')
    .argument('<ticketId>', 'the ticket id', parseAutotaskId('ticketId'))
    .argument('<file>', 'the file to attach')
    .option('--title <text>', 'the title Autotask shows (default: the file name)')
    .option('--publish <value>', 'the publish picklist value: who may see it (default 1, all users)', parseAutotaskId('publish'))
    .addHelpText('after', commandHelp({ examples: ['autotask attachments upload 12345 ./screenshot.png --title "Error dialog"'], vendors }))
  addConnectionOptions(command)
  return command.action(async (ticketId: number, path: string, options: ConnectionOptions & { title?: string; publish?: number }) => {
    const file = await readUploadFile(path)
    await withNativeClient<AutotaskClient, void>('autotask', options, async (client) => {
      const id = await client.ticketAttachments.upload(ticketId, {
        fileName: file.filename,
        data: file.data,
        contentType: file.contentType,
        ...(options.title ? { title: options.title } : {}),
        ...(options.publish !== undefined ? { publish: options.publish } : {}),
      })
      console.log(`Attached ${file.filename} to ticket ${ticketId} as attachment ${id}.`)
    })
  })
}

function downloadCommand(): Command {
  const command = new Command('download')
    .description("Save a ticket attachment's bytes (GET /Tickets/{id}/Attachments/{attachmentId}).")
    .argument('<ticketId>', 'the ticket id', parseAutotaskId('ticketId'))
    .argument('<attachmentId>', 'the attachment id', parseAutotaskId('attachmentId'))
    .option('--output <file>', "where to write it (default: the attachment's file name in this folder)")
    .option('--force', 'overwrite an existing file')
    .addHelpText('after', commandHelp({ examples: ['autotask attachments download 12345 41201 --output ./dialog.png'], vendors }))
  addConnectionOptions(command)
  return command.action(async (ticketId: number, attachmentId: number, options: ConnectionOptions & { output?: string; force?: boolean }) => {
    await withNativeClient<AutotaskClient, void>('autotask', options, async (client) => {
      const { data, attachment } = await client.ticketAttachments.download(ticketId, attachmentId)
      const path = await writeDownloadedFile(data, {
        ...options,
        ...(attachment.fullPath ? { filename: attachment.fullPath } : {}),
        fallbackName: `autotask-attachment-${attachmentId}`,
      })
      console.log(`Saved attachment ${attachmentId} (${data.byteLength} bytes) to ${path}.`)
    })
  })
}

function deleteCommand(): Command {
  const command = new Command('delete')
    .description('Delete a ticket attachment. Needs --yes.')
    .argument('<ticketId>', 'the ticket id', parseAutotaskId('ticketId'))
    .argument('<attachmentId>', 'the attachment id', parseAutotaskId('attachmentId'))
    .option('--yes', 'confirm: the delete cannot be undone')
    .addHelpText('after', commandHelp({ examples: ['autotask attachments delete 12345 41201 --yes'], vendors }))
  addConnectionOptions(command)
  return command.action(async (ticketId: number, attachmentId: number, options: ConnectionOptions & { yes?: boolean }) => {
    confirmDelete(options.yes, `attachment ${attachmentId}`)
    await withNativeClient<AutotaskClient, void>('autotask', options, async (client) => {
      await client.ticketAttachments.delete(ticketId, attachmentId)
      console.log(`Deleted attachment ${attachmentId} of ticket ${ticketId}.`)
    })
  })
}

/** `ticketbridge autotask attachments list|upload|download|delete`: ticket attachments through the native client. */
export function createAutotaskAttachmentsCommand(): Command {
  return new Command('attachments')
    .description("A ticket's attachments in Autotask: list, upload, download, delete.")
    .addHelpText('after', commandHelp({ examples: ['autotask attachments list 12345', 'autotask attachments upload 12345 ./log.txt'], vendors }))
    .addCommand(listCommand())
    .addCommand(uploadCommand())
    .addCommand(downloadCommand())
    .addCommand(deleteCommand())
}
