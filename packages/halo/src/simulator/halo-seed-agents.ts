import type { HaloJson } from './halo-table'

/** The service desk's teams and agents, with the rights each agent has and the agents each login acts as. */

export function seedTeams(): HaloJson[] {
  const team = (id: number, name: string, extra: Partial<Record<string, unknown>> = {}): HaloJson => ({
    id,
    name,
    sequence: id,
    forrequests: true,
    foropps: false,
    forprojects: false,
    department_id: 1,
    department_name: 'IT',
    inactive: false,
    ...extra,
  })
  return [
    team(1, 'Service Desk'),
    team(2, 'Infrastructure'),
    team(3, 'Projects', { forrequests: false, forprojects: true }),
    team(4, 'Field Services (retired)', { inactive: true }),
  ]
}

/** Agent permission the simulator enforces on writes: the login-as agent's rights (halo.md §2.2). */
export type HaloAgentPermission = 'read' | 'write'

export interface AgentSeed {
  record: HaloJson
  permission: HaloAgentPermission
}

export function seedAgents(): AgentSeed[] {
  const agent = (id: number, firstname: string, surname: string, team: string, extra: Partial<Record<string, unknown>> = {}): HaloJson => ({
    id,
    name: `${firstname} ${surname}`,
    firstname,
    surname,
    initials: `${firstname[0]}${surname[0]}`,
    email: `${firstname}.${surname}`.toLowerCase().replace(/\s+/g, '') + '@helpdesk.example.com',
    team,
    // `UnameSection` rows: the spec names a team `team_name` here.
    teams: [{ agent_id: id, team_name: team }],
    isdisabled: false,
    is_agent: true,
    isapiagent: false,
    jobtitle: 'Support Analyst',
    colour: '#2563eb',
    ...extra,
  })
  return [
    { record: agent(1, 'Morgan', 'Admin', 'Service Desk', { jobtitle: 'Service Desk Manager' }), permission: 'write' },
    { record: agent(2, 'Sam', 'Agent', 'Service Desk'), permission: 'write' },
    { record: agent(3, 'Alex', 'Engineer', 'Infrastructure', { jobtitle: 'Infrastructure Engineer' }), permission: 'write' },
    { record: agent(4, 'Robin', 'Reader', 'Service Desk', { jobtitle: 'Auditor' }), permission: 'read' },
    { record: agent(5, 'API', 'Integration', 'Service Desk', { isapiagent: true, jobtitle: 'Integration' }), permission: 'write' },
    { record: agent(6, 'Dana', 'Departed', 'Infrastructure', { isdisabled: true }), permission: 'read' },
  ]
}

/** The agent a client_credentials token of the full-rights application acts as. */
export const integrationAgentId = 5
/** The agent the read-only application logs in as. */
export const readOnlyAgentId = 4
/** The agent the password grant signs in (see `credentials.username`). */
export const passwordAgentId = 2
