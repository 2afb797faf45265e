/**
 * The columns of REST2's records as RT's `_Accessible` sees them (text, a date, or another
 * record): what `fields=` expands, JSON conditions compare and `orderby` sorts by.
 */
import type { RtAttachment, RtCustomField, RtGroup, RtQueue, RtTicket, RtTransaction, RtUser } from '../rt-records'
import type { CollectionItem, Rest2Context } from './rt-rest2-context'

/** RT answers 500 with an empty body when `fields=Parent` meets a top-level attachment. */
export class Rest2ExpansionCrash extends Error {
  override readonly name = 'Rest2ExpansionCrash'
}

/** A column's value: text (null when unset), a date in seconds, or the record it points at. */
export type FieldValue = { text: string | null } | { object: CollectionItem } | { date: number | null }

/** Each column of one record, read when asked for. */
type Columns = Record<string, () => FieldValue>

/** A column pointing at a user or queue: that record, or its bare id when it is gone. */
type RecordColumn = (kind: 'user' | 'queue', id: number) => FieldValue

const text = (value: string | number | null | undefined): FieldValue => ({ text: value === null || value === undefined ? null : String(value) })

function asItem(kind: 'user' | 'queue' | 'ticket' | 'transaction' | 'attachment', context: Rest2Context, id: number): CollectionItem | undefined {
  const { database } = context
  if (kind === 'user') {
    const row = database.users.get(id)
    return row ? { kind, row } : undefined
  }
  if (kind === 'queue') {
    const row = database.queues.get(id)
    return row ? { kind, row } : undefined
  }
  if (kind === 'ticket') {
    const row = database.tickets.get(id)
    return row ? { kind, row } : undefined
  }
  if (kind === 'transaction') {
    const row = database.transactions.get(id)
    return row ? { kind, row } : undefined
  }
  const row = database.attachments.get(id)
  return row ? { kind, row } : undefined
}

/** A column of a record as RT's `_Accessible` sees it: text, a date, or another record. */
export function columnText(context: Rest2Context, item: CollectionItem, field: string): FieldValue | undefined {
  const object: RecordColumn = (kind, id) => {
    const target = asItem(kind, context, id)
    return target ? { object: target } : { text: String(id) }
  }
  return columnsOf(context, item, object)[field]?.()
}

function columnsOf(context: Rest2Context, item: CollectionItem, object: RecordColumn): Columns {
  switch (item.kind) {
    case 'ticket':
      return ticketColumns(item.row, object)
    case 'transaction':
      return transactionColumns(item.row, object)
    case 'attachment':
      return attachmentColumns(context, item.row, object)
    case 'queue':
      return queueColumns(item.row, object)
    case 'user':
      return userColumns(item.row, object)
    case 'group':
      return groupColumns(item.row)
    case 'customfield':
      return customFieldColumns(item.row)
  }
}

function ticketColumns(ticket: RtTicket, object: RecordColumn): Columns {
  return {
    id: () => text(ticket.id),
    EffectiveId: () => text(ticket.effectiveId),
    Queue: () => object('queue', ticket.queueId),
    Type: () => text(ticket.type),
    Owner: () => object('user', ticket.ownerId),
    Subject: () => text(ticket.subject),
    InitialPriority: () => text(ticket.initialPriority),
    FinalPriority: () => text(ticket.finalPriority),
    Priority: () => text(ticket.priority),
    TimeEstimated: () => text(ticket.timeEstimated),
    TimeWorked: () => text(ticket.timeWorked),
    TimeLeft: () => text(ticket.timeLeft),
    Status: () => text(ticket.status),
    SLA: () => text(null),
    IssueStatement: () => text(null),
    Resolution: () => text(null),
    Disabled: () => text(null),
    IsMerged: () => text(null),
    Told: () => ({ date: ticket.told }),
    Starts: () => ({ date: ticket.starts }),
    Started: () => ({ date: ticket.started }),
    Due: () => ({ date: ticket.due }),
    Resolved: () => ({ date: ticket.resolved }),
    LastUpdated: () => ({ date: ticket.lastUpdated }),
    Created: () => ({ date: ticket.created }),
    LastUpdatedBy: () => object('user', ticket.lastUpdatedById),
    Creator: () => object('user', ticket.creatorId),
  }
}

