import { createDataSource } from './data-source';

/** Applies pending migrations as the owner (`ownerUrl`); returns their names. */
export async function runMigrations(ownerUrl: string): Promise<string[]> {
  const ds = createDataSource({ url: ownerUrl, applicationName: 'tillit-tracker-migrate' });
  await ds.initialize();
  try {
    return (await ds.runMigrations({ transaction: 'each' })).map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}
