import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';

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
  /** `alias.col AS "c0", …`: the columns TypeORM selects by default. */
  readonly select: string;

  constructor(
    private readonly ds: DataSource,
    target: EntityTarget<T>,
    readonly alias: string,
  ) {
    this.metadata = ds.getMetadata(target);
    this.columns = this.metadata.columns.filter((c) => !c.isVirtual && c.isSelect);
    this.select = this.columns.map((c, i) => `${alias}."${c.databaseName}" AS "c${i}"`).join(', ');
  }

  /**
   * Runs `[with] SELECT <columns> <rest>` (rest: FROM … WHERE …, using the alias; `with`: a WITH
   * clause, e.g. an INSERT … RETURNING * named as the alias) and hydrates the rows.
   */
  async query(rest: string, params: unknown[], em: EntityManager = this.ds.manager, withClause = ''): Promise<T[]> {
    const rows: Record<string, unknown>[] = await em.query(`${withClause} SELECT ${this.select} ${rest}`, params);
    return rows.map((row) => this.hydrate(row));
  }

  private hydrate(row: Record<string, unknown>): T {
    const entity = this.metadata.create(undefined, { fromDeserializer: true }) as T;
    this.columns.forEach((c, i) => c.setEntityValue(entity, this.ds.driver.prepareHydratedValue(row[`c${i}`], c)));
    return entity;
  }
}
