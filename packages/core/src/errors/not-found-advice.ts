/**
 * What a 404 means for this address: on a record's id (`/Tickets/123`, `/ticket/5`) the id is
 * wrong or hidden; on a list or an endpoint (`/Tickets`, `/Tickets/query`) the base URL is wrong,
 * and "check the id" would send the user the wrong way.
 */
export function notFoundAdvice(url: string | undefined): { summary: string; advice: string } {
  const last = url ? (safePath(url).replace(/\/+$/, '').split('/').at(-1) ?? '') : ''
  if (url && !/\d/.test(last))
    return {
      summary: 'No such address',
      advice:
        "Check the vendor's base URL setting (Halo's resource URL ends in /api, Autotask's in /ATServicesRest, RT's is the web address): this path does not exist there.",
    }
  return { summary: 'Not found', advice: 'Check the id, and that these credentials can see the record.' }
}

/** The path of a URL, without its query (which may carry a key). */
export function safePath(url: string): string {
  try {
    return new URL(url).pathname
  } catch {
    return url.split('?')[0] ?? url
  }
}
