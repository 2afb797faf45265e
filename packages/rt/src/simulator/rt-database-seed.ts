/**
 * What `start-rt` leaves in a fresh RT 5.0.3 database, so that the simulator's ids line up with
 * a real server's.
 */
import { type RtDatabase, nobodyUserId, systemUserId } from './rt-database'
import type { RtCustomField, RtUser } from './rt-records'

/** The names, addresses and passwords the seed uses (start-rt's defaults unless overridden). */
export interface RtSeedAccounts {
  rootName: string
  rootPassword: string
  guestName: string
  guestPassword: string
}

/** One seeded transaction: what fresh RT 5.0.3 + start-rt's seed recorded (ids 1 to 28). */
const seedTransactions: [objectType: string, objectId: number, type: string, field?: string][] = [
  ['RT::Group', 3, 'Create'],
  ['RT::Group', 4, 'Create'],
  ['RT::Group', 5, 'Create'],
  ['RT::User', 6, 'Create'],
  ['RT::Group', 8, 'Create'],
  ['RT::Group', 9, 'Create'],
  ['RT::Group', 10, 'Create'],
  ['RT::Group', 11, 'Create'],
  ['RT::Group', 12, 'Create'],
  ['RT::Group', 13, 'Create'],
  ['RT::User', 14, 'Create'],
  ['RT::Group', 16, 'Create'],
  ['RT::Group', 17, 'Create'],
  ['RT::Group', 18, 'Create'],
  ['RT::Group', 19, 'Create'],
  ['RT::Queue', 1, 'Create'],
  ['RT::Group', 20, 'Create'],
  ['RT::Group', 21, 'Create'],
  ['RT::Group', 22, 'Create'],
  ['RT::Group', 23, 'Create'],
  ['RT::Queue', 2, 'Create'],
  ['RT::Group', 24, 'Create'],
  ['RT::Group', 25, 'Create'],
  ['RT::Group', 26, 'Create'],
  ['RT::Catalog', 1, 'Create'],
  ['RT::Attribute', 8, 'Create'],
  ['RT::Attribute', 8, 'Set', 'Content'],
  ['RT::User', 27, 'Create'],
]

function seedUser(database: RtDatabase, fields: Partial<RtUser> & Pick<RtUser, 'id' | 'name'>, created: number): void {
  database.users.set(fields.id, {
    password: null,
    emailAddress: null,
    realName: null,
    gecos: null,
    comments: null,
    organization: null,
    privileged: false,
    disabled: false,
    superUser: false,
    created,
    lastUpdated: created,
    creatorId: systemUserId,
    lastUpdatedById: systemUserId,
    ...fields,
  })
}

function seedGroup(database: RtDatabase, id: number, name: string, domain: string, instance: number, created: number): void {
  database.groups.set(id, { id, name, domain, instance, memberIds: [], created })
}

/**
 * Fills a database with what `start-rt` leaves in a fresh RT 5.0.3: RT_System, Nobody, root
 * (superuser) and guest (privileged, no rights); the system groups; queues General (1) and the
 * hidden ___Approvals (2); custom fields Content (articles, 1), Severity (2) and External ID (3);
 * and the 28 transactions their creation recorded.
 */
export function seedRtDatabase(database: RtDatabase, accounts: RtSeedAccounts): void {
  const created = database.now()
  // In RT's order of creation: the maps keep it, and listings follow it.
  seedSystemPrincipals(database, accounts, created)
  seedQueues(database, created)
  seedCustomFields(database, created)
  seedGuest(database, accounts, created)
  const groupMembers = (id: number, members: number[]): void => {
    const group = database.groups.get(id)
    if (group) group.memberIds = members
  }
  groupMembers(3, [systemUserId, nobodyUserId, 14, 27])
  groupMembers(4, [27, 14])
  groupMembers(5, [])
  for (const [index, [objectType, objectId, type, field]] of seedTransactions.entries()) {
    database.transactions.set(index + 1, {
      id: index + 1,
      objectType,
      objectId,
      type,
      field: field ?? null,
      oldValue: null,
      newValue: null,
      referenceType: null,
      oldReference: null,
      newReference: null,
      data: null,
      timeTaken: 0,
      creatorId: systemUserId,
      created,
    })
  }
}

