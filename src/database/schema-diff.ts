import { createDataSource } from './data-source';

export interface SchemaDiff {
  up: string[];
  down: string[];
}

/** Applies every migration to the database at `url`, then asks TypeORM what the entities still need. */
export async function pendingSchemaChanges(url: string): Promise<SchemaDiff> {
  const ds = createDataSource({ url });
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    const sql = await ds.driver.createSchemaBuilder().log();
    return {
      up: sql.upQueries.map((q) => q.query),
      down: sql.downQueries.map((q) => q.query).reverse(),
    };
  } finally {
    await ds.destroy();
  }
}

/**
 * Reverts every applied migration (newest first), checks that no table of ours is left, and
 * applies them again: every `down()` works and leaves nothing behind.
 */
export async function roundTripMigrations(url: string): Promise<void> {
  const ds = createDataSource({ url });
  await ds.initialize();
  try {
    while ((await ds.query('SELECT count(*)::int AS n FROM typeorm_migrations'))[0].n > 0) {
      await ds.undoLastMigration({ transaction: 'each' });
    }
    const left: { table_name: string }[] = await ds.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'typeorm_migrations'`,
    );
    if (left.length) throw new Error(`down() left tables behind: ${left.map((t) => t.table_name).join(', ')}`);
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}
