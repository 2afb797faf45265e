/**
 * @ticketbridge/core: the specification every ticketbridge adapter implements. Schemas and types
 * of the common model, the versioned adapter contract, capabilities, warnings and errors. No HTTP.
 */
export * from './model/index'
export * from './adapter/v1/index'
export * from './driver/v1/index'
export * from './errors/index'
export * from './redaction/index'
export { parseInput, parseSettings } from './input/parse-input'
export { closestName, didYouMean } from './input/closest-name'
export { runConcurrently } from './concurrency/run-concurrently'
export { type SettledWrite, writeEach } from './concurrency/write-each'
export { writeInTicketOrder } from './concurrency/write-in-ticket-order'
export { createSharedTicketReads, type SharedTicketReads, type SharedTicketReadsOptions } from './concurrency/shared-ticket-reads'
export { htmlToText } from './text/html-to-text'
export { escapeHtml, textToHtml } from './text/text-to-html'
export { decodeHtmlEntities } from './text/decode-html-entities'
export { contentTypeOfFileName } from './files/content-type-of-file-name'
export { absoluteHttpUrlSchema } from './input/absolute-http-url'
export {
  checkOptionalPeerDependencies,
  findMissingPeerPackages,
  type ModuleResolver,
  missingPeerDependenciesMessage,
  type OptionalPeerEntry,
} from './input/optional-peer-dependencies'
