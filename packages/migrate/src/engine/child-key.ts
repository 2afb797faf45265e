/** The ledger key of a comment or file: its ticket and its own id, unique whatever the vendor's numbering. */
export function childKey(ticketId: string, childId: string): string {
  return `${ticketId}/${childId}`
}
