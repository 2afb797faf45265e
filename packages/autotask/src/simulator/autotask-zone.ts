import { autotaskErrors, autotaskJson } from './autotask-responses'

/** What zone discovery answers (ZoneInformationResultModel). */
export interface AutotaskZoneInformation {
  zoneName: string
  /** REST base of the zone, ending with `/ATServicesRest/`; clients append `V1.0/`. */
  url: string
  webUrl: string
  /** The database id of the tenant. */
  ci: number
}

/**
 * `GET /ATServicesRest/V1.0/ZoneInformation?user=<username>`: no credentials needed, not
 * thread-limited. A username the tenant knows gets its zone; anything else gets HTTP 500
 * `{"errors":["Zone information could not be determined"]}` (autotask.md §3).
 */
export function answerZoneInformation(url: URL, knownUsernames: string[], zone: (origin: string) => AutotaskZoneInformation): Response {
  const user = [...url.searchParams].find(([name]) => name.toLowerCase() === 'user')?.[1]
  if (!user || !knownUsernames.some((username) => username.toLowerCase() === user.toLowerCase())) {
    return autotaskErrors(500, ['Zone information could not be determined'])
  }
  return autotaskJson(zone(url.origin))
}
