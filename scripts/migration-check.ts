/**
 * CI gate: applies every migration to an empty database and fails when the entities would still
 * need changes (a migration is missing or was edited out of step); then reverts them all and
 * applies them again, so every down() is known to work.
 */
import 'reflect-metadata';
import { withScratchDatabase } from '../src/database/database-url';
import { pendingSchemaChanges, roundTripMigrations } from '../src/database/schema-diff';

withScratchDatabase(async (url) => {
  const diff = await pendingSchemaChanges(url);
  if (diff.up.length) return diff;
  await roundTripMigrations(url);
  return diff;
}).then(
  (diff) => {
    if (diff.up.length) {
      console.error('The entities and migrations/ disagree. Missing SQL:\n' + diff.up.map((s) => `  ${s};`).join('\n'));
      console.error('Run `npm run migration:generate -- <Name>`, review the file and commit it.');
      process.exit(1);
    }
    console.log('migrations/ is in step with the entities, and every down() reverts cleanly.');
    process.exit(0);
  },
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
