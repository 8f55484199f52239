import type { ApolloServerPlugin } from '@apollo/server' with { 'resolution-mode': 'import' };
import { Logger } from '@nestjs/common';
import type { GqlContext } from './gql-context';

const INTERNAL = 'INTERNAL_SERVER_ERROR';

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
            const code = error.extensions?.code;
            if (code === undefined || code === INTERNAL) {
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
