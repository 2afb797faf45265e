import type { CallOptions } from '@ticketbridge/core'
import type { HttpMethod, HttpResponse, QueryParameters } from '@ticketbridge/http'
import type { Rest2CollectionOptions, Rest2RecordOptions, Rest2RecordResponse } from './rt-rest2-client-options'
import { Rest2TransactionResource } from './rt-rest2-transactions'
import type {
  Rest2Collection,
  Rest2CollectionItem,
  Rest2CustomField,
  Rest2JsonCondition,
  Rest2Queue,
  Rest2Reference,
  Rest2SystemInformation,
  Rest2User,
} from './rt-rest2-types'
import { collectionRequest, idFromLocation, invalid, segment, toMessages } from './rt-rest2-wire'

/**
 * RT's REST2 interface (`/REST/2.0/`, built into RT 5). Real HTTP statuses and JSON bodies;
 * errors are typed by the transport (404 NotFoundError, 403 PermissionError, 412 on a stale
 * `If-Match` ConflictError…). Some failures are not errors on the wire: an update answers 200
 * with human-readable messages, some of which report refusals (`Status 'x' isn't a valid
 * status`), and an unknown field is ignored silently. `updateTicket` returns those messages.
 *
 * The methods live with their resources (`rt-rest2-tickets.ts`, `rt-rest2-transactions.ts`);
 * this class adds the directory (queues, users, custom fields, groups) and raw requests.
 */
export class Rest2Client extends Rest2TransactionResource {
  /** RT's version and plugins (`GET /rt`). */
  async getSystemInformation(options: CallOptions = {}): Promise<Rest2SystemInformation> {
    return (await this.http.get<Rest2SystemInformation>('/rt', options)).data
  }

  // Queues, users, custom fields, groups

  /** Every queue the user can see (`GET /queues/all`). */
  async listQueues(options: Rest2CollectionOptions = {}): Promise<Rest2Collection<Rest2CollectionItem>> {
    const { query, call } = collectionRequest(options)
    return this.getCollection('/queues/all', query, call)
  }

  /** Searches queues with JSON conditions (`POST /queues`). */
  async searchQueues(conditions: readonly Rest2JsonCondition[], options: Rest2CollectionOptions = {}): Promise<Rest2Collection<Rest2CollectionItem>> {
    return this.searchByJson('/queues', conditions, options)
  }

  /** A queue by id or name (`GET /queue/<id or name>`), with its `Lifecycle` and `TicketCustomFields`. */
  async getQueue(idOrName: string | number, options: Rest2RecordOptions = {}): Promise<Rest2RecordResponse<Rest2Queue>> {
    return this.getRecord<Rest2Queue>(`/queue/${segment(idOrName)}`, options)
  }

  /** A user by id or name (`GET /user/<id or name>`); unprivileged users may be named by e-mail address. */
  async getUser(idOrName: string | number, options: Rest2RecordOptions = {}): Promise<Rest2RecordResponse<Rest2User>> {
    return this.getRecord<Rest2User>(`/user/${segment(idOrName)}`, options)
  }

  /** Users, page by page (`GET /users`); needs a privileged user. Ask `fields=id,Name,EmailAddress,RealName` for numeric ids. */
  async listUsers(options: Rest2CollectionOptions = {}): Promise<Rest2Collection<Rest2CollectionItem>> {
    const { query, call } = collectionRequest(options)
    return this.getCollection('/users', query, call)
  }

  /** Searches users with JSON conditions (`POST /users`), e.g. `[{ field: 'EmailAddress', value: 'a@example.com' }]` (case-insensitive). */
  async searchUsers(conditions: readonly Rest2JsonCondition[], options: Rest2CollectionOptions = {}): Promise<Rest2Collection<Rest2CollectionItem>> {
    return this.searchByJson('/users', conditions, options)
  }

  /**
   * Creates a user (`POST /user`): `Name` is required; `Privileged: 1` makes an agent. Needs
   * AdminUsers. Returns the numeric id (from `Location`; the body names users by `Name`).
   */
  async createUser(input: Readonly<Record<string, unknown>> & { Name: string }, options: CallOptions = {}): Promise<{ id: string; name: string }> {
    const response = await this.http.post<{ id: string | number }>('/user', input, { ...options, idempotent: false })
    const id = idFromLocation(response.headers.location) ?? response.data?.id
    if (id === undefined) throw invalid('POST /user', 'the new user id', response.data)
    return { id: String(id), name: String(response.data?.id ?? input.Name) }
  }

  /** Updates a user (`PUT /user/<id or name>`) and returns RT's messages. */
  async updateUser(
    idOrName: string | number,
    changes: Readonly<Record<string, unknown>>,
    options: CallOptions = {},
  ): Promise<{ messages: string[] }> {
    const response = await this.http.put<unknown>(`/user/${segment(idOrName)}`, changes, options)
    return { messages: toMessages(response.data) }
  }

  /** A custom field with its select `Values` (`GET /customfield/<id>`). */
  async getCustomField(id: string | number, options: CallOptions = {}): Promise<Rest2RecordResponse<Rest2CustomField>> {
    return this.getRecord<Rest2CustomField>(`/customfield/${segment(id)}`, options)
  }

  /** Searches custom fields with JSON conditions (`POST /customfields`), e.g. ticket fields: `[{ field: 'LookupType', value: 'RT::Queue-RT::Ticket' }]`. */
  async searchCustomFields(
    conditions: readonly Rest2JsonCondition[],
    options: Rest2CollectionOptions = {},
  ): Promise<Rest2Collection<Rest2CollectionItem>> {
    return this.searchByJson('/customfields', conditions, options)
  }

  /** Searches groups with JSON conditions (`POST /groups`). */
  async searchGroups(conditions: readonly Rest2JsonCondition[], options: Rest2CollectionOptions = {}): Promise<Rest2Collection<Rest2CollectionItem>> {
    return this.searchByJson('/groups', conditions, options)
  }

  /** A group's members (`GET /group/<id>/members`); needs AdminGroupMembership. */
  async getGroupMembers(
    groupId: string | number,
    options: Rest2CollectionOptions & { users?: boolean; groups?: boolean; recursively?: boolean } = {},
  ): Promise<Rest2Collection<Rest2Reference>> {
    const { users, groups, recursively, ...rest } = options
    const { query, call } = collectionRequest(rest)
    return this.getCollection(
      `/group/${segment(groupId)}/members`,
      {
        ...query,
        ...(users !== undefined ? { users: users ? 1 : 0 } : {}),
        ...(groups !== undefined ? { groups: groups ? 1 : 0 } : {}),
        ...(recursively !== undefined ? { recursively: recursively ? 1 : 0 } : {}),
      },
      call,
    )
  }

  /** Sends any REST2 request through the same transport (path relative to `/REST/2.0`). */
  async request<T = unknown>(
    method: HttpMethod,
    path: string,
    options: CallOptions & { query?: QueryParameters; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<HttpResponse<T>> {
    const { query, body, headers, ...call } = options
    return this.http.request<T>({
      method,
      path,
      ...call,
      ...(query ? { query } : {}),
      ...(body !== undefined ? { body } : {}),
      ...(headers ? { headers } : {}),
    })
  }
}
