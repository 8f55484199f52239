import { Type } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import * as path from 'node:path';
import { FEATURE_MODULES } from '../app.module';

/** The metadata key @Resolver() sets (RESOLVER_TYPE_METADATA in @nestjs/graphql, not exported). */
const RESOLVER_TYPE_METADATA = 'graphql:resolver_type';

export const SCHEMA_FILE = path.resolve(__dirname, '..', '..', 'schema', 'schema.gql');

/** Every resolver class provided by these modules and the modules they import. */
export function collectResolvers(modules: Type[], seen = new Set<Type>()): Type[] {
  const found: Type[] = [];
  for (const mod of modules) {
    if (seen.has(mod)) continue;
    seen.add(mod);
    const providers: unknown[] = Reflect.getMetadata(MODULE_METADATA.PROVIDERS, mod) ?? [];
    for (const p of providers) {
      if (typeof p === 'function' && Reflect.getMetadata(RESOLVER_TYPE_METADATA, p)) found.push(p as Type);
    }
    const imports: unknown[] = Reflect.getMetadata(MODULE_METADATA.IMPORTS, mod) ?? [];
    found.push(...collectResolvers(imports.filter((i): i is Type => typeof i === 'function'), seen));
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
    return printSchema(lexicographicSortSchema(schema)) + '\n';
  } finally {
    await ctx.close();
  }
}
