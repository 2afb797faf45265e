import {
  type CommentCreateInput,
  commentCreateInputSchema,
  type FileUpload,
  type fileUploadSchema,
  type OrganizationCreateInput,
  type organizationCreateInputSchema,
  type PersonCreateInput,
  personCreateInputSchema,
  type TicketCreateInput,
  ticketCreateInputSchema,
  type TicketingAdapterV1,
  type TicketQuery,
  type ticketQuerySchema,
  type TicketRelationCreateInput,
  type ticketRelationCreateInputSchema,
  type TicketUpdateInput,
  ticketUpdateInputSchema,
  type TimeEntryCreateInput,
  type timeEntryCreateInputSchema,
} from '../index'
import { describe, expect, expectTypeOf, it } from 'vitest'
import type { z } from 'zod'

// Imported from the package's entry, as users import them. `pnpm --filter @ticketbridge/core typecheck` checks this
// file: each `@ts-expect-error` must meet an error.
describe('named input types', () => {
  it('are exported by name and take exactly what their schemas take', () => {
    expectTypeOf<TicketCreateInput>().toEqualTypeOf<z.input<typeof ticketCreateInputSchema>>()
    expectTypeOf<TicketUpdateInput>().toEqualTypeOf<z.input<typeof ticketUpdateInputSchema>>()
    expectTypeOf<CommentCreateInput>().toEqualTypeOf<z.input<typeof commentCreateInputSchema>>()
    expectTypeOf<PersonCreateInput>().toEqualTypeOf<z.input<typeof personCreateInputSchema>>()
    expectTypeOf<OrganizationCreateInput>().toEqualTypeOf<z.input<typeof organizationCreateInputSchema>>()
    expectTypeOf<TimeEntryCreateInput>().toEqualTypeOf<z.input<typeof timeEntryCreateInputSchema>>()
    expectTypeOf<TicketRelationCreateInput>().toEqualTypeOf<z.input<typeof ticketRelationCreateInputSchema>>()
    expectTypeOf<FileUpload>().toEqualTypeOf<z.input<typeof fileUploadSchema>>()
    expectTypeOf<TicketQuery>().toEqualTypeOf<z.input<typeof ticketQuerySchema>>()
  })

  it('are what the adapter contract takes', () => {
    expectTypeOf<TicketingAdapterV1['tickets']['create']>().parameter(0).toEqualTypeOf<TicketCreateInput>()
    expectTypeOf<TicketingAdapterV1['tickets']['update']>().parameter(1).toEqualTypeOf<TicketUpdateInput>()
    expectTypeOf<TicketingAdapterV1['comments']['create']>().parameter(1).toEqualTypeOf<CommentCreateInput>()
    expectTypeOf<TicketingAdapterV1['people']['create']>().parameter(0).toEqualTypeOf<PersonCreateInput>()
    expectTypeOf<TicketingAdapterV1['tickets']['list']>().parameter(0).toEqualTypeOf<TicketQuery | undefined>()
  })

  it('refuse a wrong field at compile time, and the schemas refuse it at run time', () => {
    const ticket: TicketCreateInput = {
      subject: 'Printer jammed',
      description: { text: 'Floor 2' },
      // @ts-expect-error: a misspelt field is not part of TicketCreateInput
      priorty: { level: 'high' },
    }
    const update: TicketUpdateInput = {
      // @ts-expect-error: a category that does not exist
      status: { category: 'waiting' },
    }
    const comment: CommentCreateInput = {
      body: { text: 'Replaced the toner' },
      // @ts-expect-error: visibility is public or internal
      visibility: 'private',
    }
    // @ts-expect-error: a person needs a kind
    const person: PersonCreateInput = { name: 'Sam Lee' }
    expect(ticketCreateInputSchema.strict().safeParse(ticket).success).toBe(false)
    expect(ticketUpdateInputSchema.safeParse(update).success).toBe(false)
    expect(commentCreateInputSchema.safeParse(comment).success).toBe(false)
    expect(personCreateInputSchema.safeParse(person).success).toBe(false)
  })
})
