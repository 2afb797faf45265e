import { ConfigurationError, type DriverCallContext } from '@ticketbridge/core'
import type { HaloOutcome } from '../client/resources/halo-outcomes'
import type { HaloDriverContext } from './halo-driver-context'

/** What an action is written for: a comment of either visibility, or time worked. */
export type HaloOutcomeKind = 'public' | 'internal' | 'timeEntry'

/** How an action names its outcome: by id where one is known, else by the configured name. */
export type HaloOutcomeChoice = { outcome_id?: number; outcome?: string }

type OutcomeTest = (outcome: HaloOutcome) => boolean

const nameOf = (outcome: HaloOutcome) => (outcome.outcome ?? outcome.buttonname ?? '').trim()
const hidden: OutcomeTest = (outcome) => outcome.hidefromuser === true

/** The instance's outcomes a kind of action prefers, best first. */
function preferencesFor(kind: HaloOutcomeKind): OutcomeTest[] {
  const internal: OutcomeTest[] = [
    (outcome) => /private|internal/i.test(nameOf(outcome)) && /note|comment/i.test(nameOf(outcome)),
    (outcome) => hidden(outcome) && /note|comment/i.test(nameOf(outcome)),
    (outcome) => /private|internal/i.test(nameOf(outcome)),
    hidden,
    (outcome) => /note|comment/i.test(nameOf(outcome)),
  ]
  if (kind === 'timeEntry') return [(outcome) => hidden(outcome) && /time/i.test(nameOf(outcome)), ...internal]
  if (kind === 'internal') return internal
  return [
    (outcome) => !hidden(outcome) && /^(public\s+)?(note|update|comment)$/i.test(nameOf(outcome)),
    (outcome) => !hidden(outcome) && /note|update|comment|reply/i.test(nameOf(outcome)),
    (outcome) => !hidden(outcome),
  ]
}

/**
 * The outcome (action type) Halo requires on every action: the configured one (by id, or by name
 * matched against the instance), else the best plain one of the instance for this kind.
 */
export async function chooseHaloOutcome(halo: HaloDriverContext, kind: HaloOutcomeKind, context: DriverCallContext): Promise<HaloOutcomeChoice> {
  const { outcomes: configuredOutcomes } = halo.options
  const configured = configuredOutcomes[kind] ?? (kind === 'timeEntry' ? configuredOutcomes.internal : undefined)
  if (typeof configured === 'number') return { outcome_id: configured }
  const outcomes = await halo.lookups.outcomes(context)
  if (typeof configured === 'string') {
    const match = outcomes.find((outcome) => nameOf(outcome).toLowerCase() === configured.toLowerCase())
    return match ? { outcome_id: Number(match.id) } : { outcome: configured }
  }
  // Outcomes that change the status or send email would do more than add a comment.
  const plain = outcomes.filter(
    (outcome) => !outcome.hidden && !(typeof outcome.newstatus === 'number' && outcome.newstatus > 0) && !outcome.sendemail,
  )
  for (const preference of preferencesFor(kind)) {
    const found = plain.find(preference)
    if (found) return { outcome_id: Number(found.id) }
  }
  const option = `outcomes.${kind}`
  const what = kind === 'internal' ? 'an internal comment' : kind === 'public' ? 'a public comment' : 'a time entry'
  throw new ConfigurationError(`No Halo outcome fits ${what}; set ${option} to an outcome id or name (see client.outcomes.list()).`, {
    vendor: 'halo',
    option,
  })
}
