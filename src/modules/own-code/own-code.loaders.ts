import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { GqlContext } from '../../common/graphql/gql-context';
import { oneByKey, requestLoader } from '../../common/loaders/request-loader';
import { visibleOwnCodes } from '../access/access.rules';
import { applyTo } from '../access/sql-fragment';
import { OwnCodeEntity } from './own-code.entity';

@Injectable()
export class OwnCodeLoaders {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** An own code by id, within what the caller may see (null outside it). */
  byId(ctx: GqlContext) {
    return requestLoader<string, OwnCodeEntity | null>(ctx, 'ownCode.byId', async (ids) => {
      const qb = this.ds.getRepository(OwnCodeEntity).createQueryBuilder('c').where('c.id IN (:...ids)', { ids });
      return oneByKey(ids, await applyTo(qb, visibleOwnCodes(ctx.req.user!, 'c')).getMany(), (c) => c.id);
    });
  }
}
