import { haloFieldRule, projectTicketTypeId, seedLookups, severityLookupId } from './halo-seed-lookups'
import type { HaloJson } from './halo-table'

/** Ticket types with their field rules, and the field definitions (system and custom) they use. */

interface CustomFieldSeed {
  id: number
  name: string
  label: string
  type: number
  usage: number
  lookup?: number
  characterlimit?: number
}

const customFieldSeeds: CustomFieldSeed[] = [
  { id: 145, name: 'CFAssetTag', label: 'Asset tag', type: 0, usage: 1, characterlimit: 50 },
  { id: 146, name: 'CFSeverity', label: 'Severity', type: 2, usage: 1, lookup: severityLookupId },
  { id: 147, name: 'CFExternalReference', label: 'External reference', type: 0, usage: 1, characterlimit: 255 },
  { id: 148, name: 'CFChangeWindow', label: 'Change window', type: 4, usage: 1 },
  { id: 160, name: 'CFAccountCode', label: 'Account code', type: 0, usage: 2, characterlimit: 20 },
  { id: 170, name: 'CFWarrantyExpiry', label: 'Warranty expiry', type: 4, usage: 5 },
]

/** System fields of tickets (custom 0) plus the custom field definitions (custom 1). */
export function seedFieldInfos(): HaloJson[] {
  const lookups = seedLookups()
  const system: HaloJson[] = [
    { id: 1, name: 'summary', label: 'Summary', type: 0, inputtype: 0, custom: 0, usage: 1, characterlimit: 255 },
    { id: 2, name: 'details', label: 'Details', type: 1, inputtype: 0, custom: 0, usage: 1, characterlimit: 0 },
    { id: 3, name: 'category_1', label: 'Category', type: 2, inputtype: 0, custom: 0, usage: 1, characterlimit: 0 },
  ]
  const custom = customFieldSeeds.map((seed) => ({
    id: seed.id,
    name: seed.name,
    label: seed.label,
    type: seed.type,
    inputtype: 0,
    custom: 1,
    usage: seed.usage,
    lookup: seed.lookup ?? 0,
    characterlimit: seed.characterlimit ?? 0,
    mandatory: false,
    readonly: false,
    searchable: true,
    hint: '',
    values: seed.lookup ? lookups.filter((row) => row.lookupid === seed.lookup).map((row) => ({ id: row.id, name: row.name })) : [],
  }))
  return [...system.map((field) => ({ ...field, mandatory: false, readonly: false, lookup: 0, hint: '', values: [] })), ...custom]
}

interface TicketTypeSeed {
  id: number
  name: string
  sla: number
  visible?: boolean
  /** Field id to rule code (see haloFieldRule). */
  fields: Record<number, number>
}

const ticketTypeSeeds: TicketTypeSeed[] = [
  { id: 1, name: 'Incident', sla: 1, fields: { 1: 2, 2: 2, 3: 1, 146: 1, 145: 1, 147: 1 } },
  { id: 2, name: 'Service Request', sla: 1, fields: { 1: 2, 2: 1, 3: 2, 147: 1 } },
  { id: 3, name: 'Problem', sla: 2, fields: { 1: 2, 2: 2, 147: 1 } },
  { id: 4, name: 'Change Request', sla: 1, fields: { 1: 2, 2: 2, 148: 2, 147: 1 } },
  { id: 5, name: 'Legacy Fault', sla: 1, visible: false, fields: { 1: 2, 2: 1 } },
  { id: projectTicketTypeId, name: 'Project', sla: 1, fields: { 1: 2, 2: 1 } },
]

/**
 * Ticket types as `GET /TicketType/{id}?includedetails=true` returns them: the RequestType with
 * its `fields` (RequestTypeField rows, each with its FieldInfo and the rule codes).
 */
export function seedTicketTypes(): HaloJson[] {
  const fieldInfos = seedFieldInfos()
  return ticketTypeSeeds.map((seed) => {
    const fields = Object.entries(seed.fields).map(([fieldId, rule], index) => {
      const info = fieldInfos.find((field) => field.id === Number(fieldId))!
      return {
        id: seed.id * 100 + index + 1,
        rtid: seed.id,
        fieldid: Number(fieldId),
        fieldname: info.name,
        seq: index + 1,
        groupid: 0,
        technew: rule,
        techdetail: rule,
        endusernew: rule,
        enduserdetail: rule,
        restrictupdate: 0,
        fieldinfo: { ...info, mandatory: rule === haloFieldRule.mandatory },
      }
    })
    return {
      id: seed.id,
      name: seed.name,
      sequence: seed.id,
      use: seed.id === projectTicketTypeId ? 'prjs' : 'reqs',
      visible: seed.visible ?? true,
      cancreate: true,
      agentscanselect: seed.visible ?? true,
      enduserscanselect: seed.id <= 3,
      itilrequesttype: seed.id,
      default_sla: seed.sla,
      initial_status: 1,
      workflow_id: 0,
      allowall_status: true,
      allowall_category1: true,
      default_category_1: '',
      default_summary: '',
      default_details: '',
      hasmandatorytechfields: fields.some((field) => field.technew === haloFieldRule.mandatory),
      hasmandatoryuserfields: fields.some((field) => field.endusernew === haloFieldRule.mandatory),
      // An array of field ids, as the spec's RequestType declares it (not a comma list).
      fieldidlist: fields.map((field) => field.fieldid),
      fields,
    }
  })
}
