import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { GqlContext } from '../../common/graphql/gql-context';
import { manyByKey, oneByKey, requestLoader } from '../../common/loaders/request-loader';
import { OrganisationEntity } from './organisation.entity';
import { visibleOrganisations } from '../access/access.rules';
import { applyTo } from '../access/sql-fragment';

/** Batched organisation look-ups; one `IN (...)` query per batch. */
@Injectable()
export class OrganisationLoaders {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** By id, within what the caller may see (null outside it): every organisation field of every type. */
  byId(ctx: GqlContext) {
    return requestLoader<string, OrganisationEntity | null>(ctx, 'organisation.byId', async (ids) => {
      const qb = this.ds.getRepository(OrganisationEntity).createQueryBuilder('o').where('o.id IN (:...ids)', { ids });
      const rows = await applyTo(qb, visibleOrganisations(ctx.req.user!, 'o.id')).getMany();
      return oneByKey(ids, rows, (o) => o.id);
    });
  }

  /**
   * Organisations linked to each key through a join table with an `organisation_id` column
   * (pilot participants, instrument targets, wave units), distinct and by name, within what the
   * caller may see. `joinTable` and `keyColumn` are code constants, never user input.
   */
  linkedThrough(ctx: GqlContext, joinTable: string, keyColumn: string) {
    return requestLoader<string, OrganisationEntity[]>(ctx, `organisation.via.${joinTable}.${keyColumn}`, async (keys) => {
      const qb = this.ds
        .getRepository(OrganisationEntity)
        .createQueryBuilder('o')
        .innerJoin(joinTable, 'j', 'j.organisation_id = o.id')
        .addSelect(`j.${keyColumn}`, 'link_key')
        .where(`j.${keyColumn} IN (:...keys)`, { keys })
        .orderBy('o.name')
        .addOrderBy('o.id');
      const { entities, raw } = await applyTo(qb, visibleOrganisations(ctx.req.user!, 'o.id')).getRawAndEntities<{ link_key: string; o_id: string }>();
      const byId = new Map(entities.map((o) => [o.id, o]));
      const pairs = new Map<string, { key: string; org: OrganisationEntity }>();
      for (const r of raw) pairs.set(`${r.link_key}:${r.o_id}`, { key: r.link_key, org: byId.get(r.o_id)! });
      return manyByKey(keys, [...pairs.values()], (p) => p.key).map((list) => list.map((p) => p.org));
    });
  }

  /** Direct children within the caller's scope, by name. */
  visibleChildren(ctx: GqlContext) {
    return requestLoader<string, OrganisationEntity[]>(ctx, 'organisation.visibleChildren', async (parentIds) => {
      const qb = this.ds
        .getRepository(OrganisationEntity)
        .createQueryBuilder('o')
        .where('o.parentId IN (:...parentIds)', { parentIds })
        .orderBy('o.name')
        .addOrderBy('o.id');
      const rows = await applyTo(qb, visibleOrganisations(ctx.req.user!, 'o.id')).getMany();
      return manyByKey(parentIds, rows, (o) => o.parentId!);
    });
  }
}
