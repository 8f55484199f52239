/**
 * npm run migration:generate -- <Name>
 * Applies the existing migrations to a scratch database and writes the SQL that the entities
 * still need as migrations/<timestamp>-<Name>.ts. Read it before committing.
 */
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MIGRATIONS_DIR } from '../src/database/data-source';
import { withScratchDatabase } from '../src/database/database-url';
import { pendingSchemaChanges } from '../src/database/schema-diff';

async function main(): Promise<number> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
    console.error('Usage: npm run migration:generate -- <Name>   (PascalCase, e.g. AddObservations)');
    return 2;
  }
  const diff = await withScratchDatabase(pendingSchemaChanges);
  if (!diff.up.length) {
    console.log('The entities and the migrations agree: nothing to generate.');
    return 0;
  }
  const timestamp = Date.now();
  const q = (sql: string) => `        await queryRunner.query(\`${sql.replace(/[`\\]/g, '\\$&').replace(/\$\{/g, '\\${')}\`);`;
  const source = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${timestamp} implements MigrationInterface {
    name = '${name}${timestamp}';

    public async up(queryRunner: QueryRunner): Promise<void> {
${diff.up.map(q).join('\n')}
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
${diff.down.map(q).join('\n')}
    }
}
`;
  fs.mkdirSync(MIGRATIONS_DIR, { recursive: true });
  const file = path.join(MIGRATIONS_DIR, `${timestamp}-${name}.ts`);
  fs.writeFileSync(file, source);
  console.log(`wrote ${path.relative(process.cwd(), file)} (${diff.up.length} statements)`);
  return 0;
}

main().then((c) => process.exit(c), (e) => { console.error(e); process.exit(1); });
