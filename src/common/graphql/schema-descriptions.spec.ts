import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSchema, GraphQLNamedType, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isSpecifiedScalarType } from 'graphql';

const ROOT = path.resolve(__dirname, '..', '..', '..');

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

/** Every type, field and enum value of the API is described: schema/schema.gql is its reference. */
describe('schema descriptions', () => {
  it('describes every type, field and enum value', () => {
    const schema = buildSchema(fs.readFileSync(path.join(ROOT, 'schema', 'schema.gql'), 'utf8'));
    expect(undescribed(Object.values(schema.getTypeMap()))).toEqual([]);
  });
});
