import { priorityLevelSchema, referenceSelectorSchema, statusCategorySchema } from '@ticketbridge/core'
import { z } from 'zod'

/** A target value named in a mapping file: its name or id as text, or a common category/level. */
const targetStatusSchema = z.union([z.string().min(1), z.object({ category: statusCategorySchema }).strict()])
const targetPrioritySchema = z.union([z.string().min(1), z.object({ level: priorityLevelSchema }).strict()])
const valueMapSchema = z.record(z.string(), z.string().min(1))

/**
 * The mapping file: how source values become target values. Every section is optional; where the
 * file is silent, values map automatically by name, then by category or level.
 *
 * ```yaml
 * statuses: { "Waiting on Customer": "Pending", "Parked": { category: pending } }
 * priorities: { "P1": { level: urgent } }
 * queues: { "Service Desk": "General" }
 * ticketTypes: { "Incident": "Incident" }
 * customFields: { severity: "Severity" }
 * people: { default: { email: "migration@acme.example" }, map: { "old@acme.example": "new@acme.example" } }
 * organizations: { default: { name: "Unknown customer" } }
 * options: { createPeople: true, createOrganizations: true }
 * ```
 */
export const mappingFileSchema = z
  .object({
    /** Source status (name or id) → target status (name or id, or `{ category }`). */
    statuses: z.record(z.string(), targetStatusSchema).default({}),
    /** Source priority (name or id) → target priority (name or id, or `{ level }`). */
    priorities: z.record(z.string(), targetPrioritySchema).default({}),
    /** Source queue (name or id) → target queue (name or id). */
    queues: valueMapSchema.default({}),
    /** Source ticket type (name or id) → target ticket type (name or id). */
    ticketTypes: valueMapSchema.default({}),
    /** Source custom field key → target custom field key. */
    customFields: valueMapSchema.default({}),
    people: z
      .object({
        /** Who stands in for a person who cannot be matched or created in the target. */
        default: referenceSelectorSchema.optional(),
        /** Source email → target email, for people whose address changed. */
        map: valueMapSchema.default({}),
      })
      .strict()
      .default({ map: {} }),
    organizations: z
      .object({
        default: referenceSelectorSchema.optional(),
        /** Source organization name → target organization name. */
        map: valueMapSchema.default({}),
      })
      .strict()
      .default({ map: {} }),
    options: z
      .object({
        /** Create people missing in the target (where it allows); otherwise map them to the default. */
        createPeople: z.boolean().default(true),
        /** Create organizations missing in the target (where it allows). */
        createOrganizations: z.boolean().default(true),
      })
      .strict()
      .default({ createPeople: true, createOrganizations: true }),
  })
  .strict()
export type MappingFile = z.output<typeof mappingFileSchema>
export type MappingFileInput = z.input<typeof mappingFileSchema>
