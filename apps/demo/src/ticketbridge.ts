import { ConfigurationError, NotFoundError } from '@ticketbridge/core'
import { CommanderError } from 'commander'
import { createProgram } from './create-program'
import { exitCodes } from './output/exit-codes'

const program = createProgram()

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError) {
    // --help and --version end here too; commander has printed what it had to say.
    process.exitCode = error.exitCode === 0 ? exitCodes.success : exitCodes.configuration
    return
  }
  console.error(`ticketbridge: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = ConfigurationError.isInstance(error)
    ? exitCodes.configuration
    : NotFoundError.isInstance(error)
      ? exitCodes.notFound
      : exitCodes.failed
})
