/**
 * RT 5.0.3's REST 1.0 dispatcher (html/REST/1.0/dhandler) ported: object specifications
 * (`ticket/1/history`, `show?id=ticket/1-2`, `ticket/new`), name resolution, field filters,
 * the one-form rule, and how handler results become the status line and body, including the
 * empty body when an edit changed nothing.
 */
import type { Rest1Context, Rest1FormCall, Rest1FormHandler } from './rt-rest1-context'
import { type Rest1Form, composeRest1Forms, expandRest1List, parseRest1Forms, rest1FieldListPattern } from './rt-rest1-form'
import { rest1AttachmentsForm, rest1HistoryForm } from './rt-rest1-ticket-history'
import { rest1TicketForm } from './rt-rest1-ticket-form'
import { rest1CommentForm, rest1LinksForm, rest1QueueForm, rest1QueueName, rest1UserForm, rest1UserName } from './rt-rest1-other-forms'

/** A REST 1.0 answer: the body and, for raw non-text content, its Content-Type. */
export interface Rest1Answer {
  body: Buffer
  contentType?: string
}

const handlers: Record<string, Record<string, Rest1FormHandler>> = {
  ticket: { default: rest1TicketForm, history: rest1HistoryForm, attachments: rest1AttachmentsForm, comment: rest1CommentForm, links: rest1LinksForm },
  user: { default: rest1UserForm },
  queue: { default: rest1QueueForm },
}

const nameResolvers: Record<string, (context: Rest1Context, name: string) => number | string> = {
  user: rest1UserName,
  queue: rest1QueueName,
}

const name = String.raw`[\w.-]+`
const list = String.raw`(?:(?:\d+-)?\d+,)*(?:\d+-)?\d+`
const label = String.raw`[^,\\/]+`
const labels = `(?:${label},)*${label}`

function status(version: string, text: string): string {
  return `RT/${version} ${text}\n\n`
}

