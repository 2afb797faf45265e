/** RT 5.0.3's `default` lifecycle (RT_Config.pm %Lifecycles), the only one the simulator runs. */

const initialStatuses = ['new'] as const
const activeStatuses = ['open', 'stalled'] as const
const inactiveStatuses = ['resolved', 'rejected', 'deleted'] as const

/** Every valid status, in RT's order. */
const validStatuses: readonly string[] = [...initialStatuses, ...activeStatuses, ...inactiveStatuses]

const transitions: Record<string, readonly string[]> = {
  '': ['new', 'open', 'resolved'],
  new: ['open', 'stalled', 'resolved', 'rejected', 'deleted'],
  open: ['new', 'stalled', 'resolved', 'rejected', 'deleted'],
  stalled: ['new', 'open', 'resolved', 'rejected', 'deleted'],
  resolved: ['new', 'open', 'stalled', 'rejected', 'deleted'],
  rejected: ['new', 'open', 'stalled', 'resolved', 'deleted'],
  deleted: ['new', 'open', 'stalled', 'resolved', 'rejected'],
}

/** A lifecycle action as REST2 lists it in `_hyperlinks` (ref `lifecycle`). */
export interface LifecycleAction {
  from: string
  to: string
  label: string
  update?: 'Respond' | 'Comment'
}

const actions: LifecycleAction[] = [
  { from: 'new', to: 'open', label: 'Open It', update: 'Respond' },
  { from: 'new', to: 'resolved', label: 'Resolve', update: 'Comment' },
  { from: 'new', to: 'rejected', label: 'Reject', update: 'Respond' },
  { from: 'new', to: 'deleted', label: 'Delete' },
  { from: 'open', to: 'stalled', label: 'Stall', update: 'Comment' },
  { from: 'open', to: 'resolved', label: 'Resolve', update: 'Comment' },
  { from: 'open', to: 'rejected', label: 'Reject', update: 'Respond' },
  { from: 'stalled', to: 'open', label: 'Open It' },
  { from: 'resolved', to: 'open', label: 'Re-open', update: 'Comment' },
  { from: 'rejected', to: 'open', label: 'Re-open', update: 'Comment' },
  { from: 'deleted', to: 'open', label: 'Undelete' },
]

export function isValidStatus(status: string): boolean {
  return validStatuses.includes(status)
}

export function isTransition(from: string, to: string): boolean {
  return (transitions[from] ?? []).includes(to)
}

export function isInitialStatus(status: string): boolean {
  return (initialStatuses as readonly string[]).includes(status)
}

export function isActiveStatus(status: string): boolean {
  return (activeStatuses as readonly string[]).includes(status)
}

export function isInactiveStatus(status: string): boolean {
  return (inactiveStatuses as readonly string[]).includes(status)
}

/** The actions offered from a status, in the lifecycle's order. */
export function lifecycleActions(from: string): LifecycleAction[] {
  return actions.filter((action) => action.from === from && isTransition(from, action.to))
}
