/**
 * The REST2 entry point: authentication and RT's dispatch table (the routes RT::REST2's
 * resources declare). Each resource's answers, status codes and quirks as RT 5.0.3 gives them
 * live in rt-rest2-ticket-routes.ts, rt-rest2-transaction-routes.ts, rt-rest2-queue-routes.ts
 * and rt-rest2-user-routes.ts.
 */
import { type RequestContext, type SimulatorRequest, readParameters } from '../rt-request'
import type { Rest2Context } from './rt-rest2-context'
import { authenticateRest2, errorAnswer, jsonAnswer, mediaType, unauthorizedAnswer } from './rt-rest2-http'
import { queueRoutes } from './rt-rest2-queue-routes'
import { type Rest2Routes, seesAll } from './rt-rest2-route'
import { ticketRoutes } from './rt-rest2-ticket-routes'
import { transactionRoutes } from './rt-rest2-transaction-routes'
import { userRoutes } from './rt-rest2-user-routes'

// Every pattern is anchored and no two match the same path, so the order only keeps RT's listing.
const routes: Rest2Routes = [
  [
    /^\/rt\/?$/,
    (context, request) => {
      const refused = request.method === 'GET' ? undefined : errorAnswer(405)
      if (refused) return refused
      return jsonAnswer(200, { Version: context.database.identity.version, ...(seesAll(context) ? { Plugins: [] } : {}) })
    },
  ],
  ...ticketRoutes,
  ...transactionRoutes,
  ...queueRoutes,
  ...userRoutes,
]

/** Answers a request under `/REST/2.0`. `path` is what follows `/REST/2.0`. */
export function handleRest2(request: SimulatorRequest, context: RequestContext, path: string): Response {
  // Bodies are form parameters only when they are not JSON (ProcessPOSTasGET, multipart uploads).
  const parameters = readParameters(request, mediaType(request) !== 'application/json')
  const user = authenticateRest2(context.database, request, parameters)
  if (!user) return unauthorizedAnswer(request)
  const rest2Context: Rest2Context = { ...context, user }
  for (const [pattern, route] of routes) {
    const match = pattern.exec(path)
    if (match) {
      const response = route(rest2Context, request, parameters, match)
      if (request.method === 'HEAD')
        return new Response(null, { status: response.status, statusText: response.statusText, headers: response.headers })
      return response
    }
  }
  return errorAnswer(404)
}
