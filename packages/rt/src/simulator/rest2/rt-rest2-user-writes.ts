/**
 * REST2 writes to users (`POST /user`, `PUT /user/<id or name>`), as RT::User's Create and
 * Update answer them: AdminUsers required, unique names and addresses, Privileged and Disabled
 * handled after the plain columns, messages prefixed `User <name>: `.
 */
import type { RtUser } from '../rt-records'
import { createUser, parseEmailAddress, setSystemGroups } from '../rt-users'
import type { Rest2Context } from './rt-rest2-context'

function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value)
}

/** POST /user: the new user, or RT's message and status. */
export function createRest2User(context: Rest2Context, data: Record<string, unknown>): { user: RtUser } | { status: number; message: string } {
  const { database } = context
  if (!database.hasRight(context.user.id, 'AdminUsers')) return { status: 403, message: 'Permission Denied' }
  const name = text(data.Name).trim()
  if (!name) return { status: 400, message: "Must specify 'Name' attribute" }
  if (database.findUser(name) && !/^\d+$/.test(name)) return { status: 400, message: 'Name in use' }
  const email = text(data.EmailAddress).trim()
  if (email) {
    if (!parseEmailAddress(email)) return { status: 400, message: 'Invalid syntax for email address' }
    if ([...database.users.values()].some((user) => user.emailAddress?.toLowerCase() === email.toLowerCase()))
      return { status: 400, message: 'Email address in use' }
  }
  const optional = (key: string): string | null => (data[key] === undefined || data[key] === null ? null : text(data[key]))
  const user = createUser(
    database,
    {
      name,
      emailAddress: email || null,
      realName: optional('RealName'),
      gecos: optional('Gecos'),
      comments: optional('Comments'),
      organization: optional('Organization'),
      ...(data.Timezone ? { timezone: text(data.Timezone) } : {}),
      password: optional('Password'),
      privileged: Number(data.Privileged) === 1,
      disabled: Number(data.Disabled) === 1,
    },
    context.user.id,
  )
  setSystemGroups(database, user)
  return { user }
}

const userColumns: [key: string, property: 'realName' | 'emailAddress' | 'gecos' | 'comments' | 'organization' | 'name' | 'timezone'][] = [
  ['Comments', 'comments'],
  ['EmailAddress', 'emailAddress'],
  ['Gecos', 'gecos'],
  ['Name', 'name'],
  ['Organization', 'organization'],
  ['RealName', 'realName'],
  ['Timezone', 'timezone'],
]

/** PUT /user/<id>: RT's messages. */
export function updateRest2User(context: Rest2Context, user: RtUser, data: Record<string, unknown>): string[] | { status: number; message: string } {
  const { database } = context
  if (!database.hasRight(context.user.id, 'AdminUsers') && context.user.id !== user.id) return { status: 403, message: 'Forbidden' }
  const messages: string[] = []
  const label = user.name
  for (const [key, property] of userColumns) {
    if (data[key] === undefined || data[key] === null) continue
    const value = text(data[key])
    const old = user[property] ?? ''
    if (value === old) continue
    if (key === 'Name' && !value) {
      messages.push(`User ${label}: Illegal value for Name`)
      continue
    }
    user[property] = value as never
    user.lastUpdated = database.now()
    messages.push(`User ${label}: ${key} changed from ${old ? `'${old}'` : '(no value)'} to '${value}'`)
  }
  if (data.Password !== undefined && data.Password !== null && text(data.Password)) {
    user.password = text(data.Password)
    messages.push(`User ${label}: Password changed`)
  }
  if (data.Privileged !== undefined && /^[01]$/.test(text(data.Privileged))) {
    const privileged = text(data.Privileged) === '1'
    if (privileged === user.privileged) messages.push(privileged ? 'That user is already privileged' : 'That user is already unprivileged')
    else {
      user.privileged = privileged
      setSystemGroups(database, user)
      messages.push(privileged ? 'That user is now privileged' : 'That user is now unprivileged')
    }
  }
  if (data.Disabled !== undefined && /^[01]$/.test(text(data.Disabled))) {
    const disabled = text(data.Disabled) === '1'
    if (disabled !== user.disabled) {
      user.disabled = disabled
      messages.push(disabled ? 'User disabled' : 'User enabled')
    }
  }
  return messages
}
