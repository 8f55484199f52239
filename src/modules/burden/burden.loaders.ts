import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { GqlContext } from '../../common/graphql/gql-context';
import { manyByKey, requestLoader } from '../../common/loaders/request-loader';
import { BurdenReportRevisionEntity } from './burden-report.entity';

@Injectable()
export class BurdenLoaders {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Replaced values per report, oldest first. */
  revisions(ctx: GqlContext) {
    return requestLoader<string, BurdenReportRevisionEntity[]>(ctx, 'burden.revisions', async (ids) => {
      const rows = await this.ds
        .getRepository(BurdenReportRevisionEntity)
        .createQueryBuilder('r')
        .where('r.reportId IN (:...ids)', { ids })
        .orderBy('r.revision')
        .getMany();
      return manyByKey(ids, rows, (r) => r.reportId);
    });
  }
}
