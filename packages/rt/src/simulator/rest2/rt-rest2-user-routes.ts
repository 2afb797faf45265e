/** REST2's user and group resources. */
import { toCompactPerlJson } from '../rt-perl-json'
import { readPaging } from './rt-rest2-collections'
import type { CollectionItem } from './rt-rest2-context'
import { emptyAnswer, errorAnswer, jsonAnswer, mediaType, preconditionAnswer } from './rt-rest2-http'
import { type Rest2Routes, jsonBody, jsonCollection, newestTransactionId, recordHeaders, readOnly, seesAll } from './rt-rest2-route'
import { reference, serializeUser } from './rt-rest2-serialize'
import { type Rest2Data, deserializeRecord } from './rt-rest2-ticket-writes'
import { createRest2User, updateRest2User } from './rt-rest2-user-writes'

/** `/user` (create), `/user/<id or name>`, `/users`, `/groups` and `/group/<id>/members`. */
export const userRoutes: Rest2Routes = [
  [
    /^\/user\/?$/,
    (context, request) => {
      if (request.method !== 'POST') return errorAnswer(405)
      if (mediaType(request) !== 'application/json') return errorAnswer(415)
      const body = jsonBody(request)
      if (body instanceof Response) return body
      const created = createRest2User(context, deserializeRecord(body))
      if (!('user' in created)) return errorAnswer(created.status, created.message)
      return new Response(Buffer.from(toCompactPerlJson(reference(context, 'user', created.user.name)), 'utf8'), {
        status: 201,
        statusText: 'Created',
        headers: {
          server: 'Plack::Handler::Starlet',
          location: `/REST/2.0/user/${created.user.id}`,
          'content-type': 'application/json; charset=utf-8',
        },
      })
    },
  ],
  [
    /^\/user\/([^/]+)\/?$/,
    (context, request, _parameters, match) => {
      if (!['GET', 'HEAD', 'PUT', 'POST', 'DELETE'].includes(request.method)) return errorAnswer(405)
      let body: Rest2Data | Response = {}
      if (request.method === 'PUT' && mediaType(request) === 'application/json') {
        body = jsonBody(request)
        if (body instanceof Response) return body
      }
      const user = context.database.findUser(decodeURIComponent(match[1] ?? ''))
      if (!context.user.privileged && user?.id !== context.user.id) return errorAnswer(403)
      const etag = user ? newestTransactionId(context, 'RT::User', user.id) : undefined
      const precondition = preconditionAnswer(request, !!user, etag)
      if (precondition) return precondition
      if (request.method === 'PUT') {
        if (mediaType(request) !== 'application/json') return errorAnswer(415)
        if (!user) return errorAnswer(404, 'Resource does not exist; use POST to create')
        const result = updateRest2User(context, user, deserializeRecord(body))
        if (!Array.isArray(result)) return errorAnswer(result.status, result.message)
        return jsonAnswer(200, result, {}, false)
      }
      if (request.method === 'POST') return user ? errorAnswer(409, 'Resource already exists; use PUT to update') : errorAnswer(404)
      if (request.method === 'DELETE') {
        if (!user) return errorAnswer(404)
        if (!context.database.hasRight(context.user.id, 'AdminUsers')) return errorAnswer(403)
        user.disabled = true
        return emptyAnswer(204)
      }
      if (!user) return errorAnswer(404)
      return jsonAnswer(200, serializeUser(context, user, context.user), recordHeaders(etag, user.lastUpdated))
    },
  ],
  [
    /^\/users\/?$/,
    (context, request, parameters) => {
      if (!context.user.privileged) return errorAnswer(403)
      const admin = context.database.hasRight(context.user.id, 'AdminUsers')
      const users = [...context.database.users.values()].filter((user) => !user.disabled)
      const searchable = admin ? undefined : new Set(['RealName', 'EmailAddress', 'Name'])
      return jsonCollection(
        context,
        request,
        parameters,
        users.map((row): CollectionItem => ({ kind: 'user', row })),
        (count) => (seesAll(context) ? count : null),
        { defaultOrder: ['Name'], ...(searchable ? { searchable } : {}) },
      )
    },
  ],
  [
    /^\/groups\/?$/,
    (context, request, parameters) => {
      const groups = [...context.database.groups.values()].filter((group) => group.domain !== 'ACLEquivalence')
      return jsonCollection(
        context,
        request,
        parameters,
        groups.map((row): CollectionItem => ({ kind: 'group', row })),
        (count) => (seesAll(context) ? count : null),
        { defaultOrder: ['Name'] },
      )
    },
  ],
  [
    /^\/group\/(\d+)\/members\/?$/,
    (context, request, parameters, match) => {
      const refused = readOnly(request)
      if (refused) return refused
      const group = context.database.groups.get(Number(match[1]))
      if (!group || !context.database.hasRight(context.user.id, 'AdminGroupMembership')) return errorAnswer(403)
      const flag = (name: string, fallback: boolean): boolean => {
        const value = parameters.values.get(name)?.[0]
        return value === undefined ? fallback : value !== '0' && value !== ''
      }
      const members = group.memberIds
        .map((id) => (context.database.users.has(id) ? { type: 'user', id } : context.database.groups.has(id) ? { type: 'group', id } : undefined))
        .filter((member): member is { type: string; id: number } => member !== undefined)
        .filter((member) => (member.type === 'user' ? flag('users', true) : flag('groups', true)))
      const { perPage, page } = readPaging(parameters)
      const shown = members
        .slice((page - 1) * perPage, page * perPage)
        .map((member) => ({ type: member.type, id: member.id, _url: `${context.baseUrl}/REST/2.0/${member.type}/${member.id}` }))
      return jsonAnswer(200, { count: shown.length, total: members.length, per_page: perPage, page, items: shown })
    },
  ],
]
