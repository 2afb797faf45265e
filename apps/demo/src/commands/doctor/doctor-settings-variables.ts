import type { VendorConnector } from '@ticketbridge/http'

/** The variables of a vendor's address settings (URLs, hosted instance names): what to fix when nothing answers. */
export function addressVariables(connector: VendorConnector): string[] {
  return Object.entries(connector.settings)
    .filter(([key, setting]) => !setting.secret && /url|instance/i.test(key))
    .map(([, setting]) => setting.environment)
}

/** The variables of a vendor's credentials (secrets, user names, client ids): what to fix when they are refused. */
export function credentialVariables(connector: VendorConnector): string[] {
  return Object.entries(connector.settings)
    .filter(([key, setting]) => setting.secret || /user|client ?id|integration/i.test(key))
    .map(([, setting]) => setting.environment)
}

/** What configures a vendor at least: its required variables and its secrets (one of which may do). */
export function configuringVariables(connector: VendorConnector): string {
  const required = Object.values(connector.settings)
    .filter((setting) => setting.required)
    .map((setting) => setting.environment)
  const secrets = Object.values(connector.settings)
    .filter((setting) => setting.secret && !setting.required)
    .map((setting) => setting.environment)
  return [required.join(', '), secrets.length > 0 ? `credentials in ${secrets.join(' or ')}` : ''].filter(Boolean).join('; ')
}
