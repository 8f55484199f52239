/**
 * CI gate: applies every migration to an empty database and fails when the entities would still
 * need changes (a migration is missing or was edited by hand out of step).
 */
import 'reflect-metadata';
import { withScratchDatabase } from '../src/database/database-url';
import { pendingSchemaChanges } from '../src/database/schema-diff';

withScratchDatabase(pendingSchemaChanges).then(
  (diff) => {
    if (diff.up.length) {
      console.error('The entities and migrations/ disagree. Missing SQL:\n' + diff.up.map((s) => `  ${s};`).join('\n'));
      console.error('Run `npm run migration:generate -- <Name>`, review the file and commit it.');
      process.exit(1);
    }
    console.log('migrations/ is in step with the entities.');
    process.exit(0);
  },
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
