import { createRateLimiter, type RateLimiter, type RateLimiterOptions } from './rate-limiter'
import { coordinateRateLimiter, sharedBudgetCoordinator } from './shared-budget-coordinator'

// Process-wide on purpose: a vendor counts requests per tenant, whichever client sends them.
const sharedRateLimiters = new Map<string, RateLimiter>()

/**
 * The rate limiter registered under `key`, created from `options` on first use. Vendors count
 * budgets per tenant (Autotask per database, Halo per instance), so every client of one tenant
 * in this process must draw on the same budget: a migration's source listing and its target
 * writes, or two adapters built for the same tenant. Use a key naming the tenant, such as
 * `autotask:webservices14:tenant-id` or `halo:https://acme.halopsa.com`.
 *
 * While a coordinator is set (`coordinateSharedBudgets`), a limiter created with budgets also
 * spends them across processes: each task takes its weight from the coordinator, under the key
 * `key#budget-name`, inside its local slot.
 *
 * The first caller's options win; later callers get the existing limiter as it is.
 */
export function getSharedRateLimiter(key: string, options: RateLimiterOptions = {}): RateLimiter {
  let limiter = sharedRateLimiters.get(key)
  if (!limiter) {
    limiter = createRateLimiter(options)
    const coordinator = sharedBudgetCoordinator()
    // Without a coordinator (the default) the limiter is returned as it is: no cost per task.
    if (coordinator && options.budgets && options.budgets.length > 0) limiter = coordinateRateLimiter(key, limiter, options, coordinator)
    sharedRateLimiters.set(key, limiter)
  }
  return limiter
}

/** Forgets the limiter registered under `key` (after a tenant's work ends, and in tests). Returns whether one was registered. */
export function releaseSharedRateLimiter(key: string): boolean {
  return sharedRateLimiters.delete(key)
}
