/**
 * Forms/user/default's create (`POST user/new`), as RT 5.0.3 answers it (checked against the real
 * server): `# User 31 created.`; a name already taken is `400 # Could not create user.`; without a
 * Name the address is the name; an unknown field still creates the user, then answers 409 with
 * `# <field>: Unknown field.` and the form sent back.
 */
import type { RtUser } from '../rt-records'
import { createUser } from '../rt-users'
import type { Rest1Context, Rest1FormCall, Rest1FormResult } from './rt-rest1-context'
import { rest1Comment } from './rt-rest1-context'
import type { Rest1Value } from './rt-rest1-form'

const settableFields: Record<string, keyof RtUser> = {
  name: 'name',
  emailaddress: 'emailAddress',
  realname: 'realName',
  organization: 'organization',
  comments: 'comments',
  gecos: 'gecos',
  password: 'password',
}

const scalar = (value: Rest1Value): string => (Array.isArray(value) ? value.join(', ') : (value ?? ''))

export function createRest1User(context: Rest1Context, call: Rest1FormCall): Rest1FormResult {
  const { database } = context
  if (!database.hasRight(context.user.id, 'AdminUsers')) return rest1Comment('# Permission Denied')
  const fields: Partial<RtUser> = {}
  const unknown: string[] = []
  for (const [key, value] of call.changes ?? new Map<string, Rest1Value>()) {
    const lower = key.toLowerCase()
    if (lower === 'id') continue
    const text = scalar(value)
    if (lower === 'privileged') fields.privileged = text === '1'
    else if (lower === 'disabled') fields.disabled = text === '1'
    else if (settableFields[lower]) Object.assign(fields, { [settableFields[lower]]: text === '' ? null : text })
    else unknown.push(lower)
  }
  const name = fields.name ?? fields.emailAddress ?? ''
  const taken = [...database.users.values()].some((user) => user.name.toLowerCase() === name.toLowerCase())
  if (!name || taken) return { comment: '# Could not create user.', order: [], values: new Map(), failed: true }
  const user = createUser(database, { ...fields, name }, context.user.id)
  const comments = [`# User ${user.id} created.`, ...unknown.map((field) => `# ${field}: Unknown field.`)]
  if (unknown.length === 0) return { comment: comments.join('\n'), order: [], values: new Map(), failed: false }
  return { comment: comments.join('\n'), order: call.changeOrder, values: call.changes ?? new Map(), failed: true }
}
