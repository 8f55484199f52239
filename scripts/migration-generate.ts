/**
 * npm run migration:generate -- <Name>
 * Applies the existing migrations to a scratch database and writes the SQL that the entities
 * still need as migrations/<timestamp>-<Name>.ts. Read it before committing.
 */
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as prettier from 'prettier';
import { MIGRATIONS_DIR } from '../src/database/data-source';
import { withScratchDatabase } from '../src/database/database-url';
import { pendingSchemaChanges, SchemaDiff } from '../src/database/schema-diff';

async function main(): Promise<number> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
    console.error('Usage: npm run migration:generate -- <Name>   (PascalCase, e.g. AddObservations)');
    return 2;
  }
  const diff = dedupeEnumTypes(await withScratchDatabase(pendingSchemaChanges));
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
  // In the tree's one format (Prettier), so that `npm run lint` passes on what was generated.
  fs.writeFileSync(file, await prettier.format(source, { ...(await prettier.resolveConfig(file)), filepath: file }));
  console.log(`wrote ${path.relative(process.cwd(), file)} (${diff.up.length} statements)`);
  return 0;
}

/**
 * TypeORM emits CREATE TYPE (and DROP TYPE) once per table when several new tables share one
 * enum type (enumName). Keep the first CREATE of each type, and the last DROP (by then every
 * table that used it is gone).
 */
function dedupeEnumTypes(diff: SchemaDiff): SchemaDiff {
  const typeOf = (sql: string, verb: 'CREATE' | 'DROP') => new RegExp(`^${verb} TYPE ("[^"]+"\\."[^"]+")`).exec(sql)?.[1];
  const created = new Set<string>();
  const up = diff.up.filter((sql) => {
    const t = typeOf(sql, 'CREATE');
    if (!t) return true;
    if (created.has(t)) return false;
    created.add(t);
    return true;
  });
  const lastDrop = new Map<string, number>();
  diff.down.forEach((sql, i) => {
    const t = typeOf(sql, 'DROP');
    if (t) lastDrop.set(t, i);
  });
  const down = diff.down.filter((sql, i) => {
    const t = typeOf(sql, 'DROP');
    return !t || lastDrop.get(t) === i;
  });
  return { up, down };
}

main().then(
  (c) => process.exit(c),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
