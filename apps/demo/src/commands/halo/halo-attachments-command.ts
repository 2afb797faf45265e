import type { HaloClient } from '@ticketbridge/halo'
import { ConfigurationError } from '@ticketbridge/core'
import { Command } from 'commander'
import { formatRecords } from '../../output/render-records'
import { commandHelp } from '../../output/command-help'
import { withNativeClient } from '../native-client-connection'
import { readUploadFile } from '../../input/read-upload-file'
import { addConnectionOptions, type ConnectionOptions, parsePositiveInteger } from '../shared-options'
import { writeDownloadedFile } from '../../output/write-downloaded-file'

const vendors = ['halo']
const listedFields = ['id', 'filename', 'filesize', 'datecreated', 'action_id', 'note']

function listCommand(): Command {
  const command = new Command('list')
    .description("List a ticket's attachments (GET /Attachment?ticket_id=…).")
    .argument('<ticketId>', 'the ticket id', parsePositiveInteger('ticketId'))
    .option('--json', 'print JSON instead of a table')
    .addHelpText('after', commandHelp({ examples: ['halo attachments list 4812', 'halo attachments list 4812 --json'], vendors }))
  addConnectionOptions(command)
  return command.action(async (ticketId: number, options: ConnectionOptions & { json?: boolean }) => {
    await withNativeClient<HaloClient, void>('halo', options, async (client) => {
      const attachments = await client.attachments.list({ ticket_id: ticketId }).toArray({ limit: 10_000 })
      console.log(formatRecords(attachments, { ...options, fields: listedFields }))
    })
  })
}

function uploadCommand(): Command {
  const command = new Command('upload')
    .description('Attach local files to a ticket (POST /Attachment, base64 in a JSON array: one request for all the files).')
    .argument('<ticketId>', 'the ticket id', parsePositiveInteger('ticketId'))
    .argument('<files...>', 'the files to attach')
    .option('--action-id <id>', 'link the files to this action (note) of the ticket', parsePositiveInteger('action-id'))
    .addHelpText('after', commandHelp({ examples: ['halo attachments upload 4812 ./vpn.log ./screenshot.png'], vendors }))
  addConnectionOptions(command)
  return command.action(async (ticketId: number, paths: string[], options: ConnectionOptions & { actionId?: number }) => {
    const files = await Promise.all(paths.map(readUploadFile))
    await withNativeClient<HaloClient, void>('halo', options, async (client) => {
      const saved = await client.attachments.uploadMany(
        files.map((file) => ({
          ticket_id: ticketId,
          filename: file.filename,
          data: file.data,
          ...(options.actionId ? { action_id: options.actionId } : {}),
        })),
      )
      for (const [index, attachment] of saved.entries())
        console.log(`Attached ${files[index]?.filename} to ticket ${ticketId} as attachment ${attachment.id}.`)
    })
  })
}

function downloadCommand(): Command {
  const command = new Command('download')
    .description("Save an attachment's bytes (GET /Attachment/{id}).")
    .argument('<attachmentId>', 'the attachment id', parsePositiveInteger('attachmentId'))
    .option('--output <file>', "where to write it (default: the attachment's file name in this folder)")
    .option('--force', 'overwrite an existing file')
    .addHelpText('after', commandHelp({ examples: ['halo attachments download 5521 --output ./vpn.log'], vendors }))
  addConnectionOptions(command)
  return command.action(async (attachmentId: number, options: ConnectionOptions & { output?: string; force?: boolean }) => {
    await withNativeClient<HaloClient, void>('halo', options, async (client) => {
      // The name only matters when --output does not give one.
      const filename = options.output ? undefined : (await client.attachments.get(attachmentId)).filename
      const data = await client.attachments.download(attachmentId)
      const path = await writeDownloadedFile(data, { ...options, ...(filename ? { filename } : {}), fallbackName: `halo-attachment-${attachmentId}` })
      console.log(`Saved attachment ${attachmentId} (${data.byteLength} bytes) to ${path}.`)
    })
  })
}

function deleteCommand(): Command {
  const command = new Command('delete')
    .description('Delete an attachment (DELETE /Attachment/{id}). Needs --yes.')
    .argument('<attachmentId>', 'the attachment id', parsePositiveInteger('attachmentId'))
    .option('--yes', 'confirm: the delete cannot be undone')
    .addHelpText('after', commandHelp({ examples: ['halo attachments delete 5521 --yes'], vendors }))
  addConnectionOptions(command)
  return command.action(async (attachmentId: number, options: ConnectionOptions & { yes?: boolean }) => {
    if (!options.yes)
      throw new ConfigurationError(`Deleting attachment ${attachmentId} cannot be undone in Halo; add --yes to confirm.`, { option: 'yes' })
    await withNativeClient<HaloClient, void>('halo', options, async (client) => {
      await client.attachments.delete(attachmentId)
      console.log(`Deleted attachment ${attachmentId}.`)
    })
  })
}

/** `ticketbridge halo attachments list|upload|download|delete`: a ticket's files through the native client. */
export function createHaloAttachmentsCommand(): Command {
  return new Command('attachments')
    .description("A ticket's attachments in Halo: list, upload, download, delete.")
    .addHelpText('after', commandHelp({ examples: ['halo attachments list 4812', 'halo attachments upload 4812 ./vpn.log'], vendors }))
    .addCommand(listCommand())
    .addCommand(uploadCommand())
    .addCommand(downloadCommand())
    .addCommand(deleteCommand())
}
