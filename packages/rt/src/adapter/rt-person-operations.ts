import type { AdapterWarning, PersonDriver } from '@ticketbridge/core'
import { mapRtUser } from './map-rt-person'
import { rtPageWith, type RtUserFields } from './port/rt-port-records'
import type { RtDriverContext } from './rt-driver-context'

/**
 * RT's users as people: privileged users are agents, the others contacts; RT's system users are
 * no one. Users are created with AdminUsers, named by their address as RT names users it creates
 * from mail; RT has no organizations, so an organization's name is kept in the user's
 * Organization field.
 */
export function createRtPersonOperations(context: RtDriverContext): PersonDriver {
  const { port } = context

  async function get(id: string, call: Parameters<PersonDriver['get']>[1]) {
    return mapRtUser(await port.getUser(id, call))
  }

  return {
    async listPage(query, cursor, call) {
      const page = await port.listUsers(cursor, query.pageSize ?? 100, call)
      const text = query.text?.toLowerCase()
      const items = page.items
        .map((user) => ({ user, person: mapRtUser(user) }))
        .filter(({ person }) => query.kind === undefined || person.kind === query.kind)
        .filter(({ user, person }) => text === undefined || `${person.name} ${person.email ?? ''} ${user.name}`.toLowerCase().includes(text))
        .map(({ person }) => person)
      return rtPageWith(page, items)
    },

    get,

    async findByEmail(email, call) {
      const id = await port.findUserId(email, call)
      return id === undefined ? undefined : get(id, call)
    },

    async create(input, { silent: _silent, ...call }) {
      const warnings: AdapterWarning[] = []
      const fields: RtUserFields = {
        // RT names users created from mail by their address; do the same so requestors match.
        Name: input.email ?? input.name,
        RealName: input.name,
        Privileged: input.kind === 'agent' ? 1 : 0,
        ...(input.email ? { EmailAddress: input.email } : {}),
      }
      if (input.organization?.name) {
        fields.Organization = input.organization.name
        warnings.push({
          type: 'converted',
          field: 'organization',
          message: "RT has no organizations; the name was kept in the user's Organization field.",
        })
      } else if (input.organization) {
        warnings.push({ type: 'unsupported', field: 'organization', message: 'RT has no organizations; the organization was left out.' })
      }
      const id = await port.createUser(fields, { ...input.vendorOptions?.rt }, call)
      return { record: await get(id, call), warnings }
    },
  }
}
