import { ApolloDriverConfig } from '@nestjs/apollo';
import type { AppConfig } from '../../config/config';
import { complexityPlugin } from './complexity.plugin';
import { errorPolicyPlugin } from './error-policy.plugin';
import { cacheControlDisabled, noStorePlugin } from './no-store.plugin';
import type { AppRequest, GqlContext } from './gql-context';
import { describeRoots } from './root-descriptions';
import { limitRules } from './validation-rules';
import type { Response } from 'express';

/** Apollo settings: limits before execution, no stack traces, no schema hints in production. */
export function graphqlOptions(config: AppConfig): Omit<ApolloDriverConfig, 'driver'> {
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    playground: false,
    // GraphiQL's documentation needs it: in production only when GraphiQL is turned on.
    introspection: !config.isProduction || config.graphiql,
    hideSchemaDetailsFromClientErrors: config.isProduction,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    // Let an error that names its HTTP status keep it (login limits answer 429 with Retry-After);
    // every other executed operation still answers 200.
    preserveHttpStatusForExecutionErrors: false,
    parseOptions: { maxTokens: config.graphql.maxTokens },
    validationRules: limitRules(config.graphql),
    // No cache hints: Apollo's implicit cache-control plugin would wrap every field's resolver only
    // to answer no-store, which noStorePlugin does alone.
    plugins: [complexityPlugin(config.graphql.maxComplexity), errorPolicyPlugin(), noStorePlugin(), cacheControlDisabled()],
    buildSchemaOptions: { dateScalarMode: 'isoDate', numberScalarMode: 'integer' },
    transformSchema: describeRoots,
    context: ({ req, res }: { req: AppRequest; res: Response }): GqlContext => ({ req, res, loaders: new Map() }),
  };
}
