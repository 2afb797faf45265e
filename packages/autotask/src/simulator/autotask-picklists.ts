/**
 * The picklists of a freshly provisioned Autotask tenant, as `entityInformation/fields` shows
 * them. Only `status` 1 (New) and 5 (Complete) are fixed system values; everything else is
 * tenant data, so ids here look like a real tenant's (queues carry large ids, some values are
 * inactive, sub-issue types hang off issue types) and clients must map them by label at runtime.
 */
export interface AutotaskPicklistValue {
  /** Integer for most fields; a string for string-typed fields (`attachmentType`). */
  value: number | string
  label: string
  isActive?: boolean
  isDefaultValue?: boolean
  isSystem?: boolean
  /** For dependent picklists: the value of the parent field this value belongs to. */
  parentValue?: number
}

/** Picklists per entity, then per field. */
export type AutotaskPicklists = Record<string, Record<string, AutotaskPicklistValue[]>>

const ticketStatus: AutotaskPicklistValue[] = [
  { value: 1, label: 'New', isDefaultValue: true, isSystem: true },
  { value: 5, label: 'Complete', isSystem: true },
  { value: 7, label: 'Waiting Customer', isSystem: true },
  { value: 8, label: 'In Progress' },
  { value: 9, label: 'Waiting Materials' },
  { value: 10, label: 'Dispatched' },
  { value: 11, label: 'Escalate' },
  { value: 12, label: 'Waiting Vendor' },
  { value: 13, label: 'Waiting Approval' },
  { value: 15, label: 'Change Order' },
  { value: 16, label: 'Pending Closure (retired)', isActive: false },
  { value: 19, label: 'Customer Note Added', isSystem: true },
]

const ticketPriority: AutotaskPicklistValue[] = [
  { value: 4, label: 'Critical' },
  { value: 1, label: 'High' },
  { value: 2, label: 'Medium', isDefaultValue: true },
  { value: 3, label: 'Low' },
  { value: 5, label: 'Planning (retired)', isActive: false },
]

const ticketQueue: AutotaskPicklistValue[] = [
  { value: 5, label: 'Client Portal', isSystem: true },
  { value: 6, label: 'Post Sale', isSystem: true },
  { value: 8, label: 'Monitoring Alert', isSystem: true },
  { value: 29682833, label: 'Level I Support', isDefaultValue: true },
  { value: 29683354, label: 'Level II Support' },
  { value: 29683482, label: 'Triage' },
  { value: 29683490, label: 'Projects Backlog' },
  { value: 29683501, label: 'Legacy Helpdesk', isActive: false },
]

const issueType: AutotaskPicklistValue[] = [
  { value: 1, label: 'Hardware' },
  { value: 2, label: 'Software' },
  { value: 3, label: 'Network' },
  { value: 4, label: 'Email' },
  { value: 5, label: 'Security' },
  { value: 6, label: 'Account Management' },
]

const subIssueType: AutotaskPicklistValue[] = [
  { value: 101, label: 'Laptop', parentValue: 1 },
  { value: 102, label: 'Printer', parentValue: 1 },
  { value: 103, label: 'Server', parentValue: 1 },
  { value: 201, label: 'Microsoft 365 Apps', parentValue: 2 },
  { value: 202, label: 'Line of Business Application', parentValue: 2 },
  { value: 301, label: 'VPN', parentValue: 3 },
  { value: 302, label: 'Wi-Fi', parentValue: 3 },
  { value: 303, label: 'Firewall', parentValue: 3 },
  { value: 401, label: 'Mailbox', parentValue: 4 },
  { value: 402, label: 'Spam / Phishing', parentValue: 4 },
  { value: 501, label: 'Malware', parentValue: 5 },
  { value: 502, label: 'MFA', parentValue: 5 },
  { value: 601, label: 'New Starter', parentValue: 6 },
  { value: 602, label: 'Leaver', parentValue: 6 },
  { value: 603, label: 'Password Reset', parentValue: 6 },
]

const ticketSource: AutotaskPicklistValue[] = [
  { value: -2, label: 'Insourced', isSystem: true },
  { value: -1, label: 'Client Portal', isSystem: true },
  { value: 1, label: 'Other' },
  { value: 2, label: 'Phone', isDefaultValue: true },
  { value: 3, label: 'Voice Mail' },
  { value: 4, label: 'Email', isSystem: true },
  { value: 6, label: 'In Person / Onsite' },
  { value: 8, label: 'Verbal' },
  { value: 11, label: 'Website' },
  { value: 12, label: 'Monitoring Alert', isSystem: true },
  { value: 13, label: 'Fax (retired)', isActive: false },
]

const ticketType: AutotaskPicklistValue[] = [
  { value: 1, label: 'Service Request', isDefaultValue: true, isSystem: true },
  { value: 2, label: 'Incident', isSystem: true },
  { value: 3, label: 'Problem', isSystem: true },
  { value: 4, label: 'Change Request', isSystem: true },
  { value: 5, label: 'Alert', isSystem: true },
]

const ticketCategory: AutotaskPicklistValue[] = [
  { value: 2, label: 'Datto RMM Alert', isSystem: true },
  { value: 3, label: 'Standard (default)', isDefaultValue: true, isSystem: true },
  { value: 4, label: 'Change Management' },
  { value: 5, label: 'Field Service' },
]

