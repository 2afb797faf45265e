/**
 * `true` when A and B are the same type, `false` otherwise. Assignable both ways is not enough:
 * an interface with an extra optional field would pass that.
 */
export type IsSameType<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false

/**
 * Compiles only when given `true`. Inputs are declared as named interfaces, so compiler errors name
 * them instead of listing every field, and each is pinned to its zod schema (the runtime check) so
 * the two cannot drift apart:
 * `type _Pinned = ExpectTrue<IsSameType<TicketCreateInput, z.input<typeof ticketCreateInputSchema>>>`.
 */
export type ExpectTrue<Condition extends true> = Condition
