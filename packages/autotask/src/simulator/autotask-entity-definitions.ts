/**
 * What the simulator knows about an entity beyond the spec's property list: which fields a
 * tenant requires, which are picklists, references, read-only or not queryable, string lengths
 * and how a child links to its parent. The spec has none of this (no `required`, no picklists);
 * real tenants expose it through `entityInformation/fields`, which the simulator answers from here.
 * Entities without a definition still work (query, get, create where the spec allows) with
 * no rules beyond the spec's property names.
 */
export interface AutotaskEntityDefinition {
  /** Fields `entityInformation/fields` flags `isRequired`; writes without them fail. */
  required?: string[]
  /** Required in the metadata but filled by the tenant's defaults when a create omits them. */
  defaulted?: Record<string, (now: number) => unknown>
  /** Field → referenced entity (`companyID` → `Companies`): values must exist. */
  references?: Record<string, string>
  /** Fields a write may not set (silently ignored, as Autotask does). */
  readOnly?: string[]
  /** Fields a query may not filter on. */
  nonQueryable?: string[]
  /** Maximum string lengths. */
  lengths?: Record<string, number>
  /** Dependent picklists: field → the field holding its parent value. */
  picklistParents?: Record<string, string>
  /** Parent entity → the field that links a child to it (`Tickets` → `ticketID`). */
  parentLinks?: Record<string, string>
  /** Whether webhooks exist for the entity (entityInformation). */
  supportsWebhookCallouts?: boolean
  /** First id handed out (ids look like a real tenant's). */
  firstId?: number
  /** Id sequence shared with other entities (attachments share one id space). */
  idSequence?: string
}

const attachmentDefinition: AutotaskEntityDefinition = {
  required: ['attachmentType', 'title', 'publish'],
  references: { ticketID: 'Tickets', ticketNoteID: 'TicketNotes', attachedByResourceID: 'Resources', attachedByContactID: 'Contacts' },
  readOnly: [
    'attachDate',
    'attachedByContactID',
    'attachedByResourceID',
    'contentType',
    'creatorType',
    'fileSize',
    'impersonatorCreatorResourceID',
    'parentID',
    'parentType',
    'isTaskAttachment',
  ],
  nonQueryable: ['data'],
  lengths: { title: 255, fullPath: 255 },
  idSequence: 'attachments',
  firstId: 41200,
}

