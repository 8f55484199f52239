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
