import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { GqlContext } from '../../common/graphql/gql-context';
import { oneByKey, requestLoader } from '../../common/loaders/request-loader';
import { visibleReports } from '../access/access.rules';
import { applyTo } from '../access/sql-fragment';
import { SupervisionInteractionEntity } from './supervision.entity';

/** Batched look-ups of supervisory contacts, within what the caller may see (null outside it). */
@Injectable()
export class SupervisionLoaders {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  byId(ctx: GqlContext) {
    return requestLoader<string, SupervisionInteractionEntity | null>(ctx, 'supervision.byId', async (ids) => {
      const qb = this.ds.getRepository(SupervisionInteractionEntity).createQueryBuilder('si').where('si.id IN (:...ids)', { ids });
      return oneByKey(ids, await applyTo(qb, visibleReports(ctx.req.user!, 'si.organisation_id')).getMany(), (si) => si.id);
    });
  }
}
