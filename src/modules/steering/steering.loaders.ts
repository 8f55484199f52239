import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { GqlContext } from '../../common/graphql/gql-context';
import { manyByKey, oneByKey, requestLoader } from '../../common/loaders/request-loader';
import { IndicatorEntity } from './indicator.entity';
import { SteeringInstrumentEntity } from './steering-instrument.entity';

@Injectable()
export class SteeringLoaders {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  instrumentById(ctx: GqlContext) {
    return requestLoader<string, SteeringInstrumentEntity | null>(ctx, 'steering.instrumentById', async (ids) => {
      const rows = await this.ds.getRepository(SteeringInstrumentEntity).createQueryBuilder('si').where('si.id IN (:...ids)', { ids }).getMany();
      return oneByKey(ids, rows, (r) => r.id);
    });
  }

  indicatorById(ctx: GqlContext) {
    return requestLoader<string, IndicatorEntity | null>(ctx, 'steering.indicatorById', async (ids) => {
      const rows = await this.ds.getRepository(IndicatorEntity).createQueryBuilder('i').where('i.id IN (:...ids)', { ids }).getMany();
      return oneByKey(ids, rows, (r) => r.id);
    });
  }

  indicatorsByInstrument(ctx: GqlContext) {
    return requestLoader<string, IndicatorEntity[]>(ctx, 'steering.indicators', async (instrumentIds) => {
      const rows = await this.ds
        .getRepository(IndicatorEntity)
        .createQueryBuilder('i')
        .where('i.instrumentId IN (:...instrumentIds)', { instrumentIds })
        .orderBy('i.introducedOn')
        .addOrderBy('i.id')
        .getMany();
      return manyByKey(instrumentIds, rows, (r) => r.instrumentId);
    });
  }
}
