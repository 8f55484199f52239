import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { GqlContext } from '../../common/graphql/gql-context';
import { manyByKey, requestLoader } from '../../common/loaders/request-loader';
import { CodedSegmentEntity } from './coded-segment.entity';
import { ObservationVersionEntity } from './observation-version.entity';

@Injectable()
export class ObservationLoaders {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Segments per observation, in text order. */
  segments(ctx: GqlContext) {
    return requestLoader<string, CodedSegmentEntity[]>(ctx, 'observation.segments', async (ids) => {
      const rows = await this.ds
        .getRepository(CodedSegmentEntity)
        .createQueryBuilder('s')
        .where('s.observationId IN (:...ids)', { ids })
        .orderBy('s.start')
        .addOrderBy('s.id')
        .getMany();
      return manyByKey(ids, rows, (s) => s.observationId);
    });
  }

  /** Every version per observation, oldest first. */
  versions(ctx: GqlContext) {
    return requestLoader<string, ObservationVersionEntity[]>(ctx, 'observation.versions', async (ids) => {
      const rows = await this.ds
        .getRepository(ObservationVersionEntity)
        .createQueryBuilder('v')
        .where('v.observationId IN (:...ids)', { ids })
        .orderBy('v.version')
        .getMany();
      return manyByKey(ids, rows, (v) => v.observationId);
    });
  }
}