/** The dhandler: answers one request for `object` (the path after /REST/1.0/). */
export function dispatchRest1(context: Rest1Context, object: string): Rest1Answer {
  const version = context.database.identity.version
  const parameters = context.parameters
  const content = parameters.values.get('content')?.[0]
  const fieldsParameter = parameters.values.get('fields')?.[0]
  const format = parameters.values.get('format')?.[0]
  let statusText = '200 Ok'
  let output = ''
  const finish = (): Rest1Answer => {
    if (output) output += '\n'
    if (!output && statusText.startsWith('200')) return { body: Buffer.alloc(0) }
    return { body: Buffer.from(status(version, statusText) + output, 'utf8') }
  }
  const objects: string[] = []
  let forms: Rest1Form[] | undefined
  const showType = object === 'show' ? '' : new RegExp(`^(${name})/show$`).exec(object)?.[1]
  const editType = object === 'edit' ? '' : new RegExp(`^(${name})/edit$`).exec(object)?.[1]
  if (showType !== undefined) {
    for (let id of parameters.values.get('id') ?? []) {
      if (showType) id = id.replace(new RegExp(`^(?:${showType}/)?`), `${showType}/`)
      const match = new RegExp(`^(${name})/(${list}|${labels})(?:(/.*))?$`).exec(id)
      if (!match) {
        statusText = '400 Bad Request'
        output = `Invalid object ID specified: '${id}'`
        return finish()
      }
      const [, type, ids, extraText] = match
      const extra = extraText ?? ''
      const extraMatch = new RegExp(`^(?:/(${name})(?:/(.*))?)?$`).exec(extra)
      const attribute = extraMatch?.[1]
      const transactionIds = attribute === 'history' && extraMatch?.[2] ? /id\/(\d.*)/.exec(extraMatch[2])?.[1] : undefined
      for (const objectId of expandRest1List(ids as string)) {
        if (transactionIds) for (const transactionId of expandRest1List(transactionIds)) objects.push(`${type}/${objectId}/${attribute}/id/${transactionId}`)
        else objects.push(`${type}/${objectId}${extra}`)
      }
    }
  } else if (editType !== undefined) {
    forms = parseRest1Forms(content ?? '')
    const errors: Rest1Form[] = []
    for (const form of forms) {
      if (form.error) {
        errors.push({ comment: '# Syntax error.', order: form.order ?? [], values: form.values, error: form.error })
        continue
      }
      const idValue = form.values.get('id')
      if (idValue === undefined) {
        errors.push({ comment: '# No object ID specified.', order: form.order ?? [], values: form.values })
        continue
      }
      let id = String(idValue)
      let type = editType || id.replace(/^([^/]+)\/\d+$/, '$1')
      if (editType) type = `${editType}/`
      type = type.replace(/\/$/, '')
      if (type) id = id.replace(new RegExp(`^(?:${type}/)?`), `${type}/`)
      if (new RegExp(`^${name}/(?:${label}|\\d+)(?:/.*)?`).test(id)) objects.push(id)
      else errors.push({ comment: `# Invalid object ID: '${id}'`, order: form.order ?? [], values: form.values })
    }
    if (errors.length > 0) {
      statusText = '409 Syntax Error'
      output = composeRest1Forms([{ comment: '# Please resubmit with errors corrected.', values: new Map() }, ...errors])
      return finish()
    }
  } else {
    objects.push(object)
    if (content) {
      forms = parseRest1Forms(content)
      if (forms.length > 1) {
        statusText = '400 Bad Request'
        output = 'You may submit only one form to this object.'
        return finish()
      }
      const first = forms[0]
      if (first?.error) {
        statusText = '409 Syntax Error'
        output = composeRest1Forms([{ comment: '# Syntax error.', order: first.order ?? [], values: first.values, error: first.error }])
        return finish()
      }
    }
  }
  if (objects.length === 0) {
    statusText = '400 Bad Request'
    output = 'No objects specified.'
    return finish()
  }
  const fieldList: string[] = []
  if (fieldsParameter) {
    if (!rest1FieldListPattern.test(fieldsParameter)) {
      statusText = '400 Bad Request'
      output = `Invalid field specification: ${fieldsParameter}`
      return finish()
    }
    for (const field of fieldsParameter.split(/\s*,\s*/).map((item) => item.toLowerCase())) if (!fieldList.includes(field)) fieldList.push(field)
    if (!fieldList.includes('id')) fieldList.unshift('id')
    for (const [index, field] of fieldList.entries()) {
      const custom = /^(c(?:ustom)?f(?:ield)?)-(.+)/.exec(field)
      if (custom) fieldList[index] = `cf.{${custom[2]}}`
    }
  }
  const fields = new Set(fieldList)
  const comments: string[] = []
  const outputs: Rest1Form[] = []
  for (const current of objects) {
    const match = new RegExp(`^(${name})/(\\d+|${label})(?:/(${name})(?:/([\\s\\S]*))?)?$`).exec(current) ?? new RegExp(`^(${name})/(new)$`).exec(current)
    let problem: string | undefined
    let handler: Rest1FormHandler | undefined
    let id = ''
    let args: string | undefined
    if (!match) {
      problem = `# Invalid object specification: '${current}'`
    } else {
      const type = match[1] as string
      id = match[2] as string
      const attribute = match[3] ?? 'default'
      args = match[4]
      const typeHandlers = handlers[type]
      handler = typeHandlers?.[attribute]
      if (!handler) {
        args = args !== undefined ? `${attribute}/${args}` : attribute
        handler = typeHandlers?.default
        if (!handler) problem = `# Unknown object type: ${type}`
      } else if (id !== 'new' && !/^\d+$/.test(id)) {
        const resolver = nameResolvers[type]
        if (!resolver) problem = `# Objects of type ${type} must be specified by numeric id.`
        else {
          const resolved = resolver(context, id)
          if (typeof resolved === 'string') problem = `# ${resolved}`
          else id = String(resolved)
        }
      }
    }
    if (problem !== undefined || !handler) {
      const form = content && forms ? forms.shift() : undefined
      outputs.push({ comment: problem ?? '', order: form?.order ?? ['id'], values: form?.values ?? new Map([['id', current]]) })
      continue
    }
    const form = content && forms ? forms.shift() : undefined
    const call: Rest1FormCall = {
      id,
      args,
      format,
      fields,
      changes: form ? form.values : undefined,
      changeOrder: form?.order ?? [],
    }
    const result = handler(context, call)
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
  output = composeRest1Forms(outputs)
  return finish()
}

/** RT's `$m->subexec('/REST/1.0/show', ...)`: the long history format is a show of its transactions. */
function showSubRequest(context: Rest1Context, subRequest: { ids: string[]; fields: string }): Rest1Answer {
  const values = new Map<string, string[]>([['id', subRequest.ids], ['format', ['l']]])
  if (subRequest.fields) values.set('fields', [subRequest.fields])
  return dispatchRest1({ ...context, parameters: { values, uploads: context.parameters.uploads, parts: [] } }, 'show')
}
