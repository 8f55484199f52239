import type { ApolloServerPlugin } from '@apollo/server' with { 'resolution-mode': 'import' };
import { GraphQLError, GraphQLSchema } from 'graphql';
import { ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { MAX_PAGE_SIZE } from '../pagination/connection';

/**
 * A list field costs its children times the page size asked for (`first`, with its default).
 * A `first` above the maximum is counted at the maximum, so argument validation, which names
 * the argument, is what rejects it.
 */
const pageSizeEstimator: ComplexityEstimator = ({ args, childComplexity }) =>
  typeof args.first === 'number' ? 1 + childComplexity * Math.min(args.first, MAX_PAGE_SIZE) : undefined;

/** Rejects operations whose estimated cost exceeds `max`, before any resolver (or SQL) runs. */
export function complexityPlugin(max: number): ApolloServerPlugin {
  let schema: GraphQLSchema;
  return {
    async serverWillStart({ schema: s }) {
      schema = s;
    },
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operationName }) {
          const cost = getComplexity({
            schema,
            query: document,
            operationName: operationName ?? undefined,
            variables: request.variables ?? {},
            estimators: [pageSizeEstimator, simpleEstimator({ defaultComplexity: 1 })],
          });
          if (cost > max) {
            throw new GraphQLError(
              `Query is too complex: estimated cost ${cost} exceeds the limit of ${max}. Ask for fewer fields or smaller pages.`,
              { extensions: { code: 'BAD_USER_INPUT', cost, limit: max } },
            );
          }
        },
      };
    },
  };
}
