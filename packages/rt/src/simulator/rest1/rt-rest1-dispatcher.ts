/**
 * RT 5.0.3's REST 1.0 dispatcher (html/REST/1.0/dhandler) ported: object specifications
 * (`ticket/1/history`, `show?id=ticket/1-2`, `ticket/new`), name resolution, field filters,
 * the one-form rule, and how handler results become the status line and body, including the
 * empty body when an edit changed nothing.
 */
import type { Rest1Context, Rest1FormCall, Rest1FormHandler } from './rt-rest1-context'
import { type Rest1Form, composeRest1Forms } from './rt-rest1-form'
import { readRest1FieldList, readRest1Objects, rest1Label, rest1Name } from './rt-rest1-object-spec'
import { rest1AttachmentsForm, rest1HistoryForm } from './rt-rest1-ticket-history'
import { rest1TicketForm } from './rt-rest1-ticket-form'
import { rest1CommentForm, rest1LinksForm, rest1QueueForm, rest1QueueName, rest1UserForm, rest1UserName } from './rt-rest1-other-forms'

/** A REST 1.0 answer: the body and, for raw non-text content, its Content-Type. */
export interface Rest1Answer {
  body: Buffer
  contentType?: string
}

const handlers: Record<string, Record<string, Rest1FormHandler>> = {
  ticket: {
    default: rest1TicketForm,
    history: rest1HistoryForm,
    attachments: rest1AttachmentsForm,
    comment: rest1CommentForm,
    links: rest1LinksForm,
  },
  user: { default: rest1UserForm },
  queue: { default: rest1QueueForm },
}

const nameResolvers: Record<string, (context: Rest1Context, name: string) => number | string> = {
  user: rest1UserName,
  queue: rest1QueueName,
}

function status(version: string, text: string): string {
  return `RT/${version} ${text}\n\n`
}

/** The status line and text as RT writes them; an edit that changed nothing answers an empty body. */
function answer(version: string, statusText: string, output: string): Rest1Answer {
  if (output) output += '\n'
  if (!output && statusText.startsWith('200')) return { body: Buffer.alloc(0) }
  return { body: Buffer.from(status(version, statusText) + output, 'utf8') }
}

/** The dhandler: answers one request for `object` (the path after /REST/1.0/). */
export function dispatchRest1(context: Rest1Context, object: string): Rest1Answer {
  const version = context.database.identity.version
  const parameters = context.parameters
  const content = parameters.values.get('content')?.[0]
  const format = parameters.values.get('format')?.[0]
  const request = readRest1Objects(object, parameters)
  if (request.refused) return answer(version, request.statusText, request.output)
  const { objects, forms } = request
  if (objects.length === 0) return answer(version, '400 Bad Request', 'No objects specified.')
  const fieldList = readRest1FieldList(parameters.values.get('fields')?.[0])
  if (!Array.isArray(fieldList)) return answer(version, fieldList.statusText, fieldList.output)
  const fields = new Set(fieldList)
  let statusText = '200 Ok'
  const comments: string[] = []
  const outputs: Rest1Form[] = []
  for (const current of objects) {
    const target = resolveRest1Object(context, current)
    const form = content && forms ? forms.shift() : undefined
    if ('problem' in target) {
      outputs.push({ comment: target.problem, order: form?.order ?? ['id'], values: form?.values ?? new Map([['id', current]]) })
      continue
    }
    const call: Rest1FormCall = {
      id: target.id,
      args: target.args,
      format,
      fields,
      changes: form ? form.values : undefined,
      changeOrder: form?.order ?? [],
    }
    const result = target.handler(context, call)
    if (result.subRequest) return showSubRequest(context, result.subRequest)
    if (result.rawContent) {
      return {
        body: Buffer.concat([Buffer.from(status(version, statusText), 'utf8'), result.rawContent]),
        ...(result.contentType ? { contentType: result.contentType } : {}),
      }
    }
    if (!form) {
      let { order, values } = result
      if (!result.failed && order.length > 0 && fields.size > 0) {
        const byLowerCase = new Map([...values.keys()].map((key) => [key.toLowerCase(), key]))
        order = fieldList.map((field) => byLowerCase.get(field)).filter((key): key is string => key !== undefined)
        values = new Map([...values].filter(([key]) => fields.has(key.toLowerCase())))
      }
      if (result.comment || order.length > 0 || values.size > 0) outputs.push({ comment: result.comment, order, values })
    } else if (result.failed) {
      statusText = result.order.length > 0 ? '409 Syntax Error' : '400 Bad Request'
      outputs.push({ comment: result.comment, order: result.order, values: result.values })
    } else {
      comments.push(result.comment)
    }
  }
  if (comments.length > 0) outputs.unshift({ comment: comments.join('\n'), values: new Map() })
  return answer(version, statusText, composeRest1Forms(outputs))
}

/**
 * The handler of one object specification (`ticket/1`, `ticket/1/history/id/3`, `user/root`),
 * with the object's id (names resolved) and what follows the attribute; or the `# ...` problem.
 */
function resolveRest1Object(
  context: Rest1Context,
  current: string,
): { handler: Rest1FormHandler; id: string; args: string | undefined } | { problem: string } {
  const match =
    new RegExp(`^(${rest1Name})/(\\d+|${rest1Label})(?:/(${rest1Name})(?:/([\\s\\S]*))?)?$`).exec(current) ??
    new RegExp(`^(${rest1Name})/(new)$`).exec(current)
  if (!match) return { problem: `# Invalid object specification: '${current}'` }
  const type = match[1] as string
  let id = match[2] as string
  const attribute = match[3] ?? 'default'
  let args = match[4]
  const typeHandlers = handlers[type]
  const handler = typeHandlers?.[attribute]
  if (!handler) {
    // An unknown attribute goes to the type's default handler, which reads it from `args`.
    args = args !== undefined ? `${attribute}/${args}` : attribute
    const fallback = typeHandlers?.default
    return fallback ? { handler: fallback, id, args } : { problem: `# Unknown object type: ${type}` }
  }
  if (id !== 'new' && !/^\d+$/.test(id)) {
    const resolver = nameResolvers[type]
    if (!resolver) return { problem: `# Objects of type ${type} must be specified by numeric id.` }
    const resolved = resolver(context, id)
    if (typeof resolved === 'string') return { problem: `# ${resolved}` }
    id = String(resolved)
  }
  return { handler, id, args }
}

/** RT's `$m->subexec('/REST/1.0/show', ...)`: the long history format is a show of its transactions. */
function showSubRequest(context: Rest1Context, subRequest: { ids: string[]; fields: string }): Rest1Answer {
  const values = new Map<string, string[]>([
    ['id', subRequest.ids],
    ['format', ['l']],
  ])
  if (subRequest.fields) values.set('fields', [subRequest.fields])
  return dispatchRest1({ ...context, parameters: { values, uploads: context.parameters.uploads, parts: [] } }, 'show')
}
