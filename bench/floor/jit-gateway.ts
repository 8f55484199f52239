import type { GatewayExecutor, GatewayInterface, GatewayLoadResult, GatewaySchemaLoadOrUpdateCallback } from '@apollo/server-gateway-interface';
import { type GraphQLSchema, printSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/**
 * Apollo Server 5 has no option for another executor; its gateway interface is the one seam
 * that lets one run the operation. This "gateway" serves the schema Nest built and executes each
 * operation with graphql-jit, compiled once per document (Apollo keeps parsed documents in its
 * document store, so the same document object comes back for the same query text).
 */
export class JitGateway implements GatewayInterface {
  private schema?: GraphQLSchema;
  private listener?: GatewaySchemaLoadOrUpdateCallback;
  private readonly compiled = new WeakMap<object, CompiledQuery>();

  /** Nest's `transformSchema`: remember the schema it built, and hand it on unchanged. */
  readonly capture = (schema: GraphQLSchema): GraphQLSchema => {
    this.schema = schema;
    return schema;
  };

  onSchemaLoadOrUpdate(callback: GatewaySchemaLoadOrUpdateCallback): () => void {
    this.listener = callback;
    return () => (this.listener = undefined);
  }

  async load(): Promise<GatewayLoadResult> {
    if (!this.schema) throw new Error('JitGateway: the schema was not captured (transformSchema)');
    this.listener?.({ apiSchema: this.schema, coreSupergraphSdl: printSchema(this.schema) });
    return { executor: this.execute };
  }

  async stop(): Promise<void> {}

  private readonly execute: GatewayExecutor = async (rc) => {
    let query = this.compiled.get(rc.document);
    if (!query) {
      const result = compileQuery(this.schema!, rc.document, rc.operationName ?? undefined);
      if (!isCompiledQuery(result)) return result;
      query = result;
      this.compiled.set(rc.document, query);
    }
    return query.query(undefined, rc.context, rc.request.variables ?? {});
  };
}
