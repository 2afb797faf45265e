import { z } from 'zod'
import type { ExpectTrue, IsSameType } from '../input/same-type'

/** Text of a description or comment: always plain text, and the HTML where the vendor has it. */
export const richTextSchema = z.object({
  text: z.string(),
  html: z.string().optional(),
})
/** Plain text always, and the HTML where the vendor has it. */
export interface RichText {
  text: string
  html?: string
}
type _RichTextPinned = ExpectTrue<IsSameType<RichText, z.input<typeof richTextSchema>>>
