export * from './ticketing-driver-v1'
export { createTicketingAdapter } from './create-ticketing-adapter'
export { settleBatchItem, writeMany, writeOne } from './driver-write'
export { toCallContext } from './driver-call-guard'
