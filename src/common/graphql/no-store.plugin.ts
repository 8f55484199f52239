import type { ApolloServerPlugin } from '@apollo/server' with { 'resolution-mode': 'import' };
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';

/**
 * Every GraphQL answer carries `Cache-Control: no-store`: it is data about people at work and no
 * proxy or browser may keep it. Apollo's implicit cache-control plugin used to send this header,
 * but it also wraps every field's resolver to collect cache hints we never give; that cost a
 * tenth of the nested read's throughput (docs/benchmarks.md), so it is disabled and this sets the
 * header alone.
 */
export function noStorePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}

/** Turns off Apollo's implicit cache-control plugin (its CommonJS typing, seen as the ESM one the others use). */
export const cacheControlDisabled = () => ApolloServerPluginCacheControlDisabled() as unknown as ApolloServerPlugin;
