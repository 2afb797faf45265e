import { HttpResponse } from 'msw'

/**
 * Autotask's error body: `{"errors": ["..."]}`, an array of strings. Validation and business
 * rule failures come as HTTP 500 with this body (autotask.md §15), not as 400.
 */
export function autotaskErrors(status: number, messages: string[], headers: Record<string, string> = {}): Response {
  return HttpResponse.json({ errors: messages }, { status, headers })
}

/** ASP.NET Web API's own answer for a URL no route matches. */
export function routeNotFound(url: URL): Response {
  return HttpResponse.json({ Message: `No HTTP resource was found that matches the request URI '${url.href}'.` }, { status: 404 })
}

/** ASP.NET Web API's own answer for a verb a route does not take (autotask.md §15: 405 with `Message`). */
export function methodNotAllowed(method: string, allowed: string[]): Response {
  return HttpResponse.json(
    { Message: `The requested resource does not support http method '${method}'.` },
    { status: 405, headers: { allow: allowed.join(', ') } },
  )
}

/** A 200 JSON answer. */
export function autotaskJson(body: unknown): Response {
  return HttpResponse.json(body as Record<string, unknown>)
}
