import { randomBytes } from 'node:crypto'
import pg from 'pg'

/**
 * A database of its own on the server `DATABASE_URL` names, dropped after: queues and ledgers of
 * one bench run never meet another's. (As apps/demo's test support has it; copied, since a bench
 * does not import another package's test helpers.)
 */
export interface ThrowawayDatabase {
  url: string
  drop(): Promise<void>
}

export async function createThrowawayDatabase(serverUrl: string, prefix: string): Promise<ThrowawayDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl })
      await client.connect()
      try {
        // FORCE: a worker killed a moment ago may still hold a connection the server has not noticed gone.
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      } finally {
        await client.end()
      }
    },
  }
}

/** Rows of one query, on a connection of its own. */
export async function queryRows<Row>(url: string, sql: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(sql, values)).rows as Row[]
  } finally {
    await client.end()
  }
}
