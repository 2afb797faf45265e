/**
 * REST 1.0 search (html/REST/1.0/search/dhandler): `search/ticket?query=<TicketSQL>` with
 * `orderby=±Field` and `format=i|s|l`, RT's "No matching results." and its Perl-stack answer
 * to invalid TicketSQL.
 */
import { TicketSqlError } from '../rt-ticket-sql'
import { searchTickets, ticketSqlErrorText } from '../rt-ticket-search'
import type { Rest1Context } from './rt-rest1-context'
import { searchRest1Objects } from './rt-rest1-object-search'
import { type Rest1Form, composeRest1Forms, rest1FieldListPattern } from './rt-rest1-form'
import { showRest1Ticket } from './rt-rest1-ticket-form'

/** Answers `search/<type>`; the body (with status line and Mason's two trailing newlines). */
export function searchRest1(context: Rest1Context, type: string): string {
  const version = context.database.identity.version
  const parameters = context.parameters.values
  const query = parameters.get('query')?.[0]
  let format = parameters.get('format')?.[0]
  const orderBy = parameters.get('orderby')?.[0]
  const fieldsParameter = parameters.get('fields')?.[0]
  const answer = (status: string, output: string): string => `RT/${version} ${status}\n\n${output}\n\n`
  if (!/^(ticket|queue|user|group)$/i.test(type)) return answer('500 Server Error', 'Unsupported object type.')
  const objectType = type.toLowerCase()
  if (objectType === 'user' || objectType === 'queue') {
    const found = searchRest1Objects(context, objectType, { query: query ?? '', format: format || 's', orderBy })
    return answer(found.status, found.output)
  }
  if (objectType !== 'ticket') return answer('500 Server Error', 'Unsupported object type.')
  const fields = new Set<string>()
  if (fieldsParameter) {
    format ||= 'l'
    if (!rest1FieldListPattern.test(fieldsParameter)) return answer('400 Bad Request', `Invalid field specification: ${fieldsParameter}`)
    for (const field of fieldsParameter.split(/\s*,\s*/)) fields.add(field.toLowerCase())
    fields.add('id')
  }
  format ||= 's'
  if (!/^[isl]$/.test(format)) return answer('400 Bad request', `Unknown listing format: ${format}. (Use i, s, or l.)\n`)
  let tickets
  // Without orderby a real RT 5.0.3 lists ascending ids (checked), whatever the format.
  try {
    const order = orderBy ? /^([+-])?(.+)/.exec(orderBy) : null
    tickets = searchTickets(
      context.database,
      context.user,
      query ?? '',
      order ? [{ field: order[2] as string, descending: order[1] === '-' }] : [{ field: 'id', descending: false }],
    )
  } catch (error) {
    if (error instanceof TicketSqlError) return answer('400 Bad request', `Invalid query: '${ticketSqlErrorText(error, 'rest1')}'.\n`)
    throw error
  }
  let output = ''
  const forms: Rest1Form[] = []
  for (const [index, ticket] of tickets.entries()) {
    if (format === 'i') output += `ticket/${ticket.id}\n`
    else if (format === 's' && fields.size > 0) {
      // With fields, the short format is a tab-separated table under a header line.
      const shown = showRest1Ticket(context, ticket, fields)
      shown.values.set('id', String(ticket.id))
      if (index === 0) output += `${shown.order.join('\t')}\n`
      output += `${shown.order
        .map((key) => {
          const value = shown.values.get(key)
          return Array.isArray(value) ? value.join(', ') : (value ?? '')
        })
        .join('\t')}\n`
    } else if (format === 's') output += `${ticket.id}: ${ticket.subject}\n`
    else {
      const shown = showRest1Ticket(context, ticket, fields)
      forms.push({ comment: shown.comment, order: shown.order, values: shown.values })
    }
  }
  if (tickets.length === 0 && format !== 'i') output = 'No matching results.\n'
  if (forms.length > 0) output = composeRest1Forms(forms)
  return answer('200 Ok', output)
}
