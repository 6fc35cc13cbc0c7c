// The schema's history, in order. Each migration is a module here, listed once below;
// a new migration gets the next number and is never edited once released.
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { DialectName } from '../backend.js';
import * as initial from './0001_initial.js';
import * as feedsJobsRoomExclusion from './0002_feeds_jobs_room_exclusion.js';
import * as summitRevisions from './0003_summit_revisions.js';
import * as retentionIndexes from './0004_retention_indexes.js';
import * as platformGrants from './0005_platform_grants.js';
import * as loginThrottle from './0006_login_throttle.js';
import * as sharedService from './0007_shared_service.js';
import * as summitWeek from './0009_summit_week.js';
import * as summitPractice from './0010_summit_practice.js';
import * as planJobSettings from './0011_plan_job_settings.js';
import * as notifications from './0012_notifications.js';

// Migrations see the database as it was when they were written, not today's row types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** A migration written once for both databases, told which one it runs on. */
interface StoreMigration {
  up(db: AnyDb, dialect: DialectName): Promise<void>;
}

const migrations: Record<string, StoreMigration> = {
  '0001_initial': initial,
  '0002_feeds_jobs_room_exclusion': feedsJobsRoomExclusion,
  '0003_summit_revisions': summitRevisions,
  '0004_retention_indexes': retentionIndexes,
  '0005_platform_grants': platformGrants,
  '0006_login_throttle': loginThrottle,
  '0007_shared_service': sharedService,
  '0009_summit_week': summitWeek,
  '0010_summit_practice': summitPractice,
  '0011_plan_job_settings': planJobSettings,
  '0012_notifications': notifications,
};

/** The names of every migration, in the order they apply. */
export const migrationNames: readonly string[] = Object.keys(migrations).sort();

/** Hands the migrations to Kysely's Migrator without reading the file system. */
function provider(dialect: DialectName): MigrationProvider {
  return {
    getMigrations: () =>
      Promise.resolve(
        Object.fromEntries(
          Object.entries(migrations).map(([name, migration]): [string, Migration] => [
            name,
            { up: (db) => migration.up(db, dialect) },
          ]),
        ),
      ),
  };
}

/** Applies every migration not yet applied; throws the first failure with the migration's name. */
export async function migrateToLatest(db: AnyDb, dialect: DialectName): Promise<void> {
  // Numbers are reserved per change and changes land in any order, so a database that has 0009
  // may meet 0008 later: each migration touches only its own tables and columns, and runs once.
  const { error, results } = await new Migrator({
    db,
    provider: provider(dialect),
    allowUnorderedMigrations: true,
  }).migrateToLatest();
  if (error === undefined) return;
  const failed = results?.find((result) => result.status === 'Error')?.migrationName;
  throw new Error(
    `migrating the ${dialect} database failed${failed ? ` at ${failed}` : ''}: ${String(error)}`,
    {
      cause: error,
    },
  );
}
