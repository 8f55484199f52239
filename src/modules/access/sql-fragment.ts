import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Params } from '../../common/sql/params';

/**
 * A WHERE condition with named parameters (`:name`), usable in a TypeORM query builder
 * (`andWhere(f.sql, f.params)`) and in raw SQL (`inRaw(f, p)`). Parameters are cast in the SQL
 * itself (`CAST(:x AS uuid)`), so both forms mean the same.
 */
export interface SqlFragment {
  sql: string;
  params: Record<string, unknown>;
}

export const ALL: SqlFragment = { sql: 'true', params: {} };
export const NONE: SqlFragment = { sql: 'false', params: {} };

export const fragment = (sql: string, params: Record<string, unknown> = {}): SqlFragment => ({ sql, params });

/** Adds the condition to a query builder. */
export function applyTo<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, f: SqlFragment): SelectQueryBuilder<T> {
  return f === ALL ? qb : qb.andWhere(`(${f.sql})`, f.params);
}

/** The condition for raw SQL: each `:name` becomes a positional parameter of `p`. */
export function inRaw(f: SqlFragment, p: Params): string {
  const placed = new Map<string, string>();
  return `(${f.sql.replace(/(?<![:\w]):([A-Za-z_]\w*)/g, (_match, name: string) => {
    if (!(name in f.params)) throw new Error(`SQL fragment uses :${name} without a value`);
    if (!placed.has(name)) placed.set(name, p.add(f.params[name]));
    return placed.get(name)!;
  })})`;
}
