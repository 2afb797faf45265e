import type { VerifyReport } from '../verify/verify-migration'

const categoryOrder = ['new', 'open', 'pending', 'resolved', 'closed']

/** Status categories in a ticket's life order (new to closed), any other after them: verify lists them as it met them. */
export function orderedStatusCategories(statusCategories: VerifyReport['statusCategories']): [string, { source: number; target: number }][] {
  const rank = (category: string) => (categoryOrder.includes(category) ? categoryOrder.indexOf(category) : categoryOrder.length)
  return Object.entries(statusCategories).sort(([left], [right]) => rank(left) - rank(right))
}

/** The verification as `[check, source, target]` rows, the same in the terminal and the HTML page. */
export function verificationRows(verify: VerifyReport): [string, number, number][] {
  return [
    ['tickets', verify.tickets.checked, verify.tickets.matched],
    ['comments', verify.comments.source, verify.comments.target],
    ['attachments with identical bytes', verify.attachments.source, verify.attachments.bytesIdentical],
    // Reports saved before time entries and relations were verified have neither.
    ...(verify.timeEntries
      ? ([
          ['time entries', verify.timeEntries.source, verify.timeEntries.target],
          ['minutes worked', verify.timeEntries.sourceMinutes, verify.timeEntries.targetMinutes],
        ] as [string, number, number][])
      : []),
    ...(verify.relations ? ([['relations', verify.relations.source, verify.relations.target]] as [string, number, number][]) : []),
    ...orderedStatusCategories(verify.statusCategories).map(([category, tally]): [string, number, number] => [
      `status ${category}`,
      tally.source,
      tally.target,
    ]),
  ]
}
