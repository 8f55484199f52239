import type { ApolloServerPlugin } from '@apollo/server' with { 'resolution-mode': 'import' };
import { GraphQLError, GraphQLSchema } from 'graphql';
import { ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { MAX_PAGE_SIZE } from '../pagination/connection';

/**
 * Before execution (so before any SQL): every `first` must be a page size we serve, and the
 * estimated cost must stay under `max`. A list field costs its children times `first` (with
 * its default); every other field costs 1.
 */
export function complexityPlugin(max: number): ApolloServerPlugin {
  let schema: GraphQLSchema;
  return {
    async serverWillStart({ schema: s }) {
      schema = s;
    },
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operationName }) {
          const badPages: string[] = [];
          const pageSize: ComplexityEstimator = ({ args, childComplexity, field }) => {
            if (typeof args.first !== 'number') return undefined;
            if (args.first < 1 || args.first > MAX_PAGE_SIZE) badPages.push(`${field.name}(first: ${args.first})`);
            return 1 + childComplexity * Math.min(Math.max(args.first, 1), MAX_PAGE_SIZE);
          };
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              operationName: operationName ?? undefined,
              variables: request.variables ?? {},
              estimators: [pageSize, simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch (err) {
            // Variables that do not fit their types: execution refuses them next, before any
            // resolver runs, with GraphQL's own message (HTTP 400).
            if (err instanceof GraphQLError && err.message.startsWith('Variable "$')) return;
            throw err;
          }
          if (badPages.length) {
            const message = `first must be between 1 and ${MAX_PAGE_SIZE}`;
            throw new GraphQLError(`${message}: ${badPages.join(', ')}`, {
              extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'first', message }], http: { status: 400 } },
            });
          }
          if (cost > max) {
            throw new GraphQLError(
              `Query is too complex: estimated cost ${cost} exceeds the limit of ${max}. Ask for fewer fields or smaller pages.`,
              { extensions: { code: 'BAD_USER_INPUT', cost, limit: max, http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}
