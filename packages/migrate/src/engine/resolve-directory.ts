import { type Reference, type ReferenceSelector, UnsupportedOperationError } from '@ticketbridge/core'
import { type MigrationContext, tally } from './migration-context'
import { rethrowIfFatal } from './fatal-errors'
import { failureText } from './failure-text'

/**
 * Finds or creates the target's counterpart of source people and organizations, once each:
 * by the ledger first, then by email (people) or name (organizations) in the target, then by
 * creating it where the target and the mapping allow, else the mapping's default with a warning.
 * Concurrent tickets asking for the same person share one lookup (no duplicate creates), and
 * the answer is kept for the run, "no counterpart" included: a target that has no organizations
 * is not asked again for every ticket.
 */
export class DirectoryResolver {
  private readonly answers = new Map<string, Promise<string | undefined>>()
  /** How warnings name a source person read during the run (a reference may carry only an id). */
  private readonly personLabels = new Map<string, string>()
  private defaultPerson: Promise<string | undefined> | undefined
  private defaultOrganization: Promise<string | undefined> | undefined

  constructor(private readonly context: MigrationContext) {}

  person(reference: Reference | undefined, warn: (field: string, message: string) => void, field: string): Promise<string | undefined> {
    if (!reference) return Promise.resolve(undefined)
    const key = `person:${reference.id}`
    let pending = this.answers.get(key)
    if (!pending) {
      pending = this.resolvePerson(reference)
      this.answers.set(key, pending)
    }
    return pending.then(async (targetId) => {
      if (targetId !== undefined) return targetId
      const fallback = await this.personDefault()
      const label = this.personLabels.get(reference.id) ?? reference.name ?? reference.email ?? `Person ${reference.id}`
      warn(
        field,
        fallback
          ? `${label} has no counterpart in the target; the mapping's default person stands in.`
          : `${label} has no counterpart in the target and no default is set; left empty.`,
      )
      return fallback
    })
  }

  organization(reference: Reference | undefined, warn: (field: string, message: string) => void, field: string): Promise<string | undefined> {
    if (!reference) return Promise.resolve(undefined)
    const key = `organization:${reference.id}`
    let pending = this.answers.get(key)
    if (!pending) {
      pending = this.resolveOrganization(reference)
      this.answers.set(key, pending)
    }
    return pending.then(async (targetId) => {
      if (targetId !== undefined) return targetId
      const fallback = await this.organizationDefault()
      warn(
        field,
        fallback
          ? `Organization ${reference.name ?? reference.id} has no counterpart in the target; the mapping's default stands in.`
          : `Organization ${reference.name ?? reference.id} has no counterpart in the target and no default is set; left empty.`,
      )
      return fallback
    })
  }

  private async resolvePerson(reference: Reference): Promise<string | undefined> {
    const { ledger, source, target, mappingFile, runId, counts } = this.context
    const known = await ledger.get('person', reference.id)
    if (known?.targetId && (known.state === 'completed' || known.state === 'skipped')) return known.targetId
    if (known?.state === 'failed' && !this.context.retryFailed) return undefined
    try {
      // Read once per person (the ledger remembers the answer): the kind and organization matter.
      const person = await source.people.get(reference.id, { signal: this.context.signal })
      this.personLabels.set(
        reference.id,
        [person.name, person.email && `<${person.email}>`, `(${person.kind} ${reference.id})`].filter(Boolean).join(' '),
      )
      const email = person.email ? (mappingFile.people.map[person.email] ?? person.email) : undefined
      const existing = email ? await target.people.findByEmail(email, { signal: this.context.signal }) : undefined
      if (existing) {
        await ledger.put({
          kind: 'person',
          sourceId: reference.id,
          parentSourceId: null,
          targetId: existing.id,
          state: 'completed',
          sourceUpdatedAt: null,
          runId,
          createdByMigration: known?.createdByMigration ?? false,
        })
        tally(counts.people, 'matched')
        return existing.id
      }
      if (!mappingFile.options.createPeople || !target.capabilities.people.create) return this.noCounterpart('person', reference.id)
      await ledger.put({
        kind: 'person',
        sourceId: reference.id,
        parentSourceId: null,
        targetId: null,
        state: 'pending',
        sourceUpdatedAt: null,
        runId,
      })
      const organization = person.organization ? await this.organization(person.organization, () => undefined, 'organization') : undefined
      const { record, warnings } = await target.people.create(
        {
          kind: person.kind,
          name: person.name || email || `Person ${reference.id}`,
          ...(email ? { email } : {}),
          ...(organization ? { organization: { id: organization } } : {}),
        },
        { silent: true, signal: this.context.signal },
      )
      await ledger.put({
        kind: 'person',
        sourceId: reference.id,
        parentSourceId: null,
        targetId: record.id,
        state: 'completed',
        sourceUpdatedAt: null,
        runId,
        createdByMigration: true,
      })
      await ledger.setWarnings(runId, 'person', reference.id, warnings)
      tally(counts.people, 'created')
      return record.id
    } catch (error) {
      rethrowIfFatal(error)
      // The target cannot create this kind of person (Halo and Autotask agents): no counterpart.
      if (UnsupportedOperationError.isInstance(error)) return this.noCounterpart('person', reference.id)
      await ledger.put({
        kind: 'person',
        sourceId: reference.id,
        parentSourceId: null,
        targetId: null,
        state: 'failed',
        sourceUpdatedAt: null,
        runId,
        error: failureText(error),
      })
      tally(counts.people, 'failed')
      return undefined
    }
  }

