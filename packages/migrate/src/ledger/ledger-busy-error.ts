import { ConfigurationError, defineErrorClass } from '@ticketbridge/core'

/** Another process holds this ledger's writer lock: two runs of one migration would each move every ticket. */
export class LedgerBusyError extends ConfigurationError {
  declare static isInstance: (error: unknown) => error is LedgerBusyError
  readonly ledgerName: string

  constructor(ledgerName: string, location: string) {
    super(
      `Another process is running the migration whose ledger is "${ledgerName}" (${location}). Wait for it to finish, or stop it, then run again.`,
      { option: 'ledger' },
    )
    this.ledgerName = ledgerName
  }
}
defineErrorClass(LedgerBusyError, 'LedgerBusyError')
