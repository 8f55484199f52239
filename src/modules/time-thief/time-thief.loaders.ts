import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { GqlContext } from '../../common/graphql/gql-context';
import { manyByKey, requestLoader } from '../../common/loaders/request-loader';
import { TimeThiefStatusChangeEntity } from './time-thief.entity';

@Injectable()
export class TimeThiefLoaders {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Status changes per time thief, oldest first. */
  history(ctx: GqlContext) {
    return requestLoader<string, TimeThiefStatusChangeEntity[]>(ctx, 'timeThief.history', async (ids) => {
      const rows = await this.ds
        .getRepository(TimeThiefStatusChangeEntity)
        .createQueryBuilder('c')
        .where('c.timeThiefId IN (:...ids)', { ids })
        .orderBy('c.changedOn')
        .addOrderBy('c.recordedAt')
        .getMany();
      return manyByKey(ids, rows, (c) => c.timeThiefId);
    });
  }
}
