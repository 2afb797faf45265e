import { describe, expect, it } from 'vitest'
import { RtLifecycles } from './rt-lifecycles'
import { buildTicketSql, ticketSqlDate, ticketSqlString } from './rt-ticket-sql'

const lifecycles = new RtLifecycles({ support: { triage: 'new', working: 'open', waiting: 'pending', done: 'resolved', dropped: 'closed' } })

describe('TicketSQL for ticket queries', () => {
  it('quotes values and dates the way RT 5 reads them', () => {
    expect(ticketSqlString("it's a \\ test")).toBe("'it\\'s a \\\\ test'")
    // RT keeps seconds, and reads the literal in the user's zone (a `+0000` marker does not change that).
    expect(ticketSqlDate('2026-11-25T07:37:52.987Z')).toBe("'2026-11-25 07:37:52'")
    expect(ticketSqlDate('2026-07-01T15:30:00Z', 'America/New_York')).toBe("'2026-07-01 11:30:00'")
    // In the hours after clocks change, the text RT reads back as the instant (rtInputDate).
    expect(ticketSqlDate('2026-03-08T07:30:00Z', 'America/New_York')).toBe("'2026-03-08 02:30:00'")
  })

  it('runs every filter RT can run as TicketSQL', () => {
    const { sql, matchesNothing } = buildTicketSql(
      { updatedSince: '2026-01-02T03:04:05Z', createdSince: '2025-12-31T00:00:00Z', statusCategories: ['pending', 'closed'], queueId: '3' },
      { lifecycles, fullTextSearch: false, timeZone: 'Europe/Berlin' },
    )
    expect(matchesNothing).toBe(false)
    expect(sql).toBe(
      "LastUpdated >= '2026-01-02 04:04:05' AND Created >= '2025-12-31 01:00:00' AND (Status = 'stalled' OR Status = 'rejected' OR Status = 'deleted' OR Status = 'waiting' OR Status = 'dropped') AND Queue = '3'",
    )
  })

  it('searches text in TicketSQL only with full-text search, and finds no organization', () => {
    expect(buildTicketSql({ text: "O'Brien" }, { lifecycles, fullTextSearch: true }).sql).toBe(
      "(Subject LIKE 'O\\'Brien' OR Content LIKE 'O\\'Brien')",
    )
    expect(buildTicketSql({ text: 'printer' }, { lifecycles, fullTextSearch: false }).sql).toBe('id > 0')
    expect(buildTicketSql({ organizationId: '7' }, { lifecycles, fullTextSearch: false }).matchesNothing).toBe(true)
  })
})
