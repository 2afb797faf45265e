/**
 * RT 5.0.3's default scrips, as far as they leave traces a client can see: the mail they send is
 * recorded as an `EmailRecord` (or `CommentEmailRecord`) transaction on the ticket with a
 * multipart/alternative message (text from the HTML template, then the HTML), which uses up
 * transaction and attachment ids and shows in histories and attachment lists. Nothing is sent.
 *
 * Scrips, in RT's order: On Comment Notify AdminCcs as Comment (1), On Comment Notify Other
 * Recipients as Comment (2), On Correspond Notify Owner and AdminCcs (3), On Correspond Notify
 * Other Recipients (4), On Correspond Notify Requestors and Ccs (5), On Correspond Open Inactive
 * Tickets (6), On Create Autoreply To Requestors (7), On Create Notify Owner and AdminCcs (8),
 * On Create Notify Ccs (9), On Create Notify Other Recipients (10), On Owner Change Notify
 * Owner (11), On Resolve Notify Requestors (12).
 */
import { type RtDatabase, nobodyUserId, systemUserId } from './rt-database'
import type { RtTicket, RtTransaction, RtUser } from './rt-records'
import { formatMailDate, formatRtDateString } from './rt-dates'
import { convertRtHtmlToText } from './rt-html-to-text'
import { type MessageFile, generateMessageId, mimeBoundary, storeMessage } from './rt-messages'
import { type MimeNode, encodeMimeHeaderValue } from './rt-mime'
import { recordTransaction, transactionContentAttachment, transactionDescription } from './rt-transactions'

/** What the scrips need beyond the database: the web URL RT puts in notification links. */
export interface ScripEnvironment {
  database: RtDatabase
  /** `$WebURL`, with a trailing slash (`http://127.0.0.1:9080/`). */
  webUrl: string
}

