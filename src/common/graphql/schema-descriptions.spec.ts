import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSchema, GraphQLNamedType, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isSpecifiedScalarType } from 'graphql';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const KNOWN_GAPS = path.join(ROOT, 'schema', 'undescribed.txt');

/** `Type`, `Type.field` and `Enum.VALUE` for everything in the schema without a description. */
function undescribed(types: GraphQLNamedType[]): string[] {
  const gaps: string[] = [];
  for (const t of types) {
    if (t.name.startsWith('__') || isSpecifiedScalarType(t)) continue;
    if (!t.description) gaps.push(t.name);
    if (isObjectType(t) || isInputObjectType(t) || isInterfaceType(t)) {
      for (const f of Object.values(t.getFields())) if (!f.description) gaps.push(`${t.name}.${f.name}`);
    }
    if (isEnumType(t)) for (const v of t.getValues()) if (!v.description) gaps.push(`${t.name}.${v.name}`);
  }
  return gaps.sort();
}

/**
 * Every type, field and enum value of the API is described. The gaps from before this rule are
 * listed in schema/undescribed.txt, which may only shrink: a new gap fails, and so does an entry
 * that has since been described (remove it from the list).
 */
describe('schema descriptions', () => {
  const schema = buildSchema(fs.readFileSync(path.join(ROOT, 'schema', 'schema.gql'), 'utf8'));
  const gaps = undescribed(Object.values(schema.getTypeMap()));
  const known = fs
    .readFileSync(KNOWN_GAPS, 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'));

  it('describes every new type, field and enum value', () => {
    expect(gaps.filter((g) => !known.includes(g))).toEqual([]);
  });

  it('lists only gaps that are still open in schema/undescribed.txt', () => {
    expect(known.filter((k) => !gaps.includes(k))).toEqual([]);
  });
});
