import { Type as ClassType } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsBase64, IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { SelectQueryBuilder } from 'typeorm';
import { badInput } from '../errors/domain-error';
import type { Params } from '../sql/params';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ObjectType({ description: 'Where this page ends, and whether there is another.' })
export class PageInfo {
  @Field({ description: 'Whether another page follows: ask for it with after: endCursor.' }) hasNextPage: boolean;
  @Field(() => String, { nullable: true, description: 'The cursor of the last row of this page (null when the page is empty).' }) endCursor: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  /** A lazy getter: the COUNT query runs only when the client selects totalCount. */
  readonly totalCount: Promise<number>;
}

/** The description of every `<Name>Connection` type (on its own @ObjectType). */
export const PAGE_DESCRIPTION = 'One page of a list (a Relay connection): its rows as edges, where it ends, and on request the total count.';

/** A Relay connection type `<Name>Connection` with `<Name>Edge`. */
export function Connection<T>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} row of a page, with its cursor.` })
  class Edge {
    @Field({ description: 'Where this row is in the list: pass it as after to continue from it.' }) cursor: string;
    @Field(() => node, { description: 'The row.' }) node: T;
  }

  @ObjectType({ isAbstract: true })
  abstract class ConnectionType implements ConnectionShape<T> {
    @Field(() => [Edge], { description: 'The rows of this page, in the list’s order.' }) edges: Edge[];
    @Field(() => PageInfo, { description: 'Where this page ends, and whether there is another.' }) pageInfo: PageInfo;
    @Field(() => Int, { description: 'Number of rows matching the filter, over all pages.' })
    totalCount: Promise<number>;
  }
  return ConnectionType;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = DEFAULT_PAGE_SIZE;

  @Field({ nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @MaxLength(500)
  @IsBase64({ urlSafe: true }, { message: 'after must be a cursor returned by this API' })
  after?: string;
}

type SortValue = string | number;

export function encodeCursor(value: SortValue, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

export function decodeCursor(cursor: string): [SortValue, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (typeof parsed[0] === 'string' || typeof parsed[0] === 'number') &&
      typeof parsed[1] === 'string' &&
      /^[0-9a-f-]{36}$/i.test(parsed[1])
    ) {
      return [parsed[0], parsed[1]];
    }
  } catch {
    // fall through
  }
  throw badInput('after', 'is not a cursor returned by this API');
}

export interface KeysetSort<T> {
  /** Property path in the query builder, e.g. `o.name`. */
  column: string;
  value: (row: T) => SortValue;
  /** Default ascending. */
  direction?: 'ASC' | 'DESC';
}

/**
 * Keyset pagination over (sort column, id). One query for the page (first + 1 rows to learn
 * hasNextPage); the count runs only if `totalCount` is selected.
 */
export async function paginate<T extends { id: string }>(qb: SelectQueryBuilder<T>, args: PageArgs, sort: KeysetSort<T>): Promise<ConnectionShape<T>> {
  const countQb = qb.clone();
  const idColumn = `${qb.alias}.id`;
  const direction = sort.direction ?? 'ASC';
  if (args.after) {
    const [value, id] = decodeCursor(args.after);
    const op = direction === 'ASC' ? '>' : '<';
    qb.andWhere(`(${sort.column}, ${idColumn}) ${op} (:cursorValue, :cursorId)`, { cursorValue: value, cursorId: id });
  }
  const rows = await qb
    .orderBy(sort.column, direction)
    .addOrderBy(idColumn, direction)
    .limit(args.first + 1)
    .getMany();
  return toConnection(rows, args, sort, () => countQb.getCount());
}

/**
 * The same keyset page for hand-written SQL (sort.column and idColumn are SQL expressions):
 * `where`, a condition to AND with the filter (`true` on the first page), and `orderLimit`,
 * the ORDER BY … LIMIT first + 1 to end the statement with.
 */
export function keysetSql<T>(args: PageArgs, sort: KeysetSort<T>, idColumn: string, p: Params): { where: string; orderLimit: string } {
  const direction = sort.direction ?? 'ASC';
  let where = 'true';
  if (args.after) {
    const [value, id] = decodeCursor(args.after);
    where = `(${sort.column}, ${idColumn}) ${direction === 'ASC' ? '>' : '<'} (${p.add(value)}, ${p.add(id, '::uuid')})`;
  }
  return { where, orderLimit: `ORDER BY ${sort.column} ${direction}, ${idColumn} ${direction} LIMIT ${p.add(args.first + 1, '::int')}` };
}

/**
 * The connection of first + 1 rows read in keyset order; `count` runs only if totalCount is
 * selected (unless `knownTotal` already holds it).
 */
export function toConnection<T extends { id: string }>(
  rows: T[],
  args: PageArgs,
  sort: KeysetSort<T>,
  count: () => Promise<number>,
  knownTotal?: number,
): ConnectionShape<T> {
  const page = rows.slice(0, args.first);
  const edges = page.map((node) => ({ cursor: encodeCursor(sort.value(node), node.id), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > args.first, endCursor: edges.at(-1)?.cursor ?? null },
    get totalCount() {
      return knownTotal === undefined ? count() : Promise.resolve(knownTotal);
    },
  };
}
