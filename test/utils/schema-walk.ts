import {
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';

/** A valid value for an input type: only required fields, the simplest value of each kind. */
function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
        .map((f) => [f.name, sampleValue(f.type)]),
    );
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return '00000000-0000-4000-8000-000000000000';
      case 'Int':
        return 1;
      case 'Float':
        return 1.5;
      case 'Boolean':
        return true;
      case 'LocalDate':
        return '2020-01-01';
      default:
        return 'x';
    }
  }
  throw new Error(`no sample for ${String(type)}`);
}

export interface SampleOperation {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

/** One syntactically valid call of every root field of `root` ('query' or 'mutation'). */
export function sampleOperations(schema: GraphQLSchema, root: 'query' | 'mutation'): SampleOperation[] {
  const type = root === 'query' ? schema.getQueryType() : schema.getMutationType();
  if (!type) return [];
  return Object.values(type.getFields()).map((field: GraphQLField<unknown, unknown>) => {
    const required = field.args.filter((a: GraphQLArgument) => isNonNullType(a.type) && a.defaultValue === undefined);
    const decl = required.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
    const args = required.map((a) => `${a.name}: $${a.name}`).join(', ');
    const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
    return {
      name: field.name,
      query: `${root}${decl ? `(${decl})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`,
      variables: Object.fromEntries(required.map((a) => [a.name, sampleValue(a.type)])),
    };
  });
}