function transactionColumns(transaction: RtTransaction, object: RecordColumn): Columns {
  return {
    id: () => text(transaction.id),
    ObjectType: () => text(transaction.objectType),
    ObjectId: () => text(transaction.objectId),
    TimeTaken: () => text(transaction.timeTaken),
    Type: () => text(transaction.type),
    Field: () => text(transaction.field),
    OldValue: () => text(transaction.oldValue),
    NewValue: () => text(transaction.newValue),
    ReferenceType: () => text(transaction.referenceType),
    OldReference: () => text(transaction.oldReference),
    NewReference: () => text(transaction.newReference),
    Data: () => text(transaction.data),
    Creator: () => object('user', transaction.creatorId),
    Created: () => ({ date: transaction.created }),
  }
}

function attachmentColumns(context: Rest2Context, attachment: RtAttachment, object: RecordColumn): Columns {
  return {
    id: () => text(attachment.id),
    TransactionId: () => text(attachment.transactionId),
    MessageId: () => text(attachment.messageId),
    Parent: () => {
      const parent = asItem('attachment', context, attachment.parentId)
      if (!parent) throw new Rest2ExpansionCrash("Can't call method on an undefined value")
      return { object: parent }
    },
    Subject: () => text(attachment.subject),
    Filename: () => text(attachment.filename),
    ContentType: () => text(attachment.contentType),
    ContentEncoding: () => text(attachment.contentEncoding),
    Content: () => text(/^multipart\//i.test(attachment.contentType) ? '' : attachment.content.toString('utf8')),
    Headers: () => text(attachment.headers),
    Creator: () => object('user', attachment.creatorId),
    Created: () => ({ date: attachment.created }),
  }
}

function queueColumns(queue: RtQueue, object: RecordColumn): Columns {
  return {
    id: () => text(queue.id),
    Name: () => text(queue.name),
    Description: () => text(queue.description),
    CorrespondAddress: () => text(queue.correspondAddress),
    CommentAddress: () => text(queue.commentAddress),
    Lifecycle: () => text(queue.lifecycle),
    SortOrder: () => text(queue.sortOrder),
    Disabled: () => text(queue.disabled),
    SLADisabled: () => text(queue.slaDisabled),
    Creator: () => object('user', queue.creatorId),
    Created: () => ({ date: queue.created }),
    LastUpdatedBy: () => object('user', queue.lastUpdatedById),
    LastUpdated: () => ({ date: queue.lastUpdated }),
  }
}

function userColumns(user: RtUser, object: RecordColumn): Columns {
  return {
    id: () => text(user.id),
    Name: () => text(user.name),
    EmailAddress: () => text(user.emailAddress),
    RealName: () => text(user.realName),
    Gecos: () => text(user.gecos),
    Comments: () => text(user.comments),
    Organization: () => text(user.organization),
    Creator: () => object('user', user.creatorId),
    Created: () => ({ date: user.created }),
    LastUpdatedBy: () => object('user', user.lastUpdatedById),
    LastUpdated: () => ({ date: user.lastUpdated }),
  }
}

function groupColumns(group: RtGroup): Columns {
  return {
    id: () => text(group.id),
    Name: () => text(group.name),
    Domain: () => text(group.domain),
    Instance: () => text(group.instance),
    Description: () => text(''),
    Created: () => ({ date: group.created }),
  }
}

function customFieldColumns(customField: RtCustomField): Columns {
  return {
    id: () => text(customField.id),
    Name: () => text(customField.name),
    Description: () => text(customField.description),
    Type: () => text(customField.type),
    LookupType: () => text(customField.lookupType),
    MaxValues: () => text(customField.maxValues),
    Pattern: () => text(customField.pattern),
    EntryHint: () => text(customField.entryHint),
    SortOrder: () => text(customField.sortOrder),
    Disabled: () => text(customField.disabled ? 1 : 0),
    Created: () => ({ date: customField.created }),
    LastUpdated: () => ({ date: customField.lastUpdated }),
  }
}
