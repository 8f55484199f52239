import type { GraphQLSchema } from 'graphql';

/**
 * Descriptions of the root types, which code-first decorators cannot set. Applied to the schema the
 * API serves (transformSchema) and to the one written to schema/schema.gql, so the two agree.
 */
export function describeRoots(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  if (query) query.description = 'What you may read: records, lists, analytics and the framework; each scoped to your role (docs/api.md).';
  if (mutation) mutation.description = 'What you may write: each create takes a clientId (safe to retry), each correction a reason (docs/api.md).';
  return schema;
}
