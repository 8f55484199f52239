import type { ApolloServerPlugin } from '@apollo/server' with { 'resolution-mode': 'import' };
import { Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import type { GqlContext } from './gql-context';
import { withoutSubmittedValue } from './input-messages';

const INTERNAL = 'INTERNAL_SERVER_ERROR';

/**
 * Errors without a code are either the client's (a GraphQLError raised before execution, e.g. a
 * variable that is not a valid LocalDate or enum value: BAD_USER_INPUT, message kept) or ours
 * (anything raised while executing: internal).
 */
function classify(error: GraphQLError): 'coded' | 'input' | 'internal' {
  const code = error.extensions?.code;
  if (code !== undefined && code !== INTERNAL) return 'coded';
  const cause = error.originalError;
  const fromGraphql = !cause || cause instanceof GraphQLError;
  return code === undefined && error.path === undefined && fromGraphql ? 'input' : 'internal';
}

/** The error at the bottom of GraphQL's and Apollo's wrappers (a scalar's own error, say). */
function innermost(error: Error): Error {
  let e = error;
  while (e instanceof GraphQLError && e.originalError) e = e.originalError;
  return e;
}

/**
 * Internal errors never leak: their message (which may hold SQL or paths) is replaced, they
 * carry the request id, and they are logged once here with their cause.
 */
export function errorPolicyPlugin(): ApolloServerPlugin<GqlContext> {
  const logger = new Logger('GraphQL');
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            const kind = classify(error);
            if (kind === 'input') error.extensions.code = 'BAD_USER_INPUT';
            error.message = withoutSubmittedValue(error.message, innermost(error).message);
            if (kind === 'internal') {
              logger.error(
                { err: error.originalError ?? error, requestId: contextValue.req?.id, operationName, path: error.path },
                'internal error in GraphQL operation',
              );
            }
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors;
          if (!errors) return;
          response.body.singleResult.errors = errors.map((e) => {
            const code = e.extensions?.code;
            if (code !== undefined && code !== INTERNAL) return e;
            return {
              message: 'Internal server error',
              locations: e.locations,
              path: e.path,
              extensions: { code: INTERNAL, requestId: contextValue.req?.id },
            };
          });
        },
      };
    },
  };
}
