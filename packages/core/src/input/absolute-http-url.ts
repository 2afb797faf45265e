import { z } from 'zod'

/** A setting that must be an absolute http(s) address, trimmed: what every vendor's base URLs are. */
export const absoluteHttpUrlSchema = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const parsed = new URL(value)
      return parsed.protocol === 'https:' || parsed.protocol === 'http:'
    } catch {
      return false
    }
  }, 'must be an absolute http(s) URL')
