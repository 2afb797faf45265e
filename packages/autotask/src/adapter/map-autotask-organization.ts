import type { Organization } from '@ticketbridge/core'
import type { AutotaskRecord } from '../client/autotask-query'
import type { AutotaskEntityModels } from '../generated/autotask-entities'

export type AutotaskCompany = AutotaskRecord<AutotaskEntityModels['Companies']>

/** A company as an organization. */
export function mapAutotaskCompany(raw: AutotaskCompany): Organization {
  return { id: String(raw.id), vendor: 'autotask', raw, name: typeof raw.companyName === 'string' ? raw.companyName : `Company ${raw.id}` }
}