  private async resolveOrganization(reference: Reference): Promise<string | undefined> {
    const { ledger, source, target, mappingFile, runId, counts } = this.context
    const known = await ledger.get('organization', reference.id)
    if (known?.targetId && (known.state === 'completed' || known.state === 'skipped')) return known.targetId
    if (known?.state === 'failed' && !this.context.retryFailed) return undefined
    try {
      const name = reference.name ?? (await source.organizations.get(reference.id, { signal: this.context.signal })).name
      const targetName = mappingFile.organizations.map[name] ?? name
      const existing = await target.organizations.findByName(targetName, { signal: this.context.signal })
      if (existing) {
        await ledger.put({
          kind: 'organization',
          sourceId: reference.id,
          parentSourceId: null,
          targetId: existing.id,
          state: 'completed',
          sourceUpdatedAt: null,
          runId,
          createdByMigration: known?.createdByMigration ?? false,
        })
        tally(counts.organizations, 'matched')
        return existing.id
      }
      if (!mappingFile.options.createOrganizations || !target.capabilities.organizations.create)
        return this.noCounterpart('organization', reference.id)
      await ledger.put({
        kind: 'organization',
        sourceId: reference.id,
        parentSourceId: null,
        targetId: null,
        state: 'pending',
        sourceUpdatedAt: null,
        runId,
      })
      const { record, warnings } = await target.organizations.create({ name: targetName }, { silent: true, signal: this.context.signal })
      await ledger.put({
        kind: 'organization',
        sourceId: reference.id,
        parentSourceId: null,
        targetId: record.id,
        state: 'completed',
        sourceUpdatedAt: null,
        runId,
        createdByMigration: true,
      })
      await ledger.setWarnings(runId, 'organization', reference.id, warnings)
      tally(counts.organizations, 'created')
      return record.id
    } catch (error) {
      rethrowIfFatal(error)
      if (UnsupportedOperationError.isInstance(error)) return this.noCounterpart('organization', reference.id)
      await ledger.put({
        kind: 'organization',
        sourceId: reference.id,
        parentSourceId: null,
        targetId: null,
        state: 'failed',
        sourceUpdatedAt: null,
        runId,
        error: failureText(error),
      })
      tally(counts.organizations, 'failed')
      return undefined
    }
  }

  /**
   * A person or organization read from the source that the target has no counterpart of and the
   * migration may not create: skipped, in the ledger too (whole-migration totals count it; a later
   * run with creation allowed creates it). Each ticket naming it warns on its own.
   */
  private async noCounterpart(kind: 'person' | 'organization', sourceId: string): Promise<undefined> {
    const { ledger, runId, counts } = this.context
    await ledger.put({ kind, sourceId, parentSourceId: null, targetId: null, state: 'skipped', sourceUpdatedAt: null, runId })
    tally(kind === 'person' ? counts.people : counts.organizations, 'skipped')
    return undefined
  }

  private personDefault(): Promise<string | undefined> {
    this.defaultPerson ??= this.findDefault(this.context.mappingFile.people.default, async (selector) => {
      if (selector.id) return selector.id
      if (selector.email) return (await this.context.target.people.findByEmail(selector.email))?.id
      return undefined
    })
    return this.defaultPerson
  }

  private organizationDefault(): Promise<string | undefined> {
    this.defaultOrganization ??= this.findDefault(this.context.mappingFile.organizations.default, async (selector) => {
      if (selector.id) return selector.id
      if (selector.name) return (await this.context.target.organizations.findByName(selector.name))?.id
      return undefined
    })
    return this.defaultOrganization
  }

  private async findDefault(
    selector: ReferenceSelector | undefined,
    find: (selector: ReferenceSelector) => Promise<string | undefined>,
  ): Promise<string | undefined> {
    return selector ? find(selector) : undefined
  }
}
