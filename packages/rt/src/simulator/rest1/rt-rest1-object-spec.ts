/**
 * The objects a REST 1.0 request names, read as RT 5.0.3's dhandler reads them: `show` and
 * `edit` with their `id` parameters or forms (`show?id=ticket/1-2`, `ticket/1/history/id/3`),
 * or the path itself with at most one form; and the `fields=` list.
 */
import type { RequestParameters } from '../rt-request'
import { type Rest1Form, composeRest1Forms, expandRest1List, parseRest1Forms, rest1FieldListPattern } from './rt-rest1-form'

/** An object type or attribute name in a specification. */
export const rest1Name = String.raw`[\w.-]+`
const list = String.raw`(?:(?:\d+-)?\d+,)*(?:\d+-)?\d+`
/** An object named by label (a user or queue name) rather than by id. */
export const rest1Label = String.raw`[^,\\/]+`
const labels = `(?:${rest1Label},)*${rest1Label}`

/** A request refused as a whole: RT's status line and the text under it. */
export interface Rest1Refusal {
  refused: true
  statusText: string
  output: string
}

const refusal = (statusText: string, output: string): Rest1Refusal => ({ refused: true, statusText, output })

/** The object specifications a request is about, and the forms it submits, in order. */
export interface Rest1Objects {
  refused?: false
  objects: string[]
  forms: Rest1Form[] | undefined
}

/** Reads the objects of a request for `object` (the path after /REST/1.0/). */
export function readRest1Objects(object: string, parameters: RequestParameters): Rest1Objects | Rest1Refusal {
  const content = parameters.values.get('content')?.[0]
  const showType = object === 'show' ? '' : new RegExp(`^(${rest1Name})/show$`).exec(object)?.[1]
  if (showType !== undefined) return readShowObjects(showType, parameters.values.get('id') ?? [])
  const editType = object === 'edit' ? '' : new RegExp(`^(${rest1Name})/edit$`).exec(object)?.[1]
  if (editType !== undefined) return readEditObjects(editType, content ?? '')
  if (!content) return { objects: [object], forms: undefined }
  const forms = parseRest1Forms(content)
  if (forms.length > 1) return refusal('400 Bad Request', 'You may submit only one form to this object.')
  const first = forms[0]
  if (first?.error) {
    return refusal(
      '409 Syntax Error',
      composeRest1Forms([{ comment: '# Syntax error.', order: first.order ?? [], values: first.values, error: first.error }]),
    )
  }
  return { objects: [object], forms }
}

/** `show`: every `id` parameter, lists and ranges expanded (`ticket/1-3,7`, `ticket/1/history/id/2-4`). */
function readShowObjects(showType: string, ids: string[]): Rest1Objects | Rest1Refusal {
  const objects: string[] = []
  for (let id of ids) {
    if (showType) id = id.replace(new RegExp(`^(?:${showType}/)?`), `${showType}/`)
    const match = new RegExp(`^(${rest1Name})/(${list}|${labels})(?:(/.*))?$`).exec(id)
    if (!match) return refusal('400 Bad Request', `Invalid object ID specified: '${id}'`)
    const [, type, objectIds, extraText] = match
    const extra = extraText ?? ''
    const extraMatch = new RegExp(`^(?:/(${rest1Name})(?:/(.*))?)?$`).exec(extra)
    const attribute = extraMatch?.[1]
    const transactionIds = attribute === 'history' && extraMatch?.[2] ? /id\/(\d.*)/.exec(extraMatch[2])?.[1] : undefined
    for (const objectId of expandRest1List(objectIds as string)) {
      if (transactionIds)
        for (const transactionId of expandRest1List(transactionIds)) objects.push(`${type}/${objectId}/${attribute}/id/${transactionId}`)
      else objects.push(`${type}/${objectId}${extra}`)
    }
  }
  return { objects, forms: undefined }
}

/** `edit`: one object per submitted form, named by its `id` field; any bad form refuses them all. */
function readEditObjects(editType: string, content: string): Rest1Objects | Rest1Refusal {
  const forms = parseRest1Forms(content)
  const objects: string[] = []
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
    if (new RegExp(`^${rest1Name}/(?:${rest1Label}|\\d+)(?:/.*)?`).test(id)) objects.push(id)
    else errors.push({ comment: `# Invalid object ID: '${id}'`, order: form.order ?? [], values: form.values })
  }
  if (errors.length > 0) {
    return refusal('409 Syntax Error', composeRest1Forms([{ comment: '# Please resubmit with errors corrected.', values: new Map() }, ...errors]))
  }
  return { objects, forms }
}

/** The `fields=` list, lower-cased, without repeats, `id` first, custom fields as `cf.{name}`; empty when absent. */
export function readRest1FieldList(fieldsParameter: string | undefined): string[] | Rest1Refusal {
  const fieldList: string[] = []
  if (!fieldsParameter) return fieldList
  if (!rest1FieldListPattern.test(fieldsParameter)) return refusal('400 Bad Request', `Invalid field specification: ${fieldsParameter}`)
  for (const field of fieldsParameter.split(/\s*,\s*/).map((item) => item.toLowerCase())) if (!fieldList.includes(field)) fieldList.push(field)
  if (!fieldList.includes('id')) fieldList.unshift('id')
  for (const [index, field] of fieldList.entries()) {
    const custom = /^(c(?:ustom)?f(?:ield)?)-(.+)/.exec(field)
    if (custom) fieldList[index] = `cf.{${custom[2]}}`
  }
  return fieldList
}
