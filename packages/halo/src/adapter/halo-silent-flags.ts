/** Write flags of a silent ticket: no email, no rules, no automations (halo.md §3.1). */
export const haloSilentTicketFlags = { dont_do_rules: true, _dont_fire_automations: true, sendack: false } as const

/** Write flags of a silent action: no email, no rules (halo.md §3.1). */
export const haloSilentActionFlags = { dont_do_rules: true, sendemail: false } as const

/** Write flag of a silent user, client or site: no automations (halo.md §3.1). */
export const haloSilentDirectoryFlags = { _dont_fire_automations: true } as const
