import { type CheckedCommentCreate, type CommentDriver, type DriverTicketChild, type DriverWriteContext, settleBatchItem } from '@ticketbridge/core'
import type { HaloAction, HaloActionInput } from '../client/resources/halo-actions'
import type { HaloDriverContext } from './halo-driver-context'
import { requireNumericId } from './halo-numeric-id'
import { chooseHaloOutcome, type HaloOutcomeChoice } from './halo-outcome-choice'
import { haloInlineFiles } from './halo-inline-files'
import { haloRowWarnings } from './halo-row-warnings'
import { haloSilentActionFlags } from './halo-silent-flags'
import { mapHaloComment } from './map-halo-comment'
import { isHaloCommentAction } from './map-halo-time-entry'

/**
 * Comments are actions: internal ones `hiddenfromuser: true`, public ones `false`, written with an
 * outcome chosen from the instance (or configured). Creates go through the action queue, so
 * comments created together leave as one array POST.
 */
/** An outcome, and where the comment moves its ticket, the status (`new_status`, swagger `Actions`). */
type ActionFields = HaloOutcomeChoice & { new_status?: number }

export function createHaloCommentOperations(halo: HaloDriverContext): CommentDriver {
  return {
    async listPage(ticketId, _cursor, context) {
      const ticket = requireNumericId(ticketId, 'ticketId', 'comment query')
      // Halo answers a ticket's actions in one list; system actions are no comments.
      const rows = await halo.client.actions.listForTicket(ticket, { excludesys: true, includehtmlnote: true }, context)
      return { items: commentsOf(rows, ticketId) }
    },

    // With the time entries: one read of each ticket's actions, system actions left out here.
    async listForTickets(ticketIds, context) {
      const [actions, systemOutcomeIds] = await Promise.all([
        halo.ticketActions.read(ticketIds, 'comments', context),
        halo.lookups.systemOutcomeIds(context),
      ])
      return new Map(
        [...actions].map(([ticketId, rows]) => [
          ticketId,
          commentsOf(
            rows.filter((row) => isHaloCommentAction(row, systemOutcomeIds)),
            ticketId,
          ),
        ]),
      )
    },

    async create(comment, context) {
      const { id: _id, ...result } = await send(comment, await actionFieldsOf(comment, context), context)
      return result
    },

    // As tickets: the queue sends actions written together as arrays. Outcomes are chosen first,
    // so every action joins the queue in the order given, as Halo then stores them.
    async createMany(comments, context) {
      const outcomes = await Promise.allSettled(comments.map((comment) => actionFieldsOf(comment, context)))
      return Promise.all(
        comments.map((comment, index) => {
          const outcome = outcomes[index]!
          if (outcome.status === 'rejected') return { ok: false as const, error: outcome.reason as unknown }
          return settleBatchItem(send(comment, outcome.value, context))
        }),
      )
    },
  }

  /** What an action needs read from the instance first: its outcome, and the status it moves the ticket to. */
  async function actionFieldsOf({ input }: DriverTicketChild<CheckedCommentCreate>, context: DriverWriteContext): Promise<ActionFields> {
    const [outcome, status] = await Promise.all([
      chooseHaloOutcome(halo, input.visibility, context),
      input.ticketStatus ? halo.resolver.status(input.ticketStatus, 'ticketStatus', context) : undefined,
    ])
    return { ...outcome, ...(status ? { new_status: Number(status.id) } : {}) }
  }

  // Async, so a bad id rejects its item; the write joins the queue before the first await.
  async function send({ ticketId, input }: DriverTicketChild<CheckedCommentCreate>, fields: ActionFields, context: DriverWriteContext) {
    const ticket = requireNumericId(ticketId, 'ticketId', 'comment')
    const hiddenfromuser = input.visibility === 'internal'
    const action = {
      ticket_id: ticket,
      ...fields,
      note: input.body.text,
      ...(input.body.html !== undefined ? { note_html: input.body.html } : {}),
      hiddenfromuser,
      sendemail: false,
      // Halo keeps time worked on the action itself, in hours.
      ...(input.timeWorkedMinutes !== undefined ? { timetaken: input.timeWorkedMinutes / 60 } : {}),
      // Files ride inside the action (swagger `Actions.attachments`).
      ...(input.attachments?.length ? { attachments: haloInlineFiles(input.attachments) } : {}),
      ...(context.silent ? haloSilentActionFlags : {}),
      ...input.vendorOptions?.halo,
    } as HaloActionInput
    const row = await halo.actionWrites.write(action, context)
    // An abbreviated answer keeps what was written.
    const { attachments: _sent, ...answered } = row as typeof row & { attachments?: unknown }
    const merged = { note: action.note, note_html: action.note_html, hiddenfromuser, ...answered } as typeof row
    const record = mapHaloComment(merged, ticketId, input.visibility)
    return { id: record.id, record, warnings: haloRowWarnings(row) }
  }
}

/** A ticket's comment actions as comments, oldest first. */
function commentsOf(rows: readonly HaloAction[], ticketId: string) {
  return rows
    .map((row) => mapHaloComment(row, ticketId))
    .sort((left, right) => Date.parse(left.createdAt) - Date.parse(right.createdAt) || Number(left.id) - Number(right.id))
}
