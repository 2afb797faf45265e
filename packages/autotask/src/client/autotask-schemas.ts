import { InvalidResponseError } from '@ticketbridge/core'
import { z } from 'zod'

/*
 * Tolerant schemas of Autotask's answers. The spec declares no required field and no nullable
 * one, while real answers carry nulls everywhere and fields the spec does not list. So every
 * schema here checks only what the client relies on (ids are numbers, lists are lists), accepts
 * null for everything else, and keeps unknown fields: the vendor's payload stays untouched.
 */

/** A number sent as a number or as digits (`itemId` is typed `Object` in the spec). */
const numeric = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
])

/** Any record of any entity: an id and whatever else the vendor sent. */
export const autotaskRecordSchema = z.looseObject({ id: numeric })

/** `PagingModel`: where the next page is, if any. */
export const autotaskPageDetailsSchema = z.looseObject({
  count: z.number().nullish(),
  requestCount: z.number().nullish(),
  prevPageUrl: z.string().nullish(),
  nextPageUrl: z.string().nullish(),
})
export type AutotaskPageDetails = z.infer<typeof autotaskPageDetailsSchema>

/** `QueryActionResult[…]`: one page of a query. */
export const autotaskQueryResultSchema = z.looseObject({
  items: z.array(autotaskRecordSchema),
  pageDetails: autotaskPageDetailsSchema.nullish(),
})

/** `ItemQueryResultModel[…]`: one record by id; `item` is null when it does not exist. */
export const autotaskItemResultSchema = z.looseObject({ item: autotaskRecordSchema.nullish() })

/** `OperationResultModel`: the id a create, update or delete touched. */
export const autotaskOperationResultSchema = z.looseObject({ itemId: numeric.nullish() })

/** `QueryCountResultModel`. */
export const autotaskCountResultSchema = z.looseObject({ queryCount: numeric })

/** `ZoneInformationResultModel`: the tenant's zone. */
export const autotaskZoneInformationSchema = z.looseObject({
  zoneName: z.string().nullish(),
  url: z.string().min(1),
  webUrl: z.string().nullish(),
  ci: numeric.nullish(),
})

/** `ThresholdStatusResultModel`: the database's hourly threshold and how much of it is used. */
export const autotaskThresholdInformationSchema = z.looseObject({
  externalRequestThreshold: numeric.nullish(),
  requestThresholdTimeframe: numeric.nullish(),
  currentTimeframeRequestCount: numeric.nullish(),
})
export type AutotaskThresholdInformation = z.infer<typeof autotaskThresholdInformationSchema>

/** `EntityInformationModel`: what an entity allows. */
export const autotaskEntityInformationSchema = z.looseObject({
  name: z.string().nullish(),
  canCreate: z.boolean().nullish(),
  canDelete: z.boolean().nullish(),
  canQuery: z.boolean().nullish(),
  canUpdate: z.boolean().nullish(),
  hasUserDefinedFields: z.boolean().nullish(),
  supportsWebhookCallouts: z.boolean().nullish(),
})
export type AutotaskEntityInformation = z.infer<typeof autotaskEntityInformationSchema>

export const autotaskEntityInformationResultSchema = z.looseObject({ info: autotaskEntityInformationSchema })

/** `PickListValue`. The value is a string on the wire although the field is an integer. */
export const autotaskPicklistValueSchema = z.looseObject({
  value: z.union([z.string(), z.number()]).transform(String),
  label: z
    .string()
    .nullish()
    .transform((label) => label ?? ''),
  isDefaultValue: z.boolean().nullish(),
  sortOrder: z.number().nullish(),
  parentValue: z.union([z.string(), z.number()]).nullish(),
  isActive: z.boolean().nullish(),
  isSystem: z.boolean().nullish(),
})
export type AutotaskPicklistValue = z.infer<typeof autotaskPicklistValueSchema>

/** `FieldInformationModel` (entity fields) and `Field` (user-defined fields, which add `label`, `type`, `description`, `defaultValue`). */
export const autotaskFieldSchema = z.looseObject({
  name: z.string(),
  label: z.string().nullish(),
  dataType: z.string().nullish(),
  type: z.string().nullish(),
  length: z.number().nullish(),
  description: z.string().nullish(),
  isRequired: z.boolean().nullish(),
  isReadOnly: z.boolean().nullish(),
  isQueryable: z.boolean().nullish(),
  isReference: z.boolean().nullish(),
  referenceEntityType: z.string().nullish(),
  isPickList: z.boolean().nullish(),
  picklistValues: z.array(autotaskPicklistValueSchema).nullish(),
  picklistParentValueField: z.string().nullish(),
  defaultValue: z.unknown().optional(),
})
export type AutotaskField = z.infer<typeof autotaskFieldSchema>

export const autotaskFieldsResultSchema = z.looseObject({
  fields: z
    .array(autotaskFieldSchema)
    .nullish()
    .transform((fields) => fields ?? []),
})

/** An attachment as the parent-child GET returns it: the metadata and the base64 `data`. */
export const autotaskAttachmentWithDataSchema = z.looseObject({
  id: numeric,
  data: z.string().nullish(),
  fullPath: z.string().nullish(),
  contentType: z.string().nullish(),
  fileSize: z.number().nullish(),
})

/**
 * Reads an answer with a schema, or throws InvalidResponseError naming what did not match: an
 * answer the client cannot use must fail loudly, never be half-read.
 */
export function parseAutotaskResponse<Schema extends z.ZodType>(schema: Schema, data: unknown, what: string, url?: string): z.output<Schema> {
  const result = schema.safeParse(data)
  if (result.success) return result.data
  const issues = result.error.issues.slice(0, 10).map((issue) => ({
    path: issue.path.map((part) => (typeof part === 'number' ? part : String(part))),
    message: issue.message,
  }))
  const summary = issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ')
  throw new InvalidResponseError(`Autotask answered ${what} with data the client cannot read (${summary}).`, {
    vendor: 'autotask',
    issues,
    ...(url !== undefined ? { url } : {}),
  })
}
