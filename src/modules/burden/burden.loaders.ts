import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { GqlContext } from '../../common/graphql/gql-context';
import { manyByKey, oneByKey, requestLoader } from '../../common/loaders/request-loader';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { BurdenReportRevisionEntity } from './burden-report.entity';
import { workingHoursSql } from './burden.sql';

/** A report's staff hours against its organisation's working time (null without a staff size for the whole period). */
export interface WorkingTime {
  workingHours: number | null;
  share: number | null;
}

@Injectable()
export class BurdenLoaders {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  workingTime(ctx: GqlContext) {
    return requestLoader<string, WorkingTime>(ctx, 'burden.workingTime', async (ids) => {
      const rows: (WorkingTime & { id: string })[] = await this.ds.query(
        `SELECT b.id, wt.hours AS "workingHours", b.staff_hours::float8 / nullif(wt.hours, 0) AS share
           FROM burden_report b CROSS JOIN LATERAL (SELECT ${workingHoursSql('b', '$2::float8')} AS hours) wt
          WHERE b.id = ANY($1::uuid[])`,
        [ids, this.config.reporting.workingHoursPerWeek],
      );
      return oneByKey(ids, rows, (r) => r.id).map((r) => r ?? { workingHours: null, share: null });
    });
  }

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
