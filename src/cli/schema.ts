import { Type } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import * as path from 'node:path';
import { FEATURE_MODULES } from '../app.module';
import { describeRoots } from '../common/graphql/root-descriptions';

/** Metadata keys @Resolver() sets (RESOLVER_NAME/TYPE_METADATA in @nestjs/graphql, not exported). */
const RESOLVER_KEYS = ['graphql:resolver_name', 'graphql:resolver_type'];
const isResolver = (p: unknown): p is Type => typeof p === 'function' && Reflect.getOwnMetadataKeys(p).some((k) => RESOLVER_KEYS.includes(String(k)));

export const SCHEMA_FILE = path.resolve(__dirname, '..', '..', 'schema', 'schema.gql');

/** Every resolver class provided by these modules and the modules they import. */
export function collectResolvers(modules: Type[], seen = new Set<Type>()): Type[] {
  const found: Type[] = [];
  for (const mod of modules) {
    if (seen.has(mod)) continue;
    seen.add(mod);
    const providers: unknown[] = Reflect.getMetadata(MODULE_METADATA.PROVIDERS, mod) ?? [];
    for (const p of providers) {
      if (isResolver(p)) found.push(p);
    }
    const imports: unknown[] = Reflect.getMetadata(MODULE_METADATA.IMPORTS, mod) ?? [];
    found.push(
      ...collectResolvers(
        imports.filter((i): i is Type => typeof i === 'function'),
        seen,
      ),
    );
  }
  return [...new Set(found)];
}

/** The SDL of the code-first schema, sorted, without a database. */
export async function buildSchemaSdl(): Promise<string> {
  const ctx = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  try {
    const schema = await ctx.get(GraphQLSchemaFactory).create(collectResolvers(FEATURE_MODULES), {
      dateScalarMode: 'isoDate',
      numberScalarMode: 'integer',
    });
    return printSchema(lexicographicSortSchema(describeRoots(schema))) + '\n';
  } finally {
    await ctx.close();
  }
}