/** Extra addresses a comment or reply was sent to (REST 1.0's Cc/Bcc: "Notify Other Recipients"). */
export interface NoteRecipients {
  cc: string[]
  bcc: string[]
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&#38;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** RT's Transaction->Content(Type => 'text/html'): HTML as is, text in a <pre>. */
function transactionHtmlContent(database: RtDatabase, transaction: RtTransaction): string {
  const attachment = transactionContentAttachment(database, transaction.id)
  if (!attachment) return 'This transaction appears to have no content'
  const content = attachment.content.toString('utf8')
  if (/^text\/html$/i.test(attachment.contentType)) return content
  return `<pre style="white-space: pre-wrap; font-family: monospace;">${escapeHtml(content)}</pre>`
}

function subjectTag(database: RtDatabase, ticket: RtTicket): string {
  return `[${database.identity.rtname} #${ticket.id}]`
}

function emailsOf(users: RtUser[]): string[] {
  return users.map((user) => user.emailAddress ?? '').filter((address) => address.length > 0)
}

interface Notification {
  scripId: number
  recordType: 'EmailRecord' | 'CommentEmailRecord'
  to: string[]
  cc: string[]
  subject: string
  from: string
  html: string
  attachMessage: boolean
  autoReply?: boolean
}

function ticketUrl(environment: ScripEnvironment, ticket: RtTicket): string {
  return `${environment.webUrl}Ticket/Display.html?id=${ticket.id}`
}

function templates(environment: ScripEnvironment, ticket: RtTicket, transaction: RtTransaction) {
  const { database } = environment
  const content = (): string => transactionHtmlContent(database, transaction)
  const queue = database.queues.get(ticket.queueId)
  const url = ticketUrl(environment, ticket)
  const creator = database.users.get(transaction.creatorId)
  return {
    autoReply: (): string =>
      `<p>Greetings,</p>\n\n<p>This message has been automatically generated in response to the\ncreation of a trouble ticket regarding <b>${ticket.subject}</b>,\na summary of which appears below.</p>\n\n` +
      `<p>There is no need to reply to this message right now.  Your ticket has been\nassigned an ID of <b>${subjectTag(database, ticket)}</b>.</p>\n\n` +
      `<p>Please include the string <b>${subjectTag(database, ticket)}</b>\nin the subject line of all future correspondence about this issue. To do so,\nyou may reply to this message.</p>\n\n` +
      `<p>Thank you,<br/>\n${queue?.correspondAddress ?? ''}</p>\n\n<hr/>\n${content()}\n`,
    correspondence: (): string => `${content()}\n`,
    transaction: (): string => {
      const requestors = emailsOf(database.roleMembers(ticket.roleGroups.Requestor)).join(', ')
      const owner = database.users.get(ticket.ownerId)?.name ?? ''
      return (
        `<b>${formatRtDateString(transaction.created)}: Request <a href="${url}">${ticket.id}</a> was acted upon by ${creator?.name ?? ''}.</b>\n<br>\n<table border="0">\n` +
        `<tr><td align="right"><b>Transaction:</b></td><td>${transactionDescription(database, transaction)}</td></tr>\n` +
        `<tr><td align="right"><b>Queue:</b></td><td>${queue?.name ?? ''}</td></tr>\n` +
        `<tr><td align="right"><b>Subject:</b></td><td>${ticket.subject || '(No subject given)'} </td></tr>\n` +
        `<tr><td align="right"><b>Owner:</b></td><td>${owner}</td></tr>\n` +
        `<tr><td align="right"><b>Requestors:</b></td><td>${requestors}</td></tr>\n` +
        `<tr><td align="right"><b>Status:</b></td><td>${ticket.status}</td></tr>\n` +
        `<tr><td align="right"><b>Ticket URL:</b></td><td><a href="${url}">${url}</a></td></tr>\n</table>\n<br/>\n<br/>\n${content()}\n`
      )
    },
    adminCorrespondence: (): string => `Ticket URL: <a href="${url}">${url}</a>\n<br />\n<br />\n${content()}\n`,
    adminComment: (): string =>
      `<p>This is a comment about <a href="${url}">ticket ${ticket.id}</a>. It is not sent to the Requestor(s):</p>\n\n${content()}\n`,
    resolved: (): string =>
      '<p>According to our records, your request has been resolved.  If you have any further questions or concerns, please respond to this message.</p>\n',
  }
}

/** The notifications the default scrips send for one transaction. */
function plannedNotifications(
  environment: ScripEnvironment,
  ticket: RtTicket,
  transaction: RtTransaction,
  recipients: NoteRecipients,
): Notification[] {
  const { database } = environment
  const actor = database.users.get(transaction.creatorId)
  const actorEmail = actor?.emailAddress?.toLowerCase() ?? ''
  const notActor = (addresses: string[]): string[] => addresses.filter((address) => address.toLowerCase() !== actorEmail)
  const requestors = emailsOf(database.roleMembers(ticket.roleGroups.Requestor))
  const ccs = emailsOf(database.roleMembers(ticket.roleGroups.Cc))
  const adminCcs = emailsOf(database.roleMembers(ticket.roleGroups.AdminCc))
  const owner = ticket.ownerId === nobodyUserId ? [] : emailsOf([database.users.get(ticket.ownerId)].filter((user): user is RtUser => !!user))
  const render = templates(environment, ticket, transaction)
  const tag = subjectTag(database, ticket)
  const queue = database.queues.get(ticket.queueId)
  const actorFrom = `"${actor?.realName || actor?.name || 'RT'} via RT" <rt@${database.identity.organization}>`
  // RT's notifications take the message's own Subject, else the ticket's.
  const noteSubject = (): string => database.transactionAttachments(transaction.id)[0]?.subject || ticket.subject
  const plans: Notification[] = []
  const plan = (
    scripId: number,
    to: string[],
    cc: string[],
    subject: string,
    html: string,
    attachMessage: boolean,
    from = actorFrom,
    recordType: Notification['recordType'] = 'EmailRecord',
  ): void => {
    if (to.length + cc.length === 0) return
    plans.push({ scripId, recordType, to, cc, subject, from, html, attachMessage })
  }
  if (transaction.type === 'Comment') {
    plan(1, notActor(adminCcs), [], `${tag} [Comment] ${noteSubject()}`, render.adminComment(), true, actorFrom, 'CommentEmailRecord')
    plan(2, notActor(recipients.cc), [], `${tag} [Comment] ${noteSubject()}`, render.correspondence(), true, actorFrom, 'CommentEmailRecord')
  } else if (transaction.type === 'Correspond') {
    plan(3, notActor([...owner, ...adminCcs]), [], `${tag} ${noteSubject()}`, render.adminCorrespondence(), true)
    plan(4, notActor(recipients.cc), [], `${tag} ${noteSubject()}`, render.correspondence(), true)
    plan(5, notActor(requestors), notActor(ccs), `${tag} ${noteSubject()}`, render.correspondence(), true)
  } else if (transaction.type === 'Create') {
    const autoReply = requestors.length > 0
    if (autoReply) {
      plans.push({
        scripId: 7,
        recordType: 'EmailRecord',
        to: requestors,
        cc: [],
        subject: `${tag} AutoReply: ${ticket.subject}`,
        from: `"${queue?.description || queue?.name || 'RT'} via RT" <rt@${database.identity.organization}>`,
        html: render.autoReply(),
        attachMessage: false,
        autoReply: true,
      })
    }
    plan(8, notActor([...owner, ...adminCcs]), [], `${tag} ${ticket.subject}`, render.transaction(), true)
    plan(9, notActor(ccs), [], `${tag} ${ticket.subject}`, render.correspondence(), true)
  } else if (transaction.type === 'Set' && transaction.field === 'Owner') {
    const newOwner = database.users.get(Number(transaction.newValue))
    if (newOwner && newOwner.id !== nobodyUserId) plan(11, notActor(emailsOf([newOwner])), [], `${tag} ${ticket.subject}`, render.transaction(), true)
  } else if (transaction.type === 'Status' && transaction.newValue === 'resolved') {
    plan(12, notActor(requestors), [], `${tag} Resolved: ${ticket.subject}`, render.resolved(), false)
  }
  return plans
}

function notificationMessage(
  environment: ScripEnvironment,
  ticket: RtTicket,
  notification: Notification,
  messageId: string,
  files: MessageFile[],
): MimeNode {
  const { database } = environment
  const text = convertRtHtmlToText(notification.html)
  const partHeaders = (contentType: string, body: string, attachHeader: boolean): [string, string][] => {
    const headers: [string, string][] = attachHeader ? [['RT-Attach-Message', 'yes']] : []
    headers.push(
      ['Content-Type', `${contentType}; charset="utf-8"`],
      ['Content-Transfer-Encoding', /^\p{ASCII}*$/u.test(body) ? '7bit' : 'quoted-printable'],
      ['X-RT-Original-Encoding', 'utf-8'],
    )
    return headers
  }
  const alternative: MimeNode = {
    contentType: 'multipart/alternative',
    headers: [],
    parts: [
      { contentType: 'text/plain', headers: partHeaders('text/plain', text, notification.attachMessage), body: Buffer.from(text, 'utf8') },
      { contentType: 'text/html', headers: partHeaders('text/html', notification.html, false), body: Buffer.from(notification.html, 'utf8') },
    ],
  }
  const subject = encodeMimeHeaderValue(notification.subject)
  const outer: [string, string][] = [['Subject', subject]]
  if (notification.to.length > 0) outer.push(['To', notification.to.join(', ')])
  if (notification.cc.length > 0) outer.push(['CC', notification.cc.join(', ')])
  outer.push(
    ['From', notification.from],
    ['Reply-To', `rt@${database.identity.organization}`],
    ['Date', formatMailDate(database.now())],
    ['Message-ID', `<${messageId}>`],
    ['References', `<RT-Ticket-${ticket.id}@${database.identity.organization}>`],
    ['In-Reply-To', ''],
    ['Precedence', 'bulk'],
    ['X-RT-Loop-Prevention', database.identity.rtname],
    ['X-RT-Ticket', `${database.identity.rtname} #${ticket.id}`],
    ['X-Managed-BY', `RT ${database.identity.version} (http://www.bestpractical.com/rt/)`],
    ['X-RT-Originator', database.users.get(ticket.lastUpdatedById)?.emailAddress ?? ''],
  )
  if (notification.autoReply) outer.push(['Auto-Submitted', 'auto-replied'])
  outer.push(['MIME-Version', '1.0'], ['Content-Transfer-Encoding', '8bit'])
  if (files.length === 0) {
    alternative.headers = [...outer, ['Content-Type', `multipart/alternative; boundary="${mimeBoundary(database)}"`]]
    alternative.subject = subject
    alternative.messageId = messageId
    return alternative
  }
  alternative.headers = [['Content-Type', `multipart/alternative; boundary="${mimeBoundary(database)}"`]]
  const fileParts: MimeNode[] = files.map((file) => ({
    contentType: file.contentType,
    headers: [
      ['Content-Type', `${file.contentType}; name="${file.filename}"`],
      ['Content-Disposition', `attachment; filename="${file.filename}"`],
      ['Content-Transfer-Encoding', 'base64'],
    ],
    filename: file.filename,
    body: file.content,
  }))
  return {
    contentType: 'multipart/mixed',
    headers: [...outer, ['Content-Type', `multipart/mixed; boundary="${mimeBoundary(database)}"`]],
    subject,
    messageId,
    parts: [alternative, ...fileParts],
  }
}

/**
 * Runs the default scrips for a ticket transaction: records the mail they would send, and, for a
 * reply on an inactive ticket, reopens it (On Correspond Open Inactive Tickets). Returns the
 * status change transaction that reopening recorded, if any.
 */
export function runScrips(
  environment: ScripEnvironment,
  ticket: RtTicket,
  transaction: RtTransaction,
  recipients: NoteRecipients = { cc: [], bcc: [] },
): void {
  const { database } = environment
  const files: MessageFile[] = database
    .transactionAttachments(transaction.id)
    .filter((attachment) => attachment.filename)
    .map((attachment) => ({ filename: attachment.filename ?? '', contentType: attachment.contentType, content: attachment.content }))
  for (const notification of plannedNotifications(environment, ticket, transaction, recipients)) {
    const messageId = generateMessageId(database, ticket.id, notification.scripId)
    const record = recordTransaction(database, {
      objectType: 'RT::Ticket',
      objectId: ticket.id,
      type: notification.recordType,
      data: `<${messageId}>`,
      creatorId: systemUserId,
    })
    storeMessage(
      database,
      record.id,
      notificationMessage(environment, ticket, notification, messageId, notification.attachMessage ? files : []),
      systemUserId,
    )
  }
}
