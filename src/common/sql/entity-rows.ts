import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';

/** The property a column is read into: its own, or that of the embedded object holding it. */
const propertyOf = (c: ColumnMetadata) => c.embeddedMetadata?.propertyName ?? c.propertyName;

/**
 * Whole entities read with hand-written SQL, for hot paths where TypeORM's query builder costs
 * more than the query (building the SQL string was three quarters of a one-row read's time,
 * docs/benchmarks.md). The select list is built once per entity and alias, and rows are hydrated
 * the way TypeORM hydrates them (the driver's own value conversions, embedded columns, the
 * entity's class), so callers get the same objects as from `getOne()`/`getMany()`.
 */
export class EntityRows<T extends ObjectLiteral> {
  private readonly metadata: EntityMetadata;
  private readonly columns: ColumnMetadata[];
  private readonly properties: ReadonlySet<string>;
  /** `alias.col AS "c0", …`: the columns TypeORM selects by default (output names: `prefix` + index). */
  readonly select: string;
  /** The same list for an INSERT's or UPDATE's RETURNING (no alias): the row written, in one statement. */
  readonly returning: string;

  /**
   * `prefix` names the output columns, so that two entities can be read from one row (a join);
   * `only` keeps the columns of those properties (see `only()`).
   */
  constructor(
    private readonly ds: DataSource,
    private readonly target: EntityTarget<T>,
    readonly alias: string,
    private readonly prefix = 'c',
    only?: ReadonlySet<string>,
  ) {
    this.metadata = ds.getMetadata(target);
    this.properties = new Set(this.metadata.columns.map(propertyOf));
    this.columns = this.metadata.columns.filter((c) => !c.isVirtual && c.isSelect && (!only || c.isPrimary || only.has(propertyOf(c))));
    this.select = this.columns.map((c, i) => `${alias}."${c.databaseName}" AS "${prefix}${i}"`).join(', ');
    this.returning = this.columns.map((c, i) => `"${c.databaseName}" AS "${prefix}${i}"`).join(', ');
  }

  /**
   * A reader of only the columns of these properties (an embedded property brings all of its
   * columns) and the primary key: for a page whose GraphQL selection needs no more. Entities read
   * with it lack the other properties. A name that is no column property gives the whole row:
   * what a caller cannot map, it gets in full.
   */
  only(properties: ReadonlySet<string>): EntityRows<T> {
    if ([...properties].some((p) => !this.properties.has(p))) return this;
    return new EntityRows(this.ds, this.target, this.alias, this.prefix, properties);
  }

  /**
   * Runs `[with] SELECT <columns> <rest>` (rest: FROM … WHERE …, using the alias; `with`: a WITH
   * clause, e.g. an INSERT … RETURNING * named as the alias) and hydrates the rows.
   */
  async query(rest: string, params: unknown[], em: EntityManager = this.ds.manager, withClause = ''): Promise<T[]> {
    const rows: Record<string, unknown>[] = await em.query(`${withClause} SELECT ${this.select} ${rest}`, params);
    return rows.map((row) => this.hydrate(row));
  }

  /** The entity in a row that selected `select` (with other columns beside it, or none). */
  hydrate(row: Record<string, unknown>): T {
    const entity = this.metadata.create(undefined, { fromDeserializer: true }) as T;
    this.columns.forEach((c, i) => c.setEntityValue(entity, this.ds.driver.prepareHydratedValue(row[`${this.prefix}${i}`], c)));
    return entity;
  }
}