/** The entities the simulator models in depth. */
const autotaskEntityDefinitions: Record<string, AutotaskEntityDefinition> = {
  Tickets: {
    required: ['companyID', 'title', 'status', 'priority', 'dueDateTime'],
    defaulted: {
      // The minimal body {companyID, title, status, priority, queueID} succeeds on real tenants:
      // the ticket category's rules fill the due date (autotask.md §9).
      dueDateTime: (now) => now + 3 * 24 * 60 * 60 * 1000,
      ticketCategory: () => 3,
      ticketType: () => 1,
    },
    references: {
      companyID: 'Companies',
      contactID: 'Contacts',
      assignedResourceID: 'Resources',
      assignedResourceRoleID: 'Roles',
      contractID: 'Contracts',
      configurationItemID: 'ConfigurationItems',
      projectID: 'Projects',
      createdByContactID: 'Contacts',
      creatorResourceID: 'Resources',
      completedByResourceID: 'Resources',
      lastActivityResourceID: 'Resources',
    },
    readOnly: [
      'ticketNumber',
      'createDate',
      'createdByContactID',
      'creatorResourceID',
      'creatorType',
      'completedDate',
      'completedByResourceID',
      'lastActivityDate',
      'lastActivityPersonType',
      'lastActivityResourceID',
      'lastTrackedModificationDateTime',
      'lastCustomerNotificationDateTime',
      'lastCustomerVisibleActivityDateTime',
      'firstResponseDateTime',
      'firstResponseAssignedResourceID',
      'firstResponseInitiatingResourceID',
      'impersonatorCreatorResourceID',
      'currentServiceThermometerRating',
      'previousServiceThermometerRating',
      'serviceThermometerTemperature',
      'serviceLevelAgreementHasBeenMet',
      'serviceLevelAgreementPausedNextEventHours',
      'apiVendorID',
    ],
    nonQueryable: ['creatorType', 'lastActivityPersonType'],
    lengths: { title: 255, description: 8000, resolution: 32000, externalID: 50, purchaseOrderNumber: 50 },
    picklistParents: { subIssueType: 'issueType' },
    supportsWebhookCallouts: true,
    firstId: 7100,
  },
  TicketNotes: {
    required: ['ticketID', 'title', 'description', 'noteType', 'publish'],
    references: { ticketID: 'Tickets', creatorResourceID: 'Resources', createdByContactID: 'Contacts' },
    readOnly: [
      'createDateTime',
      'lastActivityDate',
      'creatorResourceID',
      'createdByContactID',
      'impersonatorCreatorResourceID',
      'impersonatorUpdaterResourceID',
    ],
    lengths: { title: 250, description: 32000 },
    parentLinks: { Tickets: 'ticketID' },
    supportsWebhookCallouts: true,
    firstId: 30772000,
  },
  TicketAttachments: { ...attachmentDefinition, parentLinks: { Tickets: 'ticketID' } },
  TicketNoteAttachments: { ...attachmentDefinition, parentLinks: { TicketNotes: 'ticketNoteID' } },
  Companies: {
    required: ['companyName', 'companyType', 'ownerResourceID', 'phone'],
    references: { ownerResourceID: 'Resources', parentCompanyID: 'Companies', createdByResourceID: 'Resources' },
    readOnly: [
      'createDate',
      'createdByResourceID',
      'lastActivityDate',
      'lastTrackedModifiedDateTime',
      'impersonatorCreatorResourceID',
      'apiVendorID',
    ],
    lengths: { companyName: 100, phone: 25, companyNumber: 50, webAddress: 255 },
    supportsWebhookCallouts: true,
    firstId: 200,
  },
  Contacts: {
    required: ['companyID', 'firstName', 'lastName', 'isActive'],
    references: { companyID: 'Companies' },
    readOnly: ['createDate', 'lastActivityDate', 'lastModifiedDate', 'impersonatorCreatorResourceID', 'apiVendorID'],
    lengths: {
      firstName: 50,
      lastName: 50,
      emailAddress: 254,
      emailAddress2: 254,
      emailAddress3: 254,
      phone: 25,
      mobilePhone: 25,
      title: 50,
      externalID: 50,
    },
    parentLinks: { Companies: 'companyID' },
    supportsWebhookCallouts: true,
    firstId: 30684700,
  },
  Resources: {
    required: ['firstName', 'lastName', 'email', 'userName', 'isActive'],
    readOnly: ['userName', 'licenseType', 'resourceType', 'userType', 'hireDate'],
    lengths: { firstName: 50, lastName: 50, email: 254 },
    firstId: 29682833,
  },
  Roles: { required: ['name', 'hourlyRate', 'isActive'], firstId: 29683355 },
  ResourceRoles: { references: { resourceID: 'Resources', roleID: 'Roles' }, parentLinks: { Resources: 'resourceID' }, firstId: 29700100 },
  TimeEntries: {
    required: ['resourceID', 'dateWorked'],
    references: { resourceID: 'Resources', ticketID: 'Tickets', roleID: 'Roles', contractID: 'Contracts' },
    readOnly: [
      'createDateTime',
      'creatorUserID',
      'lastModifiedDateTime',
      'lastModifiedUserID',
      'impersonatorCreatorResourceID',
      'impersonatorUpdaterResourceID',
    ],
    lengths: { summaryNotes: 8000, internalNotes: 8000 },
    firstId: 52000,
  },
  Projects: {
    required: ['projectName', 'companyID', 'status', 'projectType', 'startDateTime', 'endDateTime'],
    references: { companyID: 'Companies', projectLeadResourceID: 'Resources', contractID: 'Contracts' },
    readOnly: ['createDateTime', 'creatorResourceID', 'projectNumber', 'lastActivityDateTime', 'impersonatorCreatorResourceID'],
    lengths: { projectName: 100, description: 2000 },
    firstId: 310,
  },
  Contracts: {
    required: ['contractName', 'companyID', 'status', 'contractType', 'startDate', 'endDate'],
    references: { companyID: 'Companies', contactID: 'Contacts' },
    lengths: { contractName: 100, description: 2000 },
    firstId: 29684000,
  },
  ConfigurationItems: {
    required: ['companyID', 'productID', 'isActive'],
    references: { companyID: 'Companies', contactID: 'Contacts', productID: 'Products', contractID: 'Contracts' },
    readOnly: ['createDate', 'createdByPersonID', 'lastModifiedTime', 'impersonatorCreatorResourceID', 'apiVendorID'],
    lengths: { referenceTitle: 200, serialNumber: 100 },
    supportsWebhookCallouts: true,
    firstId: 8400,
  },
  Products: { required: ['name', 'isActive'], firstId: 29683700 },
}

/** The definition of an entity (empty when the simulator only knows its spec model). */
export function definitionOf(entity: string): AutotaskEntityDefinition {
  return autotaskEntityDefinitions[entity] ?? {}
}

/** Singular name as Autotask's metadata and messages use it (`Companies` → `Company`). */
export function singularEntityName(entity: string): string {
  if (entity.endsWith('ies')) return `${entity.slice(0, -3)}y`
  if (entity.endsWith('ses')) return entity.slice(0, -2)
  return entity.endsWith('s') ? entity.slice(0, -1) : entity
}
