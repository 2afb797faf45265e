import { HttpResponse } from 'msw'

/**
 * A number Halo types as `double` although it holds an id (`Users.site_id`, `Site.client_id`):
 * it goes out as `95.0`, as real instances send it (halo.md §3.5).
 */
export class HaloDouble {
  constructor(readonly value: number) {}
}

const doubleMarker = '__halo_double__'

/** Serialises a response body, writing {@link HaloDouble} values with a decimal point. */
function renderHaloJson(value: unknown): string {
  const text = JSON.stringify(value, (_key, entry: unknown) => (entry instanceof HaloDouble ? `${doubleMarker}${entry.value}` : entry))
  return text.replace(new RegExp(`"${doubleMarker}(-?\\d+(?:\\.\\d+)?)"`, 'g'), (_match, number: string) =>
    number.includes('.') ? number : `${number}.0`,
  )
}

/** A JSON answer (200 unless told), rendered with Halo's doubles. */
export function haloJson(value: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new HttpResponse(renderHaloJson(value), {
    status: init.status ?? 200,
    headers: { 'content-type': 'application/json; charset=utf-8', ...init.headers },
  })
}

/** An error answer a route throws; the pipeline sends its response. */
export class HaloRequestError extends Error {
  constructor(readonly response: Response) {
    super(`Halo simulator answered ${response.status}`)
  }
}

/**
 * The error bodies Halo is seen to send (halo.md §6), one builder per shape:
 * - `exception`: `{ ClassName, Message }`, a .NET exception (mandatory fields, missing records);
 * - `result`: `{ resultCode, errorMessage }` (invalid references such as an unknown status);
 * - `jsonString`: a bare JSON string ("An Outcome must be entered for this Action");
 * - `text`: plain text ("Invalid advanced search parameter");
 * - `message`: `{ Message }` (authorisation refusals, unknown routes).
 */
export const haloError = {
  exception(message: string, status = 400, className = 'System.Exception'): HaloRequestError {
    return new HaloRequestError(haloJson({ ClassName: className, Message: message }, { status }))
  },
  result(message: string, status = 400): HaloRequestError {
    return new HaloRequestError(haloJson({ resultCode: 1, errorMessage: message }, { status }))
  },
  jsonString(message: string, status = 400): HaloRequestError {
    return new HaloRequestError(haloJson(message, { status }))
  },
  text(message: string, status = 400): HaloRequestError {
    return new HaloRequestError(new HttpResponse(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } }))
  },
  message(message: string, status: number, headers: Record<string, string> = {}): HaloRequestError {
    return new HaloRequestError(haloJson({ Message: message }, { status, headers }))
  },
  notFound(what: string): HaloRequestError {
    return haloError.exception(`${what} not found.`, 404)
  },
}

/** Halo answers deletes with 200 and no content to speak of (halo.md §5). */
export function haloEmptyOk(): Response {
  return new HttpResponse(null, { status: 200 })
}
