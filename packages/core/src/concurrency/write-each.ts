import { runConcurrently } from './run-concurrently'

/** One write's outcome in a batch: what the write answered, or its error. */
export type SettledWrite<Receipt> = ({ ok: true } & Receipt) | { ok: false; error: unknown }

/**
 * Writes every input on its own, `concurrency` at once, and answers each one's outcome in the
 * order given: one failure fails its item only. For batch writes where the vendor (or the
 * adapter) has no array form.
 */
export async function writeEach<Input, Receipt extends object>(
  inputs: readonly Input[],
  concurrency: number,
  write: (input: Input) => Promise<Receipt>,
): Promise<SettledWrite<Receipt>[]> {
  const items: SettledWrite<Receipt>[] = new Array(inputs.length)
  await runConcurrently(
    inputs.map((input, index) => ({ input, index })),
    concurrency,
    async ({ input, index }) => {
      try {
        items[index] = { ok: true, ...(await write(input)) }
      } catch (error) {
        items[index] = { ok: false, error }
      }
    },
  )
  return items
}
