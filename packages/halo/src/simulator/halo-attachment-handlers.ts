import { formatHaloDate } from './halo-date-format'
import { haloEmptyOk, haloError, haloJson } from './halo-responses'
import { integerParameter, type HaloRoute, type HaloRouteInput } from './halo-route'
import type { HaloJson } from './halo-table'
import { storeAttachment } from './halo-attachment-rules'
import { upsertAnswer, upsertElements } from './halo-upsert-body'

function findAttachment(input: HaloRouteInput): HaloJson {
  const attachment = input.simulator.state.attachments.get(input.params.id)
  if (!attachment) throw haloError.notFound(`Attachment ${input.params.id}`)
  return attachment
}

/** `GET /Attachment?ticket_id=[&action_id=]` → `{ record_count, attachments, ticket_id, action_id }` (Attachment_View). */
function listAttachments(input: HaloRouteInput): Response {
  const { query } = input
  const ticketId = query.integer('ticket_id')
  const actionId = query.integer('action_id')
  // `action_id` "requires ticket_id" in the spec; alone it matches nothing.
  const rows = input.simulator.state.attachments
    .all()
    .filter((attachment) => ticketId === undefined || attachment.ticket_id === ticketId)
    .filter((attachment) => actionId === undefined || (ticketId !== undefined && attachment.action_id === actionId))
    .filter((attachment) => query.integer('type') === undefined || attachment.type === query.integer('type'))
    .map((attachment) => ({ ...attachment }))
  return haloJson({ record_count: rows.length, attachments: rows, ticket_id: ticketId ?? 0, action_id: actionId ?? 0 })
}

/** The file's bytes, or its metadata with `includedetails=true` [I]. */
function downloadAttachment(input: HaloRouteInput): Response {
  const attachment = findAttachment(input)
  if (input.query.boolean('includedetails') === true) return haloJson({ ...attachment })
  const content = input.simulator.state.attachmentContents.get(attachment.id as number)
  if (!content) throw haloError.notFound(`Content of attachment ${input.params.id}`)
  const filename = String(attachment.filename)
  const asciiName = filename.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, "'")
  return new Response(content.data.slice(), {
    status: 200,
    headers: {
      'content-type': content.contentType,
      'content-length': String(content.data.byteLength),
      'content-disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    },
  })
}

function uploadJson(input: HaloRouteInput): Response {
  const elements = upsertElements(input.body)
  for (const element of elements) {
    if (typeof element !== 'object' || element === null || Array.isArray(element)) throw haloError.exception('Each attachment must be a JSON object.')
    if (typeof (element as HaloJson).id === 'number' && ((element as HaloJson).id as number) > 0) {
      throw haloError.exception('Attachments cannot be changed once uploaded; delete and upload again.')
    }
  }
  const saved = elements.map((element) => storeAttachment(input.write, element as HaloJson))
  return upsertAnswer(saved)
}

/** `POST /Attachment/image?ticket_id=&action_id=` with a multipart `file` part. */
async function uploadMultipart(input: HaloRouteInput): Promise<Response> {
  const file = input.form?.get('file')
  if (!file || typeof file === 'string') throw haloError.exception("Send the file as a multipart form part named 'file'.")
  const bytes = new Uint8Array(await file.arrayBuffer())
  const saved = storeAttachment(
    input.write,
    {
      ticket_id: input.query.integer('ticket_id'),
      action_id: input.query.integer('action_id') ?? 0,
      filename: file.name || 'upload.bin',
      note: input.query.get('atnote') ?? '',
      desc: input.query.get('atdesc') ?? '',
      ...(file.type ? { content_type: file.type } : {}),
    },
    bytes,
  )
  return haloJson(saved)
}

function deleteAttachment(input: HaloRouteInput): Response {
  const attachment = findAttachment(input)
  const { state } = input.simulator
  state.attachments.delete(attachment.id)
  state.attachmentContents.delete(attachment.id as number)
  state.writes.push({
    resource: 'Attachment',
    id: attachment.id as number,
    ticketId: attachment.ticket_id as number,
    operation: 'delete',
    flags: {},
    at: formatHaloDate(input.write.now),
  })
  return haloEmptyOk()
}

/** `/Attachment`: list per ticket (and action), JSON base64 upload, multipart upload, download, delete. */
export function attachmentRoutes(): HaloRoute[] {
  return [
    { method: 'get', path: '/Attachment', area: 'tickets', resolve: listAttachments },
    { method: 'post', path: '/Attachment/image', area: 'tickets', resolve: uploadMultipart },
    { method: 'get', path: '/Attachment/:id', area: 'tickets', parameters: { id: integerParameter }, resolve: downloadAttachment },
    { method: 'post', path: '/Attachment', area: 'tickets', resolve: uploadJson },
    { method: 'delete', path: '/Attachment/:id', area: 'tickets', parameters: { id: integerParameter }, resolve: deleteAttachment },
  ]
}
