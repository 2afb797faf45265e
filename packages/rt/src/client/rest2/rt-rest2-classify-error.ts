import { ServerError, type TicketbridgeError } from '@ticketbridge/core'
import type { ClassifiableResponse } from '@ticketbridge/http'

/**
 * REST2 answers with real HTTP statuses, which the transport maps. Two RT 5.0.3 quirks are
 * classified here so they are not retried as if the server were briefly down (rt.md §3.4):
 * `GET /attachment/<id>` and `/transaction/<id>` of an id that does not exist answer 500
 * `{"message":"Internal Server Error"}`, and `fields=Parent` on a top-level attachment answers
 * 500 with an empty body. Both fail the same way every time.
 */
export function classifyRest2Response(
  response: Pick<ClassifiableResponse, 'method' | 'url' | 'status' | 'requestId' | 'text'>,
): TicketbridgeError | undefined {
  if (response.status !== 500 || response.method !== 'GET') return undefined
  let url: URL
  try {
    url = new URL(response.url)
  } catch {
    return undefined
  }
  const common = { vendor: 'rt', method: response.method, url: response.url, requestId: response.requestId, status: 500, retryable: false }
  const record = /\/REST\/2\.0\/(attachment|transaction)\/(\d+)\/?$/.exec(url.pathname)
  if (record && /Internal Server Error/.test(response.text())) {
    return new ServerError(
      `RT answered HTTP 500 for ${record[1]} ${record[2]}. RT 5 answers this way when no ${record[1]} has that id; check the id (it was not retried).`,
      { ...common, body: response.text() },
    )
  }
  if (response.text().trim() === '' && /(^|,)Parent(,|$)/.test(url.searchParams.get('fields') ?? '')) {
    return new ServerError(
      'RT answered HTTP 500 with an empty body: RT 5 fails on fields=Parent when an attachment has no parent. Leave Parent out of fields (it was not retried).',
      common,
    )
  }
  return undefined
}
