/**
 * The remaining REST 1.0 forms: comment/reply (Forms/ticket/comment), links
 * (Forms/ticket/links), users (Forms/user/default, ns) and queues (Forms/queue/default, ns),
 * including the Perl crash RT 5.0.3 answers when a user without rights names a queue.
 */
import { buildRest1Message } from '../rt-messages'
import { canModifyTicket, canSeeTicket } from '../rt-ticket-actions'
import { setTicketStatus } from '../rt-ticket-fields'
import { addLink, deleteLink, type LinkName, linkNames } from '../rt-ticket-links'
import { recordNote } from '../rt-ticket-notes'
import { type Rest1Context, type Rest1FormCall, type Rest1FormResult, rest1Comment } from './rt-rest1-context'
import { type Rest1Value, splitRest1Values } from './rt-rest1-form'
import { rest1Attachments } from './rt-rest1-attachments'
import { createRest1User } from './rt-rest1-user-create'

function scalar(value: Rest1Value): string {
  if (Array.isArray(value)) return value.join(', ')
  return value ?? ''
}

/** Forms/ticket/comment: `Action: comment|correspond`, `Text`, `Attachment`, Cc/Bcc/TimeWorked/Status. */
export function rest1CommentForm(context: Rest1Context, call: Rest1FormCall): Rest1FormResult {
  const { database } = context
  const changes = call.changes ?? new Map<string, Rest1Value>()
  const ticket = database.tickets.get(Number(call.id))
  if (!ticket) return rest1Comment(`# Ticket ${call.id} does not exist.`)
  // RT reads these keys case-sensitively here, unlike the ticket form.
  const rawAction = scalar(changes.get('Action'))
  const action = rawAction ? rawAction.charAt(0).toUpperCase() + rawAction.slice(1).toLowerCase() : ''
  if (action !== 'Comment' && action !== 'Correspond') return rest1Comment(`# Invalid action: \`${action}'.`)
  const text = scalar(changes.get('Text'))
  const names = splitRest1Values(changes.get('Attachment'))
  if (!text && names.length === 0) return rest1Comment('# Empty comment with no attachments submitted.')
  const files = rest1Attachments(context, names)
  if (typeof files === 'string') return rest1Comment(`# ${files}`)
  const right = action === 'Comment' ? 'CommentOnTicket' : 'ReplyToTicket'
  if (!canModifyTicket(database, context.user) && !database.hasRight(context.user.id, right)) {
    return rest1Comment(`# You are not allowed to ${action} on ticket ${call.id}.`)
  }
  const message = buildRest1Message({ text: text || undefined, contentType: scalar(changes.get('Content-Type')) || 'text/plain', files })
  const outcome = recordNote(context, context.user, ticket, action, message, {
    timeTaken: Number(scalar(changes.get('TimeWorked'))) || 0,
    recipients: { cc: splitRest1Values(changes.get('Cc')), bcc: splitRest1Values(changes.get('Bcc')) },
  })
  let comment = `# ${outcome.message}`
  // After the message, whatever became of it, as RT's form does.
  const status = scalar(changes.get('Status'))
  if (status) comment += `\n# ${setTicketStatus(context, context.user, ticket, status).message}`
  return { comment, order: [], values: new Map(), failed: false }
}

const linkFields: LinkName[] = ['DependsOn', 'DependedOnBy', 'RefersTo', 'ReferredToBy', 'Members', 'MemberOf']

/** The link URIs of a ticket for one link name, as REST 1.0 lists them. */
function linkValues(context: Rest1Context, ticketId: number, name: LinkName): string[] {
  const { database } = context
  const uri = database.ticketUri(ticketId)
  const { type, mode } = linkNames[name]
  // The ticket is the base when the link name reads from it (DependsOn), the target otherwise.
  const end = mode === 'Target' ? 'base' : 'target'
  return [...database.links.values()]
    .filter((link) => link.type === type && (end === 'base' ? link.base === uri : link.target === uri))
    .map((link) => (end === 'base' ? link.target : link.base))
}

