import { z } from 'zod'

/**
 * Field schemas shared by the tolerant record schemas. Halo sends ids as int32, sometimes as
 * doubles (`site_id: 95.0`) or strings; null and absent fields are common; unknown fields are
 * kept (records are `looseObject`s), because single-record answers carry far more than lists.
 */
export const haloId = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.0+)?$/)
    .transform(Number),
])
export const optionalId = haloId.nullish()
export const optionalText = z.string().nullish()
export const optionalNumber = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^-?\d+(\.\d+)?$/)
      .transform(Number),
  ])
  .nullish()
export const optionalFlag = z.union([z.boolean(), z.number().transform((value) => value !== 0)]).nullish()
/** A date as Halo writes it: ISO-8601 in UTC without a zone, `1900-01-01T00:00:00` for none. */
export const optionalDate = z.string().nullish()

/** A custom field value on a record (`customfields[]`). */
export const haloCustomFieldValueSchema = z.looseObject({
  id: optionalId,
  name: optionalText,
  label: optionalText,
  type: optionalNumber,
  value: z.unknown().optional(),
  display: optionalText,
})
export type HaloCustomFieldValue = z.infer<typeof haloCustomFieldValueSchema>
