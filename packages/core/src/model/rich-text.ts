import { z } from 'zod'

/** Text of a description or comment: always plain text, and the HTML where the vendor has it. */
export const richTextSchema = z.object({
  text: z.string(),
  html: z.string().optional(),
})
export type RichText = z.infer<typeof richTextSchema>