/** Forms/ticket/links: show a ticket's links, or set them from a form. */
export function rest1LinksForm(context: Rest1Context, call: Rest1FormCall): Rest1FormResult {
  const { database } = context
  const ticket = database.tickets.get(Number(call.id))
  if (!ticket) return rest1Comment(`# Ticket ${call.id} does not exist.`)
  const visible = canSeeTicket(database, context.user)
  if (!call.changes) {
    const pairs: [string, Rest1Value][] = [['id', `ticket/${ticket.id}/links`]]
    for (const name of linkFields) {
      const values = visible ? linkValues(context, ticket.id, name) : []
      if (values.length === 0 && call.format === 'l') values.push('')
      if (values.length > 0) pairs.push([name, values])
    }
    return { comment: '', order: pairs.map(([key]) => key), values: new Map(pairs), failed: false }
  }
  const comments: string[] = []
  let failed = false
  let order: string[] = []
  let values = new Map<string, Rest1Value>()
  for (const originalKey of [...call.changeOrder].reverse()) {
    const key = originalKey.toLowerCase()
    const name = linkFields.find((field) => field.toLowerCase() === key)
    let problem: string | undefined
    if (name) {
      const old = new Set(linkValues(context, ticket.id, name))
      const wanted = new Set<string>()
      for (const item of splitRest1Values(call.changes.get(originalKey))) {
        if (/^\d+$/.test(item)) {
          if (!database.tickets.has(Number(item))) {
            problem = `Ticket ${item} does not exist.`
            break
          }
          wanted.add(database.ticketUri(Number(item)))
        } else wanted.add(item)
      }
      if (!problem) {
        for (const uri of old) {
          if (wanted.has(uri)) continue
          const outcome = deleteLink(context, context.user, ticket, name, uri)
          if (!outcome.ok) problem = outcome.message
        }
        for (const uri of wanted) {
          if (old.has(uri)) continue
          const outcome = addLink(context, context.user, ticket, name, uri)
          if (!outcome.ok) problem = outcome.message
        }
      }
    } else if (key !== 'id' && key !== 'type') {
      problem = `Unknown field: ${key}`
    }
    if (problem) {
      failed = true
      comments.push(`# ${key}: ${problem}`)
      if (order.length === 0) {
        order = ['id', ...linkFields]
        values = call.changes
      }
    }
  }
  if (comments.length === 0) comments.push(`# Links for ticket ${call.id} updated.`)
  return { comment: comments.join('\n'), order, values, failed }
}

const userFields = [
  'Name',
  'EmailAddress',
  'RealName',
  'NickName',
  'Gecos',
  'Organization',
  'Address1',
  'Address2',
  'City',
  'State',
  'Zip',
  'Country',
  'HomePhone',
  'WorkPhone',
  'MobilePhone',
  'PagerPhone',
  'FreeformContactInfo',
  'Comments',
  'Signature',
  'Lang',
  'Privileged',
  'Disabled',
]

/** Forms/user/ns: a name (or address) to an id. */
export function rest1UserName(context: Rest1Context, name: string): number | string {
  const user = [...context.database.users.values()].find(
    (candidate) => (name.includes('@') ? (candidate.emailAddress ?? '') : candidate.name).toLowerCase() === name.toLowerCase(),
  )
  return user ? user.id : `No user named ${name} exists.`
}

/** Forms/user/default: shows a user (non-empty fields), or updates simple fields. */
export function rest1UserForm(context: Rest1Context, call: Rest1FormCall): Rest1FormResult {
  const { database } = context
  if (call.id === 'new' && call.changes && call.changes.size > 0) return createRest1User(context, call)
  const user = database.users.get(Number(call.id))
  if (!user) return rest1Comment(`# User ${call.id} does not exist.`)
  const fields = call.fields.size > 0 ? userFields.filter((field) => call.fields.has(field.toLowerCase())) : userFields
  const seesAll = database.hasRight(context.user.id, 'AdminUsers') || context.user.id === user.id
  const fieldValue = (field: string): string | undefined => {
    switch (field) {
      case 'Name':
        return user.name
      case 'EmailAddress':
        return user.emailAddress ?? undefined
      case 'RealName':
        return user.realName ?? undefined
      case 'Gecos':
        return seesAll ? (user.gecos ?? undefined) : undefined
      case 'Organization':
        return user.organization ?? undefined
      case 'Comments':
        return seesAll ? (user.comments ?? undefined) : undefined
      case 'Privileged':
        return user.privileged ? '1' : undefined
      case 'Disabled':
        return user.disabled ? '1' : '0'
      default:
        return undefined
    }
  }
  if (!call.changes || call.changes.size === 0) {
    const pairs: [string, Rest1Value][] = [['id', `user/${user.id}`]]
    if (!(call.fields.size > 0 && !call.fields.has('password'))) pairs.push(['Password', '********'])
    for (const field of fields) {
      const value = fieldValue(field)
      if (call.fields.has(field.toLowerCase()) || call.format === 'l' || (value !== undefined && value !== '')) {
        pairs.push([field === 'FreeformContactInfo' ? 'ContactInfo' : field, value ?? ''])
      }
    }
    return { comment: '', order: pairs.map(([key]) => key), values: new Map(pairs), failed: false }
  }
  if (!database.hasRight(context.user.id, 'AdminUsers')) return rest1Comment('# Permission Denied')
  const comments: string[] = []
  let updated = false
  let failed = false
  for (const [key, value] of call.changes) {
    const lower = key.toLowerCase()
    const text = scalar(value)
    if (lower === 'id') continue
    if (lower === 'name') user.name = text
    else if (lower === 'emailaddress') user.emailAddress = text
    else if (lower === 'realname') user.realName = text
    else if (lower === 'organization') user.organization = text
    else if (lower === 'comments') user.comments = text
    else if (lower === 'gecos') user.gecos = text
    else if (lower === 'password') {
      if (!/^\**$/.test(text)) user.password = text
    } else {
      failed = true
      comments.push(`# ${lower}: Unknown field.`)
      continue
    }
    updated = true
  }
  if (updated) {
    user.lastUpdated = database.now()
    comments.push(`# User ${user.id} updated.`)
  }
  return {
    comment: comments.join('\n'),
    order: failed ? ['id', ...call.changeOrder.filter((key) => key !== 'id')] : [],
    values: failed ? call.changes : new Map(),
    failed,
  }
}

