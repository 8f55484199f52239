import type { ApolloServerPlugin } from '@apollo/server' with { 'resolution-mode': 'import' };
import { GraphQLError, GraphQLSchema } from 'graphql';
import { ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { MAX_PAGE_SIZE } from '../pagination/connection';
import { bucketCount, BucketUnit, periodProblem } from '../time/periods';
import { PERIOD_EXTENSION } from './period-cost';

type Args = Record<string, unknown>;
const isObject = (v: unknown): v is Args => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The period of a field marked with @PeriodCost(): `from` and `to` in its arguments, its `input`
 * or that input's `filter`, with the nearest `bucket` (none: counted as months).
 */
function periodOf(args: Args): { path: string; from: string; to: string; bucket?: BucketUnit } | undefined {
  const input = isObject(args.input) ? args.input : undefined;
  const places: [string, Args | undefined, Args | undefined][] = [
    ['', args, undefined],
    ['input.', input, undefined],
    ['input.filter.', input && isObject(input.filter) ? input.filter : undefined, input],
  ];
  for (const [path, at, parent] of places) {
    if (at && typeof at.from === 'string' && typeof at.to === 'string') {
      const bucket = (at.bucket ?? parent?.bucket) as BucketUnit | undefined;
      return { path, from: at.from, to: at.to, bucket };
    }
  }
  return undefined;
}

/**
 * Before execution (so before any SQL): every `first` must be a page size we serve, every
 * analytics period must be within bounds (common/time/periods.ts), and the estimated cost must
 * stay under `max`. A list field costs its children times `first` (with its default), an
 * analytics field its children times its buckets; every other field costs 1.
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
          const badPeriods: { field: string; message: string }[] = [];
          const periods: ComplexityEstimator = ({ args, childComplexity, field }) => {
            if (!field.extensions?.[PERIOD_EXTENSION]) return undefined;
            const period = periodOf(args);
            if (!period) return undefined;
            const problem = periodProblem(period.from, period.to, period.bucket);
            if (problem) {
              badPeriods.push({ field: `${period.path}${problem.startsWith('to ') ? 'to' : 'from'}`, message: `${field.name}: ${problem}` });
              return 1;
            }
            return 1 + childComplexity * bucketCount(period.from, period.to, period.bucket ?? 'MONTH');
          };
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              operationName: operationName ?? undefined,
              variables: request.variables ?? {},
              estimators: [pageSize, periods, simpleEstimator({ defaultComplexity: 1 })],
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
          if (badPeriods.length) {
            throw new GraphQLError(badPeriods.map((p) => p.message).join('; '), {
              extensions: { code: 'BAD_USER_INPUT', fields: badPeriods, http: { status: 400 } },
            });
          }
          if (cost > max) {
            throw new GraphQLError(`Query is too complex: estimated cost ${cost} exceeds the limit of ${max}. Ask for fewer fields or smaller pages.`, {
              extensions: { code: 'BAD_USER_INPUT', cost, limit: max, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
