import { haloError, haloJson } from './halo-responses'
import type { HaloRoute } from './halo-route'
import type { HaloJson } from './halo-table'
import { tableRoutes } from './halo-table-routes'

function requireName(fields: HaloJson, previous: HaloJson | undefined): void {
  const name = fields.name ?? previous?.name
  if (typeof name !== 'string' || name.trim() === '') throw haloError.exception('Name is a mandatory field')
}

/**
 * Agents (`Uname`) and teams (`SectionDetail`), both bare JSON arrays (halo.md §4.9). Agent lists
 * hide disabled agents unless `includedisabled=true` and API agents unless `includeapiagents=true`
 * [I]; `team` filters by team name, `team_id` by id. `GET /Agent/me` is the token's agent (a cheap
 * health check). Teams hide inactive ones unless `includedisabled=true`; `type` picks request or
 * project teams, `ids` a comma list; `GET /Team/{id}?includeagents=true` lists its agents.
 */
export function agentRoutes(): HaloRoute[] {
  return [
    ...tableRoutes({
      path: '/Agent',
      noun: 'Agent',
      area: 'none',
      writeArea: 'admin',
      table: (state) => state.agents,
      searchFields: ['name', 'email'],
      filter: (rows, query, state) => {
        const teamName = query.get('team')?.toLowerCase()
        const teamId = query.integer('team_id')
        const teamIdName = teamId === undefined ? undefined : String(state.teams.get(teamId)?.name ?? '').toLowerCase()
        return rows.filter((row) => {
          if (row.isdisabled === true && query.boolean('includedisabled') !== true) return false
          if (row.isdisabled !== true && query.boolean('includeenabled') === false) return false
          if (row.isapiagent === true && query.boolean('includeapiagents') !== true) return false
          const names = [row.team, ...(Array.isArray(row.teams) ? (row.teams as HaloJson[]).map((team) => team.team_name) : [])].map((name) =>
            String(name).toLowerCase(),
          )
          if (teamName !== undefined && !names.includes(teamName)) return false
          return teamIdName === undefined || names.includes(teamIdName)
        })
      },
      prepare: (_input, fields, previous) => {
        requireName(fields, previous)
        const record: HaloJson = { ...fields }
        delete record.password
        return previous ? record : { isdisabled: false, is_agent: true, isapiagent: false, team: '', teams: [], email: '', ...record }
      },
      extraRoutes: [
        {
          method: 'get',
          path: '/Agent/me',
          area: 'none',
          resolve: (input) => {
            const agent = input.simulator.state.agents.get(input.session?.agentId)
            if (!agent) throw haloError.notFound('Agent')
            return haloJson({ ...agent })
          },
        },
      ],
    }),
    ...tableRoutes({
      path: '/Team',
      noun: 'Team',
      area: 'none',
      writeArea: 'admin',
      table: (state) => state.teams,
      filter: (rows, query) => {
        const ids = query.integerList('ids')
        const type = query.get('type')?.toLowerCase()
        return rows.filter((row) => {
          if (row.inactive === true && query.boolean('includedisabled') !== true) return false
          if (ids && !ids.includes(row.id as number)) return false
          if (type === 'reqs' && row.forrequests !== true) return false
          if (type === 'prjs' && row.forprojects !== true) return false
          return !(type === 'opps' && row.foropps !== true)
        })
      },
      renderOne: (state, record, query) =>
        query.boolean('includeagents') === true
          ? {
              ...record,
              agents: state.agents
                .all()
                .filter((agent) => String(agent.team).toLowerCase() === String(record.name).toLowerCase())
                .map((agent) => ({ id: agent.id, name: agent.name, email: agent.email, isdisabled: agent.isdisabled })),
            }
          : record,
      prepare: (_input, fields, previous) => {
        requireName(fields, previous)
        return previous
          ? fields
          : { forrequests: true, foropps: false, forprojects: false, inactive: false, department_id: 1, department_name: 'IT', ...fields }
      },
    }),
  ]
}
