/** Exit codes scripts can rely on. */
export const exitCodes = {
  /** Everything moved and verified. */
  success: 0,
  /** The run finished but some records failed or verification found differences. */
  incomplete: 1,
  /** Bad flags, config or mapping: nothing was written. */
  configuration: 2,
  /** The run stopped: refused credentials, missing rights, the vendor unreachable. */
  failed: 3,
  /** The record named (a ticket id, a path) does not exist there, or these credentials cannot see it. */
  notFound: 4,
  /** Interrupted (Ctrl-C); run again to resume. */
  interrupted: 130,
} as const
