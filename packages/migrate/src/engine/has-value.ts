import type { CustomFieldValue } from '@ticketbridge/core'

/** Whether a custom field holds anything worth moving: empty values lose nothing when left out. */
export function hasValue(value: CustomFieldValue | undefined): boolean {
  if (value === null || value === undefined) return false
  if (typeof value === 'string') return value.trim() !== ''
  if (Array.isArray(value)) return value.length > 0
  return true
}
