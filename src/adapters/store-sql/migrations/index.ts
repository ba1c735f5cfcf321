/**
 * The ordered list of schema migrations, shared by SQLite and PostgreSQL. Add a new file
 * `NNNN-name.ts` and register it here; never edit a migration that has shipped.
 */
import type { Migration, MigrationProvider } from 'kysely'
import * as m0001 from './0001-initial.js'
import * as m0002 from './0002-channels.js'
import * as m0003 from './0003-staff.js'
import * as m0004 from './0004-catalog-category-index.js'

/** Names sort lexicographically, which is the order Kysely's Migrator applies them in. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_channels': m0002,
  '0003_staff': m0003,
  '0004_catalog_category_index': m0004,
}

/** A provider that serves the statically imported migrations (no directory scanning at run time). */
export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return MIGRATIONS
  },
}