/** RT_System, the system groups, Nobody, the system role groups and root (principals 1 to 15). */
function seedSystemPrincipals(database: RtDatabase, accounts: RtSeedAccounts, created: number): void {
  seedUser(
    database,
    {
      id: systemUserId,
      name: 'RT_System',
      realName: 'The RT System itself',
      comments: "Do not delete or modify this user. It is integral to RT's internal database structures",
    },
    created,
  )
  seedGroup(database, 2, 'UserEquiv', 'ACLEquivalence', systemUserId, created)
  seedGroup(database, 3, 'Everyone', 'SystemInternal', 0, created)
  seedGroup(database, 4, 'Privileged', 'SystemInternal', 0, created)
  seedGroup(database, 5, 'Unprivileged', 'SystemInternal', 0, created)
  seedUser(
    database,
    {
      id: nobodyUserId,
      name: 'Nobody',
      emailAddress: '',
      realName: 'Nobody in particular',
      comments: "Do not delete or modify this user. It is integral to RT's internal data structures",
    },
    created,
  )
  seedGroup(database, 7, 'UserEquiv', 'ACLEquivalence', nobodyUserId, created)
  for (const [offset, role] of ['Owner', 'Requestor', 'Cc', 'AdminCc', 'HeldBy', 'Contact'].entries()) {
    seedGroup(database, 8 + offset, role, 'RT::System-Role', 1, created)
  }
  seedUser(
    database,
    {
      id: 14,
      name: accounts.rootName,
      password: accounts.rootPassword,
      emailAddress: 'root@localhost',
      realName: 'Enoch Root',
      gecos: 'root',
      comments: 'SuperUser',
      privileged: true,
      superUser: true,
    },
    created,
  )
  seedGroup(database, 15, 'UserEquiv', 'ACLEquivalence', 14, created)
}

/** Queues General (1) and ___Approvals (2) with their role groups, then the catalog's role groups. */
function seedQueues(database: RtDatabase, created: number): void {
  const queueRoles = (firstGroup: number, queueId: number): Record<'AdminCc' | 'Cc' | 'Owner' | 'Requestor', number> => {
    const roles = { AdminCc: firstGroup, Cc: firstGroup + 1, Owner: firstGroup + 2, Requestor: firstGroup + 3 }
    for (const [role, id] of Object.entries(roles)) seedGroup(database, id, role, 'RT::Queue-Role', queueId, created)
    return roles
  }
  database.queues.set(1, {
    id: 1,
    name: 'General',
    description: 'The default queue',
    correspondAddress: '',
    commentAddress: '',
    disabled: 0,
    slaDisabled: 1,
    lifecycle: 'default',
    sortOrder: 0,
    created,
    lastUpdated: created,
    creatorId: systemUserId,
    lastUpdatedById: systemUserId,
    roleGroups: queueRoles(16, 1),
  })
  database.queues.set(2, {
    id: 2,
    name: '___Approvals',
    description: 'A system-internal queue for the approvals system',
    correspondAddress: '',
    commentAddress: '',
    disabled: 2,
    slaDisabled: 1,
    lifecycle: 'approvals',
    sortOrder: 0,
    created,
    lastUpdated: created,
    creatorId: systemUserId,
    lastUpdatedById: systemUserId,
    roleGroups: queueRoles(20, 2),
  })
  for (const [offset, role] of ['Owner', 'HeldBy', 'Contact'].entries()) seedGroup(database, 24 + offset, role, 'RT::Catalog-Role', 1, created)
}

/** Content (articles, 1), and the ticket fields start-rt adds: Severity (2) and External ID (3). */
function seedCustomFields(database: RtDatabase, created: number): void {
  const customField = (fields: Partial<RtCustomField> & Pick<RtCustomField, 'id' | 'name' | 'type'>): RtCustomField => ({
    maxValues: 1,
    description: '',
    lookupType: 'RT::Queue-RT::Ticket',
    values: [],
    entryHint: '',
    pattern: '',
    sortOrder: 0,
    disabled: false,
    uniqueValues: false,
    globalForTickets: false,
    created,
    lastUpdated: created,
    creatorId: systemUserId,
    lastUpdatedById: systemUserId,
    ...fields,
  })
  database.customFields.set(
    1,
    customField({
      id: 1,
      name: 'Content',
      type: 'Text',
      description: 'Content',
      lookupType: 'RT::Class-RT::Article',
      entryHint: 'Fill in one text area',
    }),
  )
  database.customFields.set(
    2,
    customField({
      id: 2,
      name: 'Severity',
      type: 'Select',
      description: 'Seeded select custom field',
      values: ['low', 'medium', 'high'],
      entryHint: 'Select one value',
      globalForTickets: true,
    }),
  )
  database.customFields.set(
    3,
    customField({
      id: 3,
      name: 'External ID',
      type: 'Freeform',
      description: 'Seeded free-form custom field',
      entryHint: 'Enter one value',
      globalForTickets: true,
    }),
  )
}

/** start-rt's guest (27): privileged, without rights. */
function seedGuest(database: RtDatabase, accounts: RtSeedAccounts, created: number): void {
  seedUser(
    database,
    {
      id: 27,
      name: accounts.guestName,
      password: accounts.guestPassword,
      emailAddress: `${accounts.guestName}@example.com`,
      realName: 'Guest Without Rights',
      privileged: true,
    },
    created,
  )
  seedGroup(database, 28, 'UserEquiv', 'ACLEquivalence', 27, created)
}
