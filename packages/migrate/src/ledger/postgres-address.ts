import { ConfigurationError, redactText, registerSecret, secretFieldNames } from '@ticketbridge/core'

/** The address for messages: no password, in the user info or in the query string. */
export function describePostgresAddress(url: URL): string {
  const safe = new URL(url.href)
  safe.password = ''
  for (const name of [...safe.searchParams.keys()]) if (secretFieldNames.has(name.toLowerCase())) safe.searchParams.delete(name)
  return redactText(safe.href)
}

/** The password in every form it may travel, registered so redaction removes it from any message or log line. */
export function registerPostgresPasswords(url: URL): string[] {
  let decoded = url.password
  try {
    decoded = decodeURIComponent(url.password)
  } catch {
    // A stray % in the password: the raw form is then also the one the driver uses.
  }
  const passwords = [url.password, decoded, url.searchParams.get('password') ?? '', process.env.PGPASSWORD ?? ''].filter(Boolean)
  for (const password of passwords) registerSecret(password)
  return passwords
}

/**
 * Why a PostgreSQL store cannot be used, in words the user can act on: the driver's text with
 * every password cut out, and what to do for the usual causes. `store` names what it is for
 * ("ledger", "budget store"), `tables` what the tool creates there.
 */
export function postgresConnectionError(
  error: unknown,
  where: { address: string; passwords: readonly string[] },
  about: { store: string; tables: string; option: string },
): ConfigurationError {
  const failure = error as Error & { code?: string; errors?: Error[] }
  let said = failure.message || failure.errors?.[0]?.message || String(error)
  for (const password of where.passwords) said = said.split(password).join('[REDACTED]')
  const advice: Record<string, string> = {
    ECONNREFUSED: 'Nothing answers there: start PostgreSQL or correct the host and port.',
    ENOTFOUND: 'No such host: correct the host name.',
    ETIMEDOUT: 'The server did not answer in time: check the host, the port and any firewall.',
    '28P01': 'The server refused the user name or the password; correct them in the address.',
    '28000': 'The server refused this user from this host (pg_hba.conf): allow it, or use another user.',
    '3D000': 'No database of that name: create it (CREATE DATABASE) or name an existing one.',
    '42501': `The user may not create ${about.tables}: grant CREATE on the schema, or run once as its owner.`,
  }
  const what = advice[failure.code ?? ''] ?? 'Check the address, that the server runs, and the user, password and database.'
  return new ConfigurationError(`Cannot use the PostgreSQL ${about.store} at ${where.address}: ${redactText(said)}. ${what}`, {
    option: about.option,
  })
}
