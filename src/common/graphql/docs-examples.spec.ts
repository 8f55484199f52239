import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSchema, DocumentNode, Kind, parse, validate } from 'graphql';
import { graphqlBlocks } from '../../web/graphiql/doc-examples';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const DOCS = [
  'README.md',
  ...fs
    .readdirSync(path.join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => path.join('docs', f)),
];

const blocksOf = (file: string) => graphqlBlocks(fs.readFileSync(path.join(ROOT, file), 'utf8'));

/** A block may hold several operations side by side: each is checked on its own. */
const operations = (doc: DocumentNode): DocumentNode[] => doc.definitions.map((d) => ({ kind: Kind.DOCUMENT, definitions: [d] }));

/** The examples in the docs are real operations: each parses and validates against schema/schema.gql. */
describe('GraphQL examples in the docs', () => {
  const schema = buildSchema(fs.readFileSync(path.join(ROOT, 'schema', 'schema.gql'), 'utf8'));

  it.each(DOCS)('%s: every example is valid against the schema', (file) => {
    const problems: string[] = [];
    for (const block of blocksOf(file)) {
      try {
        for (const op of operations(parse(block.text))) {
          for (const e of validate(schema, op)) problems.push(`${file}:${block.line + (e.locations?.[0].line ?? 1) - 1}: ${e.message}`);
        }
      } catch (e) {
        problems.push(`${file}:${block.line}: ${(e as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
