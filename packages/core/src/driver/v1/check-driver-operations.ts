import { adapterCapabilitiesSchema } from '../../adapter/v1/adapter-capabilities'
import { hasWrite } from './driver-write'
import type { TicketingDriverV1 } from './ticketing-driver-v1'

/**
 * Every operation the capabilities declare present exists on the driver, so a capability and its
 * code cannot drift apart: a mismatch is a programming error, found when the adapter is built.
 */
export function checkDriverOperations(driver: TicketingDriverV1): void {
  const capabilities = adapterCapabilitiesSchema.parse(driver.capabilities)
  const required: [boolean, string, boolean][] = [
    [capabilities.tickets.create, 'tickets.create or tickets.createMany', hasWrite(driver.tickets)],
    [capabilities.tickets.update, 'tickets.update', driver.tickets.update !== undefined],
    [capabilities.tickets.delete, 'tickets.delete', driver.tickets.delete !== undefined],
    [
      true,
      'tickets.findByExternalId or tickets.findAllByExternalIds',
      driver.tickets.findByExternalId !== undefined || driver.tickets.findAllByExternalIds !== undefined,
    ],
    [capabilities.comments.create, 'comments.create or comments.createMany', hasWrite(driver.comments)],
    [capabilities.attachments.upload, 'attachments.upload', driver.attachments.upload !== undefined],
    [capabilities.attachments.download, 'attachments.download', driver.attachments.download !== undefined],
    [capabilities.people.create, 'people.create or people.createMany', hasWrite(driver.people)],
    [capabilities.organizations.create, 'organizations.create or organizations.createMany', hasWrite(driver.organizations)],
    [capabilities.timeEntries, 'timeEntries (listPage and a create)', driver.timeEntries !== undefined && hasWrite(driver.timeEntries)],
    [capabilities.relations, 'relations', driver.relations !== undefined],
  ]
  const missing = required.filter(([declared, , present]) => declared && !present).map(([, name]) => name)
  if (missing.length > 0) {
    throw new TypeError(
      `The ${driver.vendor} driver declares capabilities it has no operation for: ${missing.join(', ')}. Add the operation or declare the capability false.`,
    )
  }
}