const personType: AutotaskPicklistValue[] = [
  { value: 1, label: 'Resource', isSystem: true },
  { value: 2, label: 'Contact', isSystem: true },
]

const notePublish: AutotaskPicklistValue[] = [
  { value: 1, label: 'All Autotask Users', isDefaultValue: true, isSystem: true },
  { value: 2, label: 'Internal Project Team', isSystem: true },
  { value: 4, label: 'Internal & Co-Managed', isSystem: true },
]

const noteType: AutotaskPicklistValue[] = [
  { value: 1, label: 'Task Summary', isSystem: true },
  { value: 2, label: 'Task Detail', isSystem: true },
  { value: 3, label: 'Task Notes', isDefaultValue: true, isSystem: true },
  { value: 13, label: 'Workflow Rule Note - Task', isSystem: true },
  { value: 14, label: 'Duplicate Ticket Note', isSystem: true },
  { value: 15, label: 'Outsource Workflow Note', isSystem: true },
  { value: 16, label: 'Surveys', isSystem: true },
  { value: 18, label: 'Client Portal Note', isSystem: true },
  { value: 19, label: 'Taskfire Note', isSystem: true },
  { value: 20, label: 'RMM Note', isSystem: true },
  { value: 22, label: 'Email2AT', isSystem: true },
]

const attachmentPublish: AutotaskPicklistValue[] = [
  { value: 1, label: 'All Autotask Users', isDefaultValue: true, isSystem: true },
  { value: 2, label: 'Internal Project Team', isSystem: true },
]

const attachmentType: AutotaskPicklistValue[] = [
  { value: 'FILE_ATTACHMENT', label: 'File Attachment', isDefaultValue: true, isSystem: true },
  { value: 'URL', label: 'URL', isSystem: true },
  { value: 'FOLDER_LINK', label: 'Folder Link', isSystem: true },
]

const companyType: AutotaskPicklistValue[] = [
  { value: 1, label: 'Customer', isDefaultValue: true, isSystem: true },
  { value: 2, label: 'Lead', isSystem: true },
  { value: 3, label: 'Prospect', isSystem: true },
  { value: 4, label: 'Dead', isSystem: true },
  { value: 5, label: 'Vendor', isSystem: true },
  { value: 6, label: 'Cancellation', isSystem: true },
  { value: 7, label: 'Partner', isSystem: true },
]

/** Builds a fresh copy of the default tenant's picklists (tests may change their copy). */
export function createDefaultPicklists(): AutotaskPicklists {
  const copy = (values: AutotaskPicklistValue[]): AutotaskPicklistValue[] => values.map((value) => ({ ...value }))
  return {
    Tickets: {
      status: copy(ticketStatus),
      priority: copy(ticketPriority),
      queueID: copy(ticketQueue),
      issueType: copy(issueType),
      subIssueType: copy(subIssueType),
      source: copy(ticketSource),
      ticketType: copy(ticketType),
      ticketCategory: copy(ticketCategory),
      creatorType: copy(personType),
      lastActivityPersonType: copy(personType),
    },
    TicketNotes: { noteType: copy(noteType), publish: copy(notePublish) },
    TicketAttachments: { publish: copy(attachmentPublish), attachmentType: copy(attachmentType) },
    TicketNoteAttachments: { publish: copy(attachmentPublish), attachmentType: copy(attachmentType) },
    Companies: { companyType: copy(companyType) },
    Resources: {
      licenseType: copy([
        { value: 1, label: 'Professional', isSystem: true },
        { value: 3, label: 'Team Member', isSystem: true },
        { value: 7, label: 'API User', isSystem: true },
      ]),
    },
    TimeEntries: {
      timeEntryType: copy([
        { value: 2, label: 'Ticket Time Entry', isSystem: true },
        { value: 6, label: 'Project Task Time Entry', isSystem: true },
        { value: 1, label: 'Regular Time', isSystem: true },
      ]),
    },
    Projects: {
      status: copy([
        { value: 0, label: 'Inactive', isSystem: true },
        { value: 1, label: 'New', isDefaultValue: true, isSystem: true },
        { value: 2, label: 'Active' },
        { value: 5, label: 'Complete', isSystem: true },
      ]),
      projectType: copy([
        { value: 3, label: 'Proposal', isSystem: true },
        { value: 4, label: 'Template', isSystem: true },
        { value: 5, label: 'Client', isDefaultValue: true, isSystem: true },
        { value: 8, label: 'Internal', isSystem: true },
      ]),
    },
    Contracts: {
      status: copy([
        { value: 0, label: 'Inactive', isSystem: true },
        { value: 1, label: 'Active', isDefaultValue: true, isSystem: true },
      ]),
      contractType: copy([
        { value: 1, label: 'Time and Materials', isDefaultValue: true, isSystem: true },
        { value: 3, label: 'Fixed Price', isSystem: true },
        { value: 4, label: 'Block Hours', isSystem: true },
        { value: 6, label: 'Retainer', isSystem: true },
        { value: 7, label: 'Recurring Service', isSystem: true },
        { value: 8, label: 'Per Ticket', isSystem: true },
      ]),
    },
    ConfigurationItems: {
      configurationItemType: copy([
        { value: 1, label: 'Workstation' },
        { value: 2, label: 'Server' },
        { value: 3, label: 'Network Device' },
        { value: 4, label: 'Printer' },
      ]),
    },
  }
}
