import type { HaloTicket } from '../client/resources/halo-tickets'

/**
 * The external-id marker: `[ticketbridge external id: <id>]` at the end of a ticket's details
 * (the id percent-encoded where it holds `]`, `<`, `>`, `&` or line breaks). Halo has no
 * external-id field in this spec that the API can search (`third_party_id` is an int32), so the
 * marker is what findByExternalId searches for; reads strip it from the description.
 */
const markerPattern = /\[ticketbridge external id: ([^\]\r\n<>]+)\]/
const markerInText = /\s*\[ticketbridge external id: [^\]\r\n<>]+\]\s*$/
const markerInHtml = /\s*(?:<p>\s*)?\[ticketbridge external id: [^\]\r\n<>]+\](?:\s*<\/p>)?\s*$/

function encodeExternalId(externalId: string): string {
  return externalId.replace(/[%\]<>&\r\n]/g, (character) => encodeURIComponent(character))
}

/** The marker text for an external id. */
export function externalIdMarker(externalId: string): string {
  return `[ticketbridge external id: ${encodeExternalId(externalId)}]`
}

/** The marker's text up to an encoded external id's start, for finding every marker that starts so. */
export function externalIdMarkerStart(encodedStart: string): string {
  return `ticketbridge external id: ${encodedStart}`
}

/** The text Halo's search is given to find the marker of an external id. */
export function externalIdSearchText(externalId: string): string {
  return encodeExternalId(externalId)
}

/** The external id a ticket's details carry, if any. */
export function readExternalIdMarker(ticket: Pick<HaloTicket, 'details' | 'details_html'>): string | undefined {
  const match = markerPattern.exec(ticket.details ?? '') ?? markerPattern.exec(ticket.details_html ?? '')
  if (!match?.[1]) return undefined
  try {
    return decodeURIComponent(match[1].trim())
  } catch {
    return match[1].trim()
  }
}

/** Details without the marker, as the common model's description shows them. */
export function stripExternalIdMarker(text: string | undefined, kind: 'text' | 'html'): string | undefined {
  if (text === undefined) return undefined
  return text.replace(kind === 'text' ? markerInText : markerInHtml, '')
}

/** Details with the marker appended (replacing an earlier one). */
export function appendExternalIdMarker(text: string, externalId: string, kind: 'text' | 'html'): string {
  const base = stripExternalIdMarker(text, kind) ?? ''
  const marker = externalIdMarker(externalId)
  if (kind === 'html') return `${base}<p>${marker}</p>`
  return base === '' ? marker : `${base}\n\n${marker}`
}