/**
 * The text RT 5.0.3 answers (HTTP 200, no status line) when a user who may not see a queue names
 * it: Forms/queue/ns counts the queue, then fails to load it.
 */
const rest1QueueNameCrash =
  `Can't call method "Id" on an undefined value at /usr/share/request-tracker5/html/REST/1.0/Forms/queue/ns line 58.\n\n` +
  'Stack:\n' +
  '  [/usr/share/request-tracker5/html/REST/1.0/Forms/queue/ns:58]\n' +
  '  [/usr/share/request-tracker5/html/REST/1.0/dhandler:262]\n' +
  '  [/usr/share/request-tracker5/html/REST/1.0/autohandler:55]\n' +
  '  [/usr/share/request-tracker5/lib/RT/Interface/Web.pm:746]\n' +
  '  [/usr/share/request-tracker5/lib/RT/Interface/Web.pm:425]\n' +
  '  [/usr/share/request-tracker5/html/autohandler:53]\n'

/** A Perl error escaping Mason: the dispatcher answers its text as the whole body. */
export class Rest1Crash extends Error {
  override readonly name = 'Rest1Crash'
  constructor(readonly body: string) {
    super(body.split('\n')[0])
  }
}

/** Forms/queue/ns: a queue name to an id; throws RT's crash when the user may not see it. */
export function rest1QueueName(context: Rest1Context, name: string): number | string {
  const queue = [...context.database.queues.values()].find((candidate) => candidate.name.toLowerCase() === name.toLowerCase())
  if (!queue) return `No queue named ${name} exists.`
  if (!context.database.hasRight(context.user.id, 'SeeQueue')) throw new Rest1Crash(rest1QueueNameCrash)
  return queue.id
}

/** Forms/queue/default: shows a queue (fields blank when the user may not see it). */
export function rest1QueueForm(context: Rest1Context, call: Rest1FormCall): Rest1FormResult {
  const { database } = context
  const queue = database.queues.get(Number(call.id))
  if (!queue) return rest1Comment(`# Queue ${call.id} does not exist.`)
  const visible = database.hasRight(context.user.id, 'SeeQueue')
  const all: [string, string][] = [
    ['Name', queue.name],
    ['Description', queue.description],
    ['CorrespondAddress', queue.correspondAddress],
    ['CommentAddress', queue.commentAddress],
    ['Disabled', String(queue.disabled)],
    ['SLADisabled', String(queue.slaDisabled)],
  ]
  const shown = call.fields.size > 0 ? all.filter(([name]) => call.fields.has(name.toLowerCase())) : all
  if (!call.changes || call.changes.size === 0) {
    const pairs: [string, Rest1Value][] = [
      ['id', `queue/${queue.id}`],
      ...shown.map(([name, value]): [string, Rest1Value] => [name, visible ? value : '']),
    ]
    return { comment: '', order: pairs.map(([key]) => key), values: new Map(pairs), failed: false }
  }
  if (!database.hasRight(context.user.id, 'AdminQueue')) return rest1Comment('# Permission Denied')
  const comments: string[] = []
  let updated = false
  for (const [key, value] of call.changes) {
    const lower = key.toLowerCase()
    const text = scalar(value)
    if (lower === 'id') continue
    if (lower === 'name') queue.name = text
    else if (lower === 'description') queue.description = text
    else if (lower === 'correspondaddress') queue.correspondAddress = text
    else if (lower === 'commentaddress') queue.commentAddress = text
    else {
      comments.push(`# ${lower}: Unknown field.`)
      continue
    }
    updated = true
  }
  if (updated) {
    queue.lastUpdated = database.now()
    comments.push(`# Queue ${queue.id} updated.`)
  }
  return { comment: comments.join('\n'), order: [], values: new Map(), failed: comments.some((line) => line.includes('Unknown field')) }
}
